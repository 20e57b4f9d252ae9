package org.starkit.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers headings so that the body starts at {@code ##} and never skips a level, which is what
 * {@code starkit check} asks for (heading-h1, heading-jump). Each heading becomes one level deeper
 * than the nearest heading before it with a smaller original level, so siblings stay siblings:
 * {@code # A}, {@code ## B}, {@code # C} become {@code ## A}, {@code ### B}, {@code ## C}.
 * Setext headings (underlined with {@code ===} or {@code ---}) become ATX headings first.
 */
final class HeadingLeveler {
  private static final Pattern ATX = Pattern.compile(" {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*");
  private static final Pattern SETEXT = Pattern.compile(" {0,3}(=+|-+)[ \\t]*");
  private static final Pattern NOT_PARAGRAPH = Pattern.compile(" {0,3}(?:[-*+>#|]|\\d+[.)]|:::|<|\\[\\^?[^\\]]*\\]:).*");

  /** The releveled text, and the first level-1 heading's text when it was taken out as the title. */
  record Result(String text, Optional<String> title) {}

  private HeadingLeveler() {}

  /**
   * @param takeTitle whether to remove the first level-1 heading and return its text (GitBook
   *     chapters carry their title that way)
   */
  static Result level(String markdown, boolean takeTitle) {
    List<String> lines = atx(markdown);
    Optional<String> title = Optional.empty();
    Deque<int[]> outline = new ArrayDeque<>();
    FenceTracker fences = new FenceTracker();
    for (int i = 0; i < lines.size(); i++) {
      if (fences.isCode(lines.get(i))) {
        continue;
      }
      Matcher m = ATX.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int original = m.group(1).length();
      String text = m.group(2) == null ? "" : m.group(2).strip();
      if (takeTitle && title.isEmpty() && original == 1) {
        title = Optional.of(text);
        lines.remove(i--);
        continue;
      }
      while (!outline.isEmpty() && outline.peek()[0] >= original) {
        outline.pop();
      }
      int level = Math.min(6, outline.isEmpty() ? 2 : outline.peek()[1] + 1);
      outline.push(new int[] {original, level});
      lines.set(i, "#".repeat(level) + (text.isEmpty() ? "" : " " + text));
    }
    return new Result(String.join("\n", lines), title);
  }

  /** The lines with setext headings written as ATX headings. */
  private static List<String> atx(String markdown) {
    List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
    FenceTracker fences = new FenceTracker();
    boolean previousIsCode = true;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean code = fences.isCode(line);
      Matcher underline = SETEXT.matcher(line);
      if (!code && !previousIsCode && i > 0 && underline.matches() && isParagraphStart(lines, i - 1)) {
        String marks = underline.group(1).charAt(0) == '=' ? "#" : "##";
        lines.set(i - 1, marks + " " + lines.get(i - 1).strip());
        lines.remove(i--);
        previousIsCode = false;
        continue;
      }
      previousIsCode = code;
    }
    return lines;
  }

  /** True when line {@code i} is a one-line paragraph: text after a blank line or at the start. */
  private static boolean isParagraphStart(List<String> lines, int i) {
    String line = lines.get(i);
    if (line.isBlank() || line.startsWith("    ") || NOT_PARAGRAPH.matcher(line).matches()) {
      return false;
    }
    return i == 0 || lines.get(i - 1).isBlank();
  }
}
