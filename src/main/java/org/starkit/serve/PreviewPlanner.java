package org.starkit.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.build.BuildOptions;
import org.starkit.build.MarkdownBatch;
import org.starkit.build.SitePlanner;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;
import org.starkit.source.SourceSet;

/**
 * The build's planning stages ({@link SitePlanner}) for the preview: loads through
 * {@link PreviewLoader} and renders only the Markdown bodies that changed. The cross-file checks run
 * over the whole curriculum every time, exactly as the build runs them.
 */
final class PreviewPlanner {
  /** A rendered body with what it was rendered from. */
  private record Body(String markdown, String root, RenderedPage page) {}

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final PreviewLoader loader = new PreviewLoader();
  private Map<String, Body> bodies = new HashMap<>();
  private LinkTargets targets;
  private int rendered;

  /** How many Markdown bodies were rendered, over all plans. */
  int rendered() {
    return rendered;
  }

  /** How many lesson files were parsed, over all plans. */
  int parsed() {
    return loader.parsed();
  }

  SitePlanner.Plan plan(BuildOptions options, SourceSet sources) {
    return SitePlanner.plan(options, loader.load(sources), (all, next) -> renderMarkdown(all, next));
  }

  /** Every body's rendering, rendering only bodies that changed since the last plan. */
  private Map<String, RenderedPage> renderMarkdown(List<MarkdownBatch.Body> all, LinkTargets next) {
    if (!next.equals(targets)) {
      bodies = new HashMap<>(); // links render differently: every body again
    }
    targets = next;
    Map<String, RenderedPage> pages = new HashMap<>();
    Map<String, Body> kept = new HashMap<>();
    List<MarkdownBatch.Body> misses = new ArrayList<>();
    for (MarkdownBatch.Body b : all) {
      Body known = bodies.get(b.path());
      if (known != null && known.root().equals(b.root())
          && (known.markdown() == b.markdown() || known.markdown().equals(b.markdown()))) {
        pages.put(b.path(), known.page());
        kept.put(b.path(), known);
      } else {
        misses.add(b);
      }
    }
    Map<String, RenderedPage> fresh = MarkdownBatch.render(markdown, misses, next);
    rendered += misses.size();
    for (MarkdownBatch.Body b : misses) {
      RenderedPage page = fresh.get(b.path());
      pages.put(b.path(), page);
      kept.put(b.path(), new Body(b.markdown(), b.root(), page));
    }
    bodies = kept;
    return pages;
  }
}
