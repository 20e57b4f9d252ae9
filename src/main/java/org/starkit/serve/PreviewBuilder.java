package org.starkit.serve;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.starkit.build.BuildCache;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.source.SourceSet;
import org.starkit.write.OutputFile;

/**
 * Builds the site in memory for the preview, again and again, reusing what earlier builds rendered.
 * A build that fails, even by throwing, becomes a snapshot that shows its problems and keeps the
 * last good site.
 */
final class PreviewBuilder {
  private final BuildOptions options;
  private final SiteBuilder builder = new SiteBuilder(new BuildCache());
  private final String session;
  private long generation;
  private volatile Snapshot current;

  PreviewBuilder(BuildOptions options) {
    this.options = options;
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.session = HexFormat.of().formatHex(random);
  }

  /** What to serve now; null before the first build. */
  Snapshot current() {
    return current;
  }

  /** Builds again; true when what the preview serves changed, so open pages should reload. */
  synchronized boolean rebuild() {
    BuildResult result;
    try {
      result = builder.check(options);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      result = stopped(e);
    }
    boolean failing = !result.passes(options.strict()) || result.files().isEmpty();
    Snapshot before = current;
    Map<String, OutputFile> site = before == null ? Map.of() : before.site();
    if (!failing) {
      Map<String, OutputFile> files = new HashMap<>();
      result.files().forEach(f -> files.put(f.path(), f));
      site = files;
    }
    boolean changed = before == null || failing != before.failing()
        || (failing ? !result.diagnostics().equals(before.result().diagnostics()) : !site.equals(before.site()));
    if (changed) {
      generation++;
    }
    current = new Snapshot(session + "-" + generation, site, result, failing);
    return changed;
  }

  private BuildResult stopped(Throwable e) {
    String where = options.sourceLabel().isEmpty() ? options.source().toString() : options.sourceLabel();
    Diagnostic d = Diagnostic.error(where, 0, 0, "build-failed", "The build stopped: " + e,
        "Fix the cause and save again; if it persists, run 'starkit check' with STARKIT_DEBUG=1.");
    return new BuildResult(List.of(d), List.of(), new SourceSet(List.of(), List.of()), 0);
  }
}
