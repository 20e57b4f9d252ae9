package org.starkit.build;

import java.util.List;
import java.util.Map;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;

/**
 * The Markdown bodies a build renders ({@link Body}), and rendering them the way a build does (on
 * all cores, with a large stack, a body too deep to parse becoming a diagnostic), for callers
 * outside the build package such as the preview, which keeps its own cache of rendered bodies.
 */
public final class MarkdownBatch {
  /** One body: its source path, the Markdown, and the page's path to the site root. */
  public record Body(String path, String markdown, String root) {}

  private MarkdownBatch() {}

  /** The rendered bodies by source path. */
  public static Map<String, RenderedPage> render(MarkdownRenderer markdown, List<Body> bodies, LinkTargets targets) {
    if (bodies.isEmpty()) {
      return Map.of();
    }
    return MarkdownJobs.run(markdown, bodies, targets);
  }
}
