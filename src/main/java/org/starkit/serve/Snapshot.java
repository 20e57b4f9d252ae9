package org.starkit.serve;

import java.util.Map;
import org.starkit.build.BuildResult;
import org.starkit.write.OutputFile;

/**
 * What the preview serves after a build.
 *
 * @param version changes whenever what is served changes; open pages reload when it does
 * @param site the files of the last build that passed, by site path (empty before the first)
 * @param result the latest build, passing or not
 * @param failing whether the latest build failed, so that pages show its problems instead
 */
record Snapshot(String version, Map<String, OutputFile> site, BuildResult result, boolean failing) {
  Snapshot {
    site = Map.copyOf(site);
  }
}
