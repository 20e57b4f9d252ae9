package org.starkit.serve;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the watcher saw change in one burst.
 *
 * @param paths the files and folders named by change events, as the watcher resolved them
 * @param everything true when the watcher cannot say what changed (events were lost, or came for a
 *     folder it no longer knew), so that everything must be read again
 */
record SourceChanges(Set<Path> paths, boolean everything) {
  SourceChanges {
    paths = Set.copyOf(paths);
  }

  /** Changes that make the preview read everything again. */
  static SourceChanges all() {
    return new SourceChanges(Set.of(), true);
  }
}
