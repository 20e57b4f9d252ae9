package org.starkit.load;

import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;

/**
 * The YAML between the opening and closing {@code ---} lines at the top of a Markdown file, and
 * the body after it.
 *
 * @param yaml the YAML text
 * @param firstLine the 1-based file line of the first YAML line
 * @param body the file with the front-matter lines blanked, so body line numbers stay file lines
 */
public record FrontMatter(String yaml, int firstLine, String body) {

  /** Splits {@code text}, or reports why it has no usable front matter. */
  public static Optional<FrontMatter> split(String file, String text, List<Diagnostic> problems) {
    if (!text.startsWith("---\n") && !text.equals("---")) {
      problems.add(Diagnostic.error(file, 1, 1, "missing-front-matter",
          "The file does not start with front matter.",
          "Start the file with a line '---', the fields (title, level, duration, summary), and another '---'."));
      return Optional.empty();
    }
    int lineStart = 4;
    int line = 2;
    while (lineStart <= text.length()) {
      int end = text.indexOf('\n', lineStart);
      String current = end < 0 ? text.substring(lineStart) : text.substring(lineStart, end);
      String trimmed = current.stripTrailing();
      if (trimmed.equals("---") || trimmed.equals("...")) {
        String yaml = text.substring(4, lineStart);
        String rest = end < 0 ? "" : text.substring(end + 1);
        String body = "\n".repeat(line) + rest;
        return Optional.of(new FrontMatter(yaml, 2, body));
      }
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
      line++;
    }
    problems.add(Diagnostic.error(file, 1, 1, "unclosed-front-matter",
        "The front matter that starts on line 1 is never closed.",
        "End the front matter with a line that holds only '---'."));
    return Optional.empty();
  }
}
