package org.starkit.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.markdown.CalloutTypes;

/**
 * Puts callout labels into the page's language. The Markdown stage labels a callout without a
 * title of its own with the English default ("Solution"); this swaps such labels for
 * {@code callout.<type>} from the theme's messages. Labels an author wrote stay as written.
 */
final class CalloutLabeler {
  private static final Pattern LABEL = Pattern.compile(
      "(<details class=\"callout callout-([a-z]+)\"><summary>|<aside class=\"callout callout-([a-z]+)\">"
          + "<p class=\"callout-label\">)([^<]*)(</summary>|</p>)");

  private CalloutLabeler() {}

  static String localize(String html, MessageBundle text) {
    if (!html.contains("class=\"callout ")) {
      return html;
    }
    Matcher m = LABEL.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 64);
    while (m.find()) {
      String type = m.group(2) != null ? m.group(2) : m.group(3);
      String label = m.group(4);
      String replacement = m.group();
      if (label.equals(CalloutTypes.label(type)) && text.has("callout." + type)) {
        replacement = m.group(1) + HtmlText.escape(text.text("callout." + type)) + m.group(5);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
