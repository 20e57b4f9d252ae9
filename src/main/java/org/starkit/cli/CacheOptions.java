package org.starkit.cli;

import java.nio.file.Path;
import org.starkit.build.BuildOptions;
import org.starkit.build.DiskCache;
import org.starkit.build.SiteBuilder;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Where {@code build} and {@code check} keep their cache on disk, or that they keep none. */
final class CacheOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Folder of the build cache (default: " + DiskCache.DEFAULT_NAME + " beside the --out folder)."
          + " Safe to delete at any time.")
  String cache;

  @Option(names = "--no-cache", description = "Neither read nor write the build cache: render and write everything.")
  boolean noCache;

  /** A builder with the cache folder these options name, or none. */
  SiteBuilder builder(BuildOptions build) {
    if (noCache) {
      if (cache != null) {
        throw new ParameterException(spec.commandLine(), "--cache and --no-cache contradict each other; give one.");
      }
      return new SiteBuilder();
    }
    Path out = build.out().toAbsolutePath().normalize();
    Path dir = cache != null ? Path.of(cache).toAbsolutePath().normalize() : DiskCache.defaultFor(out);
    Path src = build.source().toAbsolutePath().normalize();
    Path theme = build.theme().dir().toAbsolutePath().normalize();
    for (Path other : new Path[] {out, src, theme}) {
      if (dir.startsWith(other) || other.startsWith(dir)) {
        throw new ParameterException(spec.commandLine(), "--cache '" + dir + "' overlaps the output, source or theme"
            + " folder; the cache must be a folder of its own.");
      }
    }
    return new SiteBuilder(new DiskCache(dir));
  }
}
