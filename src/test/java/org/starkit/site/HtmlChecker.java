package org.starkit.site;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML Checker (the engine behind validator.w3.org/nu) used as a library, with the
 * schema the command-line checker uses for HTML. One instance checks many documents, one at a time.
 */
final class HtmlChecker {
  private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
  private final List<String> messages = new ArrayList<>();
  private final SimpleDocumentValidator validator;

  HtmlChecker() throws Exception {
    validator = new SimpleDocumentValidator(true, false, false);
    ErrorHandler handler = new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        // warnings (such as "consider adding a lang attribute") are advice, not errors
      }

      @Override
      public void error(SAXParseException e) {
        messages.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        error(e);
      }
    };
    validator.setUpMainSchema(SCHEMA, handler);
    validator.setUpValidatorAndParsers(handler, true, false);
  }

  /** The checker's errors for one document, as {@code line:column: message}; empty when it is valid. */
  synchronized List<String> errors(String systemId, byte[] html) throws Exception {
    messages.clear();
    InputSource in = new InputSource(new ByteArrayInputStream(html));
    in.setSystemId(systemId);
    in.setEncoding("UTF-8");
    validator.checkHtmlInputSource(in);
    return List.copyOf(messages);
  }
}
