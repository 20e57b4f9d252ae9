package org.starkit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CodeHighlighterTest {
  private static Document highlight(String language, String code) {
    Document doc = Jsoup.parseBodyFragment("<pre><code class=\"language-" + language + "\"></code></pre>");
    doc.selectFirst("code").text(code);
    new CodeHighlighter().highlight(doc.body());
    return doc;
  }

  private static String spans(Document doc, String kind) {
    return String.join("|", doc.select("span.hl-" + kind).eachText());
  }

  @Test
  void highlightsPythonKeywordsStringsCommentsNumbersAndBuiltins() {
    Document doc = highlight("python", "for i in range(3):  # count\n    print(f\"n={i}\", 'x#y', 4.5)\n");
    assertThat(spans(doc, "kw")).isEqualTo("for|in");
    assertThat(spans(doc, "fn")).isEqualTo("range|print");
    assertThat(spans(doc, "com")).isEqualTo("# count");
    assertThat(spans(doc, "str")).isEqualTo("f\"n={i}\"|'x#y'");
    assertThat(spans(doc, "num")).isEqualTo("3|4.5");
  }

  @Test
  void keepsTheCodeTextExactlyAndEscaped() {
    String code = "if a < b and c > \"<script>\":\n\tpass  # done & dusted\n\"\"\"multi\nline\"\"\"\n";
    Document doc = highlight("python", code);
    assertThat(doc.selectFirst("code").wholeText()).isEqualTo(code);
    assertThat(doc.selectFirst("code").html()).contains("&lt;script&gt;").doesNotContain("<script>");
    assertThat(spans(doc, "str")).contains("\"\"\"multi\nline\"\"\"");
  }

  @Test
  void highlightsConsolePromptsAndTheCommandsAfterThem() {
    Document doc = highlight("console", "$ python3 -m venv .venv  # once\ncreated\n>>> len(\"ab\")\n2\n");
    assertThat(spans(doc, "prompt")).isEqualTo("$|>>>");
    assertThat(spans(doc, "com")).isEqualTo("# once");
    assertThat(spans(doc, "fn")).isEqualTo("len");
    assertThat(doc.selectFirst("code").wholeText()).isEqualTo("$ python3 -m venv .venv  # once\ncreated\n>>> len(\"ab\")\n2\n");
  }

  @Test
  void highlightsJsonKeysAndTomlTables() {
    Document json = highlight("json", "{\"name\": \"Ada\", \"age\": 36, \"ok\": true}");
    assertThat(spans(json, "key")).isEqualTo("\"name\"|\"age\"|\"ok\"");
    assertThat(spans(json, "str")).isEqualTo("\"Ada\"");
    Document toml = highlight("toml", "[project]\nname = \"demo\" # the name\n");
    assertThat(spans(toml, "key")).isEqualTo("[project]|name");
    assertThat(spans(toml, "com")).isEqualTo("# the name");
  }

  @Test
  void leavesUnknownLanguagesAndPlainTextAlone() {
    assertThat(highlight("text", "for i in x").select("span")).isEmpty();
    assertThat(highlight("brainfuck", "++[>+<-]").select("span")).isEmpty();
  }
}
