package org.starkit.serve;

import org.starkit.build.BuildResult;

/**
 * What the preview serves after a build.
 *
 * @param version changes whenever what is served changes; open pages reload when it does
 * @param site the files of the last build that passed, made as they are asked for (empty before the first)
 * @param result the latest build, passing or not
 * @param failing whether the latest build failed, so that pages show its problems instead
 */
record Snapshot(String version, PreviewSite site, BuildResult result, boolean failing) {}
