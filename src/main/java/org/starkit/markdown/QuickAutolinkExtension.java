package org.starkit.markdown;

import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Flexmark's {@link AutolinkExtension}, run only on text that could hold a link. The extension
 * unescapes every text node and scans it for URLs, {@code www.} names and e-mail addresses (a tenth
 * of all Markdown time); none can be found in text that has no {@code :}, no {@code @}, no
 * {@code www.} and nothing that unescapes into one ({@code \} or {@code &}), so such a node is left
 * as the extension would leave it. Nodes the extension would join with an entity or typographic
 * node after them always go to it.
 */
final class QuickAutolinkExtension implements Parser.ParserExtension {
  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.postProcessorFactory(new Factory());
  }

  /** Whether the autolink extension could change this text node. */
  static boolean mayHoldLink(Node node) {
    Node next = node.getNext();
    if (next instanceof TypographicText || next instanceof HtmlEntity) {
      return true;
    }
    BasedSequence chars = node.getChars();
    int n = chars.length();
    for (int i = 0; i < n; i++) {
      char c = chars.charAt(i);
      if (c == ':' || c == '@' || c == '\\' || c == '&') {
        return true;
      }
      if (c == '.' && i >= 3 && isW(chars.charAt(i - 1)) && isW(chars.charAt(i - 2)) && isW(chars.charAt(i - 3))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isW(char c) {
    return c == 'w' || c == 'W';
  }

  private static final class Factory extends NodePostProcessorFactory {
    private final AutolinkNodePostProcessor.Factory autolinks = new AutolinkNodePostProcessor.Factory();

    Factory() {
      super(false);
      addNodes(Text.class);
    }

    @Override
    public NodePostProcessor apply(Document document) {
      NodePostProcessor full = autolinks.apply(document);
      return new NodePostProcessor() {
        @Override
        public void process(NodeTracker state, Node node) {
          if (mayHoldLink(node)) {
            full.process(state, node);
          }
        }
      };
    }
  }
}
