package org.starkit.cli;

/** The exit codes every command uses. */
public final class ExitCode {
  public static final int OK = 0;
  /** The curriculum has errors (or warnings under --strict). */
  public static final int CONTENT = 1;
  /** The command line was wrong: unknown option, missing folder. */
  public static final int USAGE = 2;
  /** starkit itself failed: a bug or an I/O error. */
  public static final int INTERNAL = 3;

  private ExitCode() {}
}
