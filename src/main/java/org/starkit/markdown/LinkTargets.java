package org.starkit.markdown;

import java.util.Map;
import java.util.Set;

/**
 * What a relative link in a lesson may point to.
 *
 * @param pages source path of each lesson or guide, to the site path of its page
 * @param assets source paths of images and data files, to their site paths
 */
public record LinkTargets(Map<String, String> pages, Map<String, String> assets) {
  public LinkTargets {
    pages = Map.copyOf(pages);
    assets = Map.copyOf(assets);
  }

  /** Every path a link could name, for "did you mean" hints. */
  Set<String> all() {
    java.util.Set<String> all = new java.util.TreeSet<>(pages.keySet());
    all.addAll(assets.keySet());
    return all;
  }
}
