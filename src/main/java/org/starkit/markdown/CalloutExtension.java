package org.starkit.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.Set;

/**
 * Flexmark extension for Carpentries callouts. Solutions, hints and spoilers render as closed
 * {@code <details>}; the others as {@code <aside>} with a visible label.
 */
final class CalloutExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customBlockParserFactory(new CalloutBlockParser.Factory());
  }

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(options -> new Renderer());
  }

  private static final class Renderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(new NodeRenderingHandler<>(CalloutBlock.class, this::render),
          new NodeRenderingHandler<>(CalloutBlock.End.class, (node, context, html) -> { }));
    }

    private void render(CalloutBlock node, NodeRendererContext context, HtmlWriter html) {
      String type = CalloutTypes.isKnown(node.type()) ? node.type() : "callout";
      String label = node.title().isBlank() ? CalloutTypes.label(node.type()) : node.title();
      html.line();
      if (CalloutTypes.isCollapsed(type)) {
        html.raw("<details class=\"callout callout-" + type + "\"><summary>");
        html.text(label);
        html.raw("</summary>").line();
        context.renderChildren(node);
        html.line().raw("</details>").line();
      } else {
        html.raw("<aside class=\"callout callout-" + type + "\"><p class=\"callout-label\">");
        html.text(label);
        html.raw("</p>").line();
        context.renderChildren(node);
        html.line().raw("</aside>").line();
      }
    }
  }
}
