package org.starkit.build;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.RenderedPage;

/**
 * Rendered Markdown bodies kept between builds. A body renders the same as long as its source
 * path, its text, its path to the site root and the link targets of the whole curriculum are the
 * same, so that is the key. Each build keeps only the entries it used, so the cache never holds
 * more than one build's pages.
 */
public final class MarkdownCache {
  private record Key(MarkdownJobs.Job job, LinkTargets targets) {}

  private final Map<Key, RenderedPage> pages = new HashMap<>();
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

  synchronized RenderedPage find(MarkdownJobs.Job job, LinkTargets targets) {
    RenderedPage page = pages.get(new Key(job, targets));
    (page == null ? misses : hits).incrementAndGet();
    return page;
  }

  synchronized void store(MarkdownJobs.Job job, LinkTargets targets, RenderedPage page) {
    pages.put(new Key(job, targets), page);
  }

  /** Forgets every entry but those of the given build. */
  synchronized void retain(List<MarkdownJobs.Job> jobs, LinkTargets targets) {
    Set<Key> used = jobs.stream().map(j -> new Key(j, targets)).collect(Collectors.toSet());
    pages.keySet().retainAll(used);
  }
}
