package org.starkit.build;

import java.util.List;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.source.SourceSet;
import org.starkit.write.OutputFile;

/**
 * The outcome of a build or check.
 *
 * @param diagnostics every problem, sorted, with file paths as the user sees them
 * @param files the site's files (empty when the build stopped before rendering); with the disk cache
 *     after an edit to Markdown bodies only, just those made this time, the rest being kept from the
 *     site in the output folder
 * @param sources what was read, to show the offending lines of diagnostics
 * @param fileCount how many files the site has
 * @param unchanged true when nothing changed since the last build into the same folder, which the
 *     disk cache ({@link DiskCache}) knew: then nothing was rendered or written and {@code files} is empty
 */
public record BuildResult(List<Diagnostic> diagnostics, List<OutputFile> files, SourceSet sources, int lessons,
    int fileCount, boolean unchanged) {
  public BuildResult {
    diagnostics = List.copyOf(diagnostics);
    files = List.copyOf(files);
  }

  public BuildResult(List<Diagnostic> diagnostics, List<OutputFile> files, SourceSet sources, int lessons) {
    this(diagnostics, files, sources, lessons, files.size(), false);
  }

  public long errors() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  public long warnings() {
    return diagnostics.size() - errors();
  }

  /** Whether the site may be written: no errors, and no warnings either when strict. */
  public boolean passes(boolean strict) {
    return errors() == 0 && (!strict || warnings() == 0);
  }
}
