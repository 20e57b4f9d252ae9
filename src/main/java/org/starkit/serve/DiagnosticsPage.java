package org.starkit.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.starkit.build.BuildResult;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.source.SourceFile;
import org.starkit.source.TextDecoder;

/**
 * The page the preview shows instead of the site while the build fails: every problem with its
 * file, line, column, code, message, hint and source line, all HTML-escaped, and a link to the same
 * page in the last good build.
 */
final class DiagnosticsPage {
  static final String LAST_GOOD = "/__starkit/last-good/";

  private static final String STYLE = "body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem 2rem;"
      + "color:#1b1b1b;background:#fff}h1{font-size:1.5rem;color:#a30000}ol{padding-left:1.2rem}"
      + "li{margin:0 0 1.2rem}code,pre{font:14px/1.4 ui-monospace,monospace}pre{background:#f4f4f4;padding:.5rem;"
      + "overflow:auto}.error .severity{color:#a30000}.warning .severity{color:#8a5a00}.hint{color:#444}"
      + "@media (prefers-color-scheme:dark){body{color:#eee;background:#161616}pre{background:#262626}"
      + "h1,.error .severity{color:#ff7b7b}.hint{color:#bbb}}";

  private final String sourceLabel;

  /** @param sourceLabel how diagnostics name the source folder, to find their source lines */
  DiagnosticsPage(String sourceLabel) {
    this.sourceLabel = sourceLabel.isEmpty() ? "" : sourceLabel + "/";
  }

  /**
   * @param result the failed build
   * @param lastGood this page's address below the site root as requested (such as {@code lessons/x/}),
   *     to link to it in the last good build; empty when there is no last good build
   */
  String render(BuildResult result, Optional<String> lastGood) {
    StringBuilder s = new StringBuilder(8 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    s.append("<title>The site does not build (starkit serve)</title>\n<style>").append(STYLE).append("</style>\n");
    s.append("</head>\n<body>\n<main>\n<h1>The site does not build</h1>\n<p>")
        .append(counts(result)).append(". Fix the files below; this page reloads by itself once the site builds.");
    lastGood.ifPresent(p -> s.append(" Meanwhile, <a href=\"").append(escape(LAST_GOOD + p))
        .append("\">see this page as of the last good build</a>."));
    s.append("</p>\n<ol class=\"problems\">\n");
    for (Diagnostic d : result.diagnostics()) {
      s.append("<li class=\"").append(d.severity().label()).append("\">\n<p><code class=\"location\">")
          .append(escape(d.location())).append("</code>: <strong class=\"severity\">").append(d.severity().label())
          .append("</strong> <code class=\"code\">[").append(escape(d.code())).append("]</code></p>\n");
      s.append("<p class=\"message\">").append(escape(d.message())).append("</p>\n");
      sourceLine(result, d)
          .ifPresent(line -> s.append("<pre class=\"source\">").append(escape(line)).append("</pre>\n"));
      if (!d.hint().isEmpty()) {
        s.append("<p class=\"hint\">hint: ").append(escape(d.hint())).append("</p>\n");
      }
      s.append("</li>\n");
    }
    s.append("</ol>\n</main>\n</body>\n</html>\n");
    return s.toString();
  }

  static String escape(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }

  private static String counts(BuildResult result) {
    long errors = result.errors();
    long warnings = result.warnings();
    return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
  }

  /** The offending line with a caret under the column, as the console shows it. */
  private Optional<String> sourceLine(BuildResult result, Diagnostic d) {
    if (d.line() == 0 || !d.file().startsWith(sourceLabel)) {
      return Optional.empty();
    }
    Optional<SourceFile> file = result.sources().find(d.file().substring(sourceLabel.length()));
    Optional<String> text = file.flatMap(f -> TextDecoder.decode(f, new ArrayList<>()));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<String> lines = List.of(text.get().split("\n", -1));
    if (d.line() > lines.size()) {
      return Optional.empty();
    }
    String line = lines.get(d.line() - 1).replace('\t', ' ');
    line = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    String gutter = String.valueOf(d.line());
    String shown = gutter + " | " + line;
    if (d.column() > 0 && d.column() <= line.length() + 1) {
      shown += "\n" + " ".repeat(gutter.length()) + " | " + " ".repeat(d.column() - 1) + "^";
    }
    return Optional.of(shown);
  }
}
