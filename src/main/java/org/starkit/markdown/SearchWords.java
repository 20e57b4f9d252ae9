package org.starkit.markdown;

import java.util.Arrays;
import java.util.Locale;

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
   * for ASCII, and a string made only for each distinct word: this runs over the text of every
   * page of a build.
   */
  public static String of(String text) {
    char[] chars = text.toLowerCase(Locale.ROOT).toCharArray();
    Distinct seen = new Distinct(chars);
    int n = chars.length;
    int i = 0;
    while (i < n && seen.count < MAX_WORDS) {
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
        seen.add(start, i - start);
      }
    }
    String[] sorted = seen.words();
    Arrays.sort(sorted);
    return String.join(" ", sorted);
  }

  /**
   * The distinct words of a char array, each a range of it, in a hash table of at most
   * {@link #MAX_WORDS} ranges (open addressing, never more than three eighths full).
   */
  private static final class Distinct {
    private static final int SLOTS = 4096; // a power of two above MAX_WORDS * 8 / 3
    private final char[] chars;
    private final int[] slots = new int[SLOTS]; // 1 + the word's number, 0 for an empty slot
    private final int[] starts = new int[MAX_WORDS];
    private final int[] lengths = new int[MAX_WORDS];
    private final int[] hashes = new int[MAX_WORDS];
    int count;

    Distinct(char[] chars) {
      this.chars = chars;
    }

    void add(int start, int length) {
      int h = 0;
      for (int k = start; k < start + length; k++) {
        h = 31 * h + chars[k];
      }
      int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
      for (int e = slots[slot]; e != 0; e = slots[slot]) {
        int w = e - 1;
        if (hashes[w] == h && lengths[w] == length
            && Arrays.equals(chars, starts[w], starts[w] + length, chars, start, start + length)) {
          return;
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      starts[count] = start;
      lengths[count] = length;
      hashes[count] = h;
      slots[slot] = ++count;
    }

    String[] words() {
      String[] words = new String[count];
      for (int w = 0; w < count; w++) {
        words[w] = new String(chars, starts[w], lengths[w]);
      }
      return words;
    }
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
