package org.starkit.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {
  private final Diagnostic d = Diagnostic.error("curriculum/lessons/a.md", 3, 8, "unknown-level",
      "'begginer' is not a known level.", "Levels: beginner, advanced.");

  private String print(DiagnosticPrinter.Format format) {
    StringWriter s = new StringWriter();
    new DiagnosticPrinter(format, p -> List.of("---", "title: A", "level: begginer"), "").print(List.of(d), new PrintWriter(s, true));
    return s.toString();
  }

  @Test
  void humanFormatShowsLineAndCaret() {
    assertThat(print(DiagnosticPrinter.Format.HUMAN)).isEqualTo(
        "curriculum/lessons/a.md:3:8: error[unknown-level]: 'begginer' is not a known level.\n"
            + "  3 | level: begginer\n"
            + "    |        ^\n"
            + "  hint: Levels: beginner, advanced.\n");
  }

  @Test
  void githubFormatIsAWorkflowCommand() {
    assertThat(print(DiagnosticPrinter.Format.GITHUB)).isEqualTo(
        "::error file=curriculum/lessons/a.md,line=3,col=8,title=unknown-level::"
            + "'begginer' is not a known level.%0ALevels: beginner, advanced.\n");
  }

  @Test
  void sortsByFileLineAndColumn() {
    Diagnostic a = Diagnostic.warning("b.md", 1, 1, "x", "m", "");
    Diagnostic b = Diagnostic.error("a.md", 10, 2, "x", "m", "");
    Diagnostic c = Diagnostic.error("a.md", 2, 5, "x", "m", "");
    assertThat(java.util.stream.Stream.of(a, b, c).sorted().toList()).containsExactly(c, b, a);
  }
}
