package org.starkit.source;

import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;

/**
 * Everything read from the source directory, sorted by path, with the problems met while reading
 * (files that could not be read safely are left out and reported).
 */
public record SourceSet(List<SourceFile> files, List<Diagnostic> diagnostics) {
  public SourceSet {
    files = List.copyOf(files);
    diagnostics = List.copyOf(diagnostics);
  }

  public Optional<SourceFile> find(String path) {
    return files.stream().filter(f -> f.path().equals(path)).findFirst();
  }
}
