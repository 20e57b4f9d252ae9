package org.starkit.markdown;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of visible text for the search index: lower-cased, distinct, sorted, at most
 * {@link #MAX_WORDS} (the first to appear). A word is a run of letters, marks, digits and
 * underscores ({@code [\p{L}\p{M}\p{N}_]}) of more than one code point.
 */
public final class SearchWords {
  /** At most this many distinct words are kept per page, the first to appear. */
  public static final int MAX_WORDS = 1500;

  private SearchWords() {}

  /** The words of {@code text}, joined by single spaces. */
  public static String of(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    Set<String> seen = new LinkedHashSet<>();
    int n = lower.length();
    int i = 0;
    while (i < n && seen.size() < MAX_WORDS) {
      while (i < n && !isWordChar(lower.codePointAt(i))) {
        i += Character.charCount(lower.codePointAt(i));
      }
      int start = i;
      int codePoints = 0;
      while (i < n && isWordChar(lower.codePointAt(i))) {
        i += Character.charCount(lower.codePointAt(i));
        codePoints++;
      }
      if (codePoints > 1) {
        seen.add(lower.substring(start, i));
      }
    }
    String[] sorted = seen.toArray(new String[0]);
    Arrays.sort(sorted);
    return String.join(" ", sorted);
  }

  private static boolean isWordChar(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }
}
