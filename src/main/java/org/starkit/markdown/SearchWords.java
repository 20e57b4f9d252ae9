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

  /**
   * The words of {@code text}, joined by single spaces. One pass over the characters, with a table
   * for ASCII: this runs over the text of every page of a build.
   */
  public static String of(String text) {
    char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
    Set<String> seen = new LinkedHashSet<>();
    int n = chars.length;
    int i = 0;
    while (i < n && seen.size() < MAX_WORDS) {
      int start = -1;
      int codePoints = 0;
      while (i < n) {
        char c = chars[i];
        int width = 1;
        boolean word;
        if (c < 0x80) {
          word = ASCII_WORD[c];
        } else {
          int cp = Character.codePointAt(chars, i);
          width = Character.charCount(cp);
          word = isWordChar(cp);
        }
        if (word) {
          if (start < 0) {
            start = i;
          }
          codePoints++;
        } else if (start >= 0) {
          break;
        }
        i += width;
      }
      if (codePoints > 1) {
        seen.add(new String(chars, start, i - start));
      }
    }
    String[] sorted = seen.toArray(new String[0]);
    Arrays.sort(sorted);
    return String.join(" ", sorted);
  }

  private static final boolean[] ASCII_WORD = new boolean[0x80];

  static {
    for (int c = 0; c < 0x80; c++) {
      ASCII_WORD[c] = isWordChar(c);
    }
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
