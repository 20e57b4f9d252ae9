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
    // unmodifiable copies; a HashMap copy is several times faster than Map.copyOf for the
    // thousands of entries of a large curriculum, rebuilt on every preview save
    pages = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(pages));
    assets = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(assets));
  }

  /** Every path a link could name, for "did you mean" hints. */
  Set<String> all() {
    java.util.Set<String> all = new java.util.TreeSet<>(pages.keySet());
    all.addAll(assets.keySet());
    return all;
  }
}
