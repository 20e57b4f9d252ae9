package org.starkit.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

class HtmlTextTest {
  @Test
  void escapesExactlyAsPebblesDefaultHtmlStrategy() {
    StringBuilder every = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      every.append((char) c);
    }
    List<String> samples = List.of("", "plain", "<script>alert('x')</script>", "a & b \"quoted\" > c",
        "caf\u00e9 \ud83d\ude00 &amp; already", "&&''\"\"<<>>", every.toString(), every.reverse().toString());
    for (String s : samples) {
      assertEquals(HtmlEscape.escapeHtml4Xml(s), HtmlText.escape(s));
    }
  }

  @Test
  void returnsTextWithoutMarkupCharactersUnchanged() {
    String s = "Nothing to escape here, not even an apostrophe";
    assertSame(s, HtmlText.escape(s));
  }
}
