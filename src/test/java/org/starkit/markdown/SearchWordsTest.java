package org.starkit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SearchWordsTest {
  /** The rule as the class comment states it: runs of [\p{L}\p{M}\p{N}_] of more than one code point. */
  private static String byRegex(String text) {
    Set<String> seen = new LinkedHashSet<>();
    for (String w : Pattern.compile("[^\\p{L}\\p{M}\\p{N}_]+").split(text.toLowerCase(Locale.ROOT))) {
      if (w.codePointCount(0, w.length()) > 1 && seen.size() < SearchWords.MAX_WORDS) {
        seen.add(w);
      }
    }
    return String.join(" ", seen.stream().sorted().toList());
  }

  @Test
  void keepsDistinctLowerCasedWordsOfMoreThanOneCodePointSorted() {
    assertThat(SearchWords.of("Loops: a FOR loop, for_each & x2 -- loops!")).isEqualTo("for for_each loop loops x2");
    assertThat(SearchWords.of("")).isEmpty();
    assertThat(SearchWords.of("a b c ! ?")).isEmpty();
  }

  @Test
  void readsLettersMarksAndDigitsBeyondAsciiAndOutsideTheBasicPlane() {
    assertThat(SearchWords.of("Schleifen über Listen, naïve café")).isEqualTo("café listen naïve schleifen über");
    assertThat(SearchWords.of("e\u0301 \ud835\udc00\ud835\udc01 \ud835\udc00 \ud83d\ude00\ud83d\ude00 ٣٤"))
        .isEqualTo(byRegex("e\u0301 \ud835\udc00\ud835\udc01 \ud835\udc00 \ud83d\ude00\ud83d\ude00 ٣٤"));
    assertThat(SearchWords.of("日本語 の 文")).isEqualTo("日本語");
  }

  @Test
  void keepsTheFirstWordsUpToTheLimit() {
    StringBuilder text = new StringBuilder();
    for (int i = SearchWords.MAX_WORDS + 10; i > 0; i--) {
      text.append("w").append(i).append(' ');
    }
    String words = SearchWords.of(text.toString());
    assertThat(words.split(" ")).hasSize(SearchWords.MAX_WORDS).contains("w" + (SearchWords.MAX_WORDS + 10))
        .doesNotContain("w1");
    assertThat(words).isEqualTo(byRegex(text.toString()));
  }

  @Test
  void agreesWithTheRegexRuleOnRandomText() {
    String alphabet = "aZ_9 .,-\n\tüßé\u0301\u00a0\u2003日\ud835\udc00\ud83d\ude00\u0663\u200b'\"";
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(80); i > 0; i--) {
        int at = random.nextInt(alphabet.length());
        text.append(alphabet.charAt(at));
        if (Character.isHighSurrogate(alphabet.charAt(at)) && at + 1 < alphabet.length()) {
          text.append(alphabet.charAt(at + 1));
        }
      }
      assertThat(SearchWords.of(text.toString())).as("%s", text).isEqualTo(byRegex(text.toString()));
    }
  }
}
