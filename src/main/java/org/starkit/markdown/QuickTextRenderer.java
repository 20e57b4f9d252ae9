package org.starkit.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Writes plain text nodes as Flexmark's own renderer does, without its work where it changes
 * nothing. Flexmark unescapes every text node through a regular expression (backslash escapes and
 * entities), normalizes its line ends and escapes it for HTML through another; text with none of
 * {@code \ & \r < > "}, most text of a lesson, comes out of all three as it went in, so it is
 * written as it is. Any other text takes Flexmark's path.
 */
final class QuickTextRenderer implements NodeRenderer {
  static final NodeRendererFactory FACTORY = options -> new QuickTextRenderer();

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, QuickTextRenderer::render));
  }

  private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
    String text = node.getChars().toString();
    if (isPlain(text)) {
      html.raw(text);
    } else {
      html.text(Escaping.normalizeEOL(node.getChars().unescape())); // as Flexmark's CoreNodeRenderer does
    }
  }

  /** Whether unescaping, normalizing line ends and escaping for HTML would all leave the text as it is. */
  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '\\', '&', '\r', '<', '>', '"' -> {
          return false;
        }
        default -> { }
      }
    }
    return true;
  }
}
