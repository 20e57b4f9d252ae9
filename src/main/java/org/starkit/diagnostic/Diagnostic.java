package org.starkit.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in the curriculum or theme.
 *
 * @param file path relative to the source directory, with forward slashes
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param code stable identifier of the check, such as {@code unknown-level}
 * @param message what is wrong in this very place
 * @param hint the general rule and how to fix it
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String code, String message, String hint)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  public static Diagnostic error(String file, int line, int column, String code, String message, String hint) {
    return new Diagnostic(file, line, column, Severity.ERROR, code, message, hint);
  }

  public static Diagnostic warning(
      String file, int line, int column, String code, String message, String hint) {
    return new Diagnostic(file, line, column, Severity.WARNING, code, message, hint);
  }

  /** The same diagnostic for a file named differently, such as with the source folder in front. */
  public Diagnostic withFile(String newFile) {
    return new Diagnostic(newFile, line, column, severity, code, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column}, leaving out what is unknown. */
  public String location() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.toString();
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
