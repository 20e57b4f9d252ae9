package org.starkit.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.starkit.build.BuildOptions;
import org.starkit.build.MarkdownBatch;
import org.starkit.build.SitePlanner;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;

/**
 * The build's planning stages ({@link SitePlanner}) for the preview: loads through
 * {@link PreviewLoader} and renders only the Markdown bodies that changed. An edit of lesson bodies
 * alone is planned from the last plan by {@link BodyEditPlanner}; any other change runs the
 * cross-file checks over the whole curriculum, exactly as the build runs them.
 */
final class PreviewPlanner {
  /** A rendered body with what it was rendered from. */
  private record Body(String markdown, String root, RenderedPage page) {}

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final PreviewLoader loader = new PreviewLoader();
  private final BodyEditPlanner edits = new BodyEditPlanner(loader, this::renderEdited);
  private Map<String, Body> bodies = new HashMap<>();
  private LinkTargets targets;
  private Map<String, RenderedPage> pages;
  private int rendered;
  private int planned;

  /** How many Markdown bodies were rendered, over all plans. */
  int rendered() {
    return rendered;
  }

  /** How many lesson files were parsed, over all plans. */
  int parsed() {
    return loader.parsed();
  }

  /** How many plans were made whole, over all plans. */
  int plannedWhole() {
    return planned;
  }

  /** The plan of the whole site. */
  SitePlanner.Plan plan(BuildOptions options, SourceSet sources) {
    edits.forget();
    pages = null;
    SitePlanner.Plan plan = SitePlanner.plan(options, loader.load(sources), (all, next) -> renderMarkdown(all, next));
    planned++;
    if (pages != null) {
      edits.keep(sources, plan, targets, pages);
    }
    return plan;
  }

  /**
   * The plan of the whole site after {@code changed}, the source paths whose content changed since
   * the last plan: from the last plan when only lesson bodies changed, else whole. {@code files}
   * finds a file of {@code sources} by path.
   */
  SitePlanner.Plan plan(BuildOptions options, SourceSet sources, Set<String> changed,
      Function<String, Optional<SourceFile>> files) {
    return edits.plan(options, sources, changed, files).orElseGet(() -> plan(options, sources));
  }

  /** Edited bodies rendered, and kept for the next whole plan, which then need not render them. */
  private Map<String, RenderedPage> renderEdited(List<MarkdownBatch.Body> edited, LinkTargets next) {
    Map<String, RenderedPage> fresh = MarkdownBatch.render(markdown, edited, next);
    rendered += edited.size();
    if (next.equals(targets)) {
      edited.forEach(b -> bodies.put(b.path(), new Body(b.markdown(), b.root(), fresh.get(b.path()))));
    }
    return fresh;
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
    this.pages = pages;
    return pages;
  }
}
