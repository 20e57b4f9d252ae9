package org.starkit.diagnostic;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Prints diagnostics for people (with the offending source line and a caret) or as GitHub Actions
 * workflow commands, which GitHub turns into annotations on the pull request.
 */
public final class DiagnosticPrinter {
  /** Output formats a user can pick with {@code --format}. */
  public enum Format {
    HUMAN,
    GITHUB;

    public static Format parse(String value) {
      return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
  }

  private final Format format;
  private final Function<String, List<String>> sourceLines;
  private final String pathPrefix;

  /**
   * @param sourceLines gives the lines of a source file by its relative path (empty if unknown)
   * @param pathPrefix prepended to relative paths so editors and GitHub find the file
   */
  public DiagnosticPrinter(Format format, Function<String, List<String>> sourceLines, String pathPrefix) {
    this.format = format;
    this.sourceLines = sourceLines;
    this.pathPrefix = pathPrefix;
  }

  public void print(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      out.print(format == Format.GITHUB ? github(d) : human(d));
    }
  }

  String human(Diagnostic d) {
    StringBuilder s = new StringBuilder();
    s.append(pathPrefix).append(d.location()).append(": ").append(d.severity().label());
    s.append('[').append(d.code()).append("]: ").append(d.message()).append('\n');
    List<String> lines = sourceLines.apply(d.file());
    if (d.line() > 0 && d.line() <= lines.size()) {
      String text = lines.get(d.line() - 1);
      String gutter = String.valueOf(d.line());
      String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
      s.append("  ").append(gutter).append(" | ").append(shown.replace('\t', ' ')).append('\n');
      if (d.column() > 0 && d.column() <= shown.length() + 1) {
        s.append("  ").append(" ".repeat(gutter.length())).append(" | ");
        s.append(" ".repeat(d.column() - 1)).append("^\n");
      }
    }
    if (!d.hint().isEmpty()) {
      s.append("  hint: ").append(d.hint()).append('\n');
    }
    return s.toString();
  }

  String github(Diagnostic d) {
    StringBuilder s = new StringBuilder("::").append(d.isError() ? "error" : "warning");
    s.append(" file=").append(property(pathPrefix + d.file()));
    if (d.line() > 0) {
      s.append(",line=").append(d.line());
      if (d.column() > 0) {
        s.append(",col=").append(d.column());
      }
    }
    s.append(",title=").append(property(d.code()));
    String body = d.message() + (d.hint().isEmpty() ? "" : "\n" + d.hint());
    return s.append("::").append(data(body)).append('\n').toString();
  }

  private static String data(String value) {
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String value) {
    return data(value).replace(":", "%3A").replace(",", "%2C");
  }
}
