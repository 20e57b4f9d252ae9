package org.starkit.source;

import java.nio.file.FileSystemException;

/**
 * A source file read late in a build ({@link SourceReader.Stamps#mayDefer}) was not what its
 * unchanged stamp promised: it was edited during the build, or replaced by a copy that kept its
 * size and modification time. What was built from it cannot be trusted, so the build stops.
 */
public final class SourceChangedException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  public SourceChangedException(String file) {
    super(file, null, "it changed while the build read it, keeping its size and time; build again");
  }
}
