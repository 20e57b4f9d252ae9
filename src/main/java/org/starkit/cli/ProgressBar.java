package org.starkit.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar for long runs, such as issuing a workshop's roster. It redraws itself
 * with carriage returns, so it is only shown on an interactive terminal: in a log or on CI it
 * would leave a line of clutter per step.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final int total;
  private final String label;
  private final boolean shown;
  private int done;

  ProgressBar(PrintWriter err, int total, String label, boolean shown) {
    this.err = err;
    this.total = total;
    this.label = label;
    this.shown = shown && total > 1;
  }

  /** Whether this process writes to a person at a terminal rather than to a file, a pipe or CI. */
  static boolean interactive() {
    String ci = System.getenv("CI");
    return System.console() != null && (ci == null || ci.isEmpty() || ci.equals("false"));
  }

  void step() {
    done++;
    if (shown) {
      int filled = done * WIDTH / total;
      err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + label);
      err.flush();
    }
  }

  void finish() {
    if (shown && done > 0) {
      err.println();
    }
  }
}
