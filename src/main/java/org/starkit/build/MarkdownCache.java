package org.starkit.build;

import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.RenderedPage;

/**
 * Rendered Markdown bodies kept between builds. A body renders the same as long as its source
 * path, its text, its path to the site root and the link targets of the whole curriculum are the
 * same. The link targets are the same for every body of a build, so they are compared once per
 * build, not hashed into every key (that made each lookup cost as much as the whole curriculum):
 * entries belong to one set of link targets, and new targets start an empty cache. Each build
 * keeps only the entries it used, so the cache never holds more than one build's pages.
 */
public final class MarkdownCache {
  private final Map<MarkdownBatch.Body, RenderedPage> pages = new HashMap<>();
  private LinkTargets targets;
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();

  /** How many bodies were taken from the cache, over all builds. */
  public int hits() {
    return hits.get();
  }

  /** How many bodies had to be rendered, over all builds. */
  public int misses() {
    return misses.get();
  }

  synchronized RenderedPage find(MarkdownBatch.Body job, LinkTargets targets) {
    use(targets);
    RenderedPage page = pages.get(job);
    (page == null ? misses : hits).incrementAndGet();
    return page;
  }

  synchronized void store(MarkdownBatch.Body job, LinkTargets targets, RenderedPage page) {
    use(targets);
    pages.put(job, page);
  }

  /** Forgets every entry but those of the given build. */
  synchronized void retain(List<MarkdownBatch.Body> jobs, LinkTargets targets) {
    use(targets);
    pages.keySet().retainAll(new HashSet<>(jobs));
  }

  /**
   * Makes {@code next} the targets of the entries, dropping entries made for other targets. After
   * the first call of a build the targets are the same object, so the comparison is free.
   */
  private void use(LinkTargets next) {
    if (next != targets && !next.equals(targets)) {
      pages.clear();
    }
    targets = next;
  }
}
