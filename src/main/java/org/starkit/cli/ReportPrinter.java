package org.starkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.starkit.build.BuildResult;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.DiagnosticPrinter;
import org.starkit.source.SourceFile;
import org.starkit.source.TextDecoder;

/** Prints a build's diagnostics and a one-line summary. */
final class ReportPrinter {
  private ReportPrinter() {}

  static void print(BuildResult result, SiteOptions options, PrintWriter err) {
    String prefix = options.toBuildOptions().sourceLabel();
    String stripped = prefix.isEmpty() ? "" : prefix + "/";
    java.util.Map<String, SourceFile> byPath = new java.util.HashMap<>(); // filled for the first problem shown
    java.util.Map<String, List<String>> lines = new java.util.HashMap<>(); // a file is decoded once, not per problem
    DiagnosticPrinter printer = new DiagnosticPrinter(options.printFormat(), path -> {
      if (!path.startsWith(stripped)) {
        return List.of();
      }
      if (byPath.isEmpty()) {
        result.sources().files().forEach(f -> byPath.put(f.path(), f));
      }
      return lines.computeIfAbsent(path, p -> Optional.ofNullable(byPath.get(p.substring(stripped.length())))
          .flatMap(f -> TextDecoder.decode(f, new java.util.ArrayList<>()))
          .map(t -> List.of(t.split("\n", -1))).orElse(List.of()));
    }, "");
    List<Diagnostic> shown = options.quiet
        ? result.diagnostics().stream().filter(d -> d.isError() || options.strict).toList()
        : result.diagnostics();
    printer.print(shown, err);
  }

  static String counts(BuildResult result) {
    return plural(result.errors(), "error") + ", " + plural(result.warnings(), "warning");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
