package org.starkit.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.render.Theme;
import org.starkit.write.OutputFile;

/** The search index written by the build: its fields, order, determinism and escaping. */
class SearchIndexBuilderTest {
  private static final String PREFIX = "/* Search index of the lessons, written by starkit build. */\n"
      + "window.starkitSearchIndex = ";

  @TempDir
  Path tmp;
  private Path src;

  @BeforeEach
  void writeCurriculum() throws IOException {
    src = tmp.resolve("curriculum");
    write("starkit.yml", "title: Test\n");
    write("lessons/later.md", "---\ntitle: Later Lesson\nlevel: intermediate\nduration: 1h\n"
        + "summary: Builds on the first.\nprerequisites: [first]\n---\n\nMore about loops.\n");
    write("lessons/first.md", """
        ---
        title: First Steps
        level: beginner
        duration: 45m
        summary: Print things and read them back.
        objectives:
          - Use print to show text.
          - Read input from the keyboard.
        tags: [python, basics]
        ---

        ## Printing <b>bold</b> words

        Some *emphasis*, a [link](https://example.org/page) and `inline_code`.

        ```python
        print("hello_world")
        ```

        ::: challenge
        Change the greeting.

        ::: solution
        Use another string.
        :::

        :::

        ::: instructor
        Mention the zebrasecret trick only to coaches.
        :::
        """);
  }

  @Test
  void indexesTheLessonFieldsInCatalogOrder() throws IOException {
    JsonNode index = parse(indexFile(build()));
    assertThat(index.get("version").asInt()).isEqualTo(SearchIndexBuilder.VERSION);
    JsonNode lessons = index.get("lessons");
    List<String> ids = new ArrayList<>();
    lessons.forEach(l -> ids.add(l.get("id").asText()));
    assertThat(ids).containsExactly("first", "later");
    JsonNode first = lessons.get(0);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("id", "title", "summary", "objectives", "tags", "level", "format", "duration",
        "path", "words");
    assertThat(first.get("title").asText()).isEqualTo("First Steps");
    assertThat(first.get("summary").asText()).isEqualTo("Print things and read them back.");
    assertThat(first.get("objectives").toString()).isEqualTo("[\"Use print to show text.\",\"Read input from the keyboard.\"]");
    assertThat(first.get("tags").toString()).isEqualTo("[\"python\",\"basics\"]");
    assertThat(first.get("level").asText()).isEqualTo("beginner");
    assertThat(first.get("format").asText()).isEqualTo("session");
    assertThat(first.get("duration").asText()).isEqualTo("45m");
    assertThat(first.get("path").asText()).isEqualTo("lessons/first/index.html");
    assertThat(lessons.get(1).get("level").asText()).isEqualTo("intermediate");
  }

  @Test
  void bodyWordsArePlainSortedAndDistinct() throws IOException {
    String words = parse(indexFile(build())).get("lessons").get(0).get("words").asText();
    List<String> list = List.of(words.split(" "));
    assertThat(list).contains("printing", "bold", "words", "emphasis", "link", "inline_code", "hello_world",
        "change", "greeting", "another", "string").doesNotHaveDuplicates().isSorted();
    assertThat(words).doesNotContain("<", ">", "\"", "https", "example.org", "href", "#");
    // callout labels and solution summaries are page furniture, not content
    assertThat(list).doesNotContain("challenge", "solution");
  }

  @Test
  void instructorNotesAreNotIndexed() throws IOException {
    String file = indexFile(build());
    assertThat(file).doesNotContain("zebrasecret").doesNotContain("coaches");
  }

  @Test
  void sameCurriculumGivesTheSameBytes() throws IOException {
    String a = indexFile(build());
    String b = indexFile(build());
    assertThat(a).isEqualTo(b);
  }

  @Test
  void hostileTextCannotEndTheScriptOrBreakTheString() throws IOException {
    write("lessons/evil.md", "---\ntitle: \"</script><script>alert('x')</script>\"\nlevel: beginner\nduration: 30m\n"
        + "summary: \"Quote \\\" backslash \\\\ line\\u2028sep & <img src=x onerror=alert(1)>\"\n"
        + "tags: [evil]\n---\n\nText with <script>alert(2)</script> and </script> inside.\n");
    String file = indexFile(build());
    String json = file.substring(PREFIX.length(), file.length() - 2);
    assertThat(json).doesNotContain("<", ">", "&", "\u2028").contains("\\u003C/script\\u003E", "\\u2028");
    JsonNode evil = null;
    for (JsonNode l : parse(file).get("lessons")) {
      if (l.get("id").asText().equals("evil")) {
        evil = l;
      }
    }
    assertThat(evil).isNotNull();
    assertThat(evil.get("title").asText()).isEqualTo("</script><script>alert('x')</script>");
    assertThat(evil.get("summary").asText()).isEqualTo("Quote \" backslash \\ line\u2028sep & <img src=x onerror=alert(1)>");
    assertThat(evil.get("words").asText()).doesNotContain("alert").contains("text", "inside");
    // the lessons' documents are written apart and joined: the same bytes one writer writes
    assertThat(json).isEqualTo(new ObjectMapper().writer().with(new ScriptSafeEscapes()).writeValueAsString(parse(file)));
  }

  @Test
  void wordsKeepTheFirstDistinctWordsUpToTheLimit() {
    StringBuilder html = new StringBuilder("<p>");
    for (int i = 0; i < SearchIndexBuilder.MAX_WORDS + 100; i++) {
      html.append("w").append(i).append(' ');
    }
    List<String> words = List.of(SearchIndexBuilder.words(html + "</p>").split(" "));
    assertThat(words).hasSize(SearchIndexBuilder.MAX_WORDS).contains("w0", "w1499").doesNotContain("w1500");
    assertThat(SearchIndexBuilder.words("<p>A b C, éte ÉTÉ x</p>")).isEqualTo("éte été");
  }

  @Test
  void lunrComesOutOfTheWebJarWithItsLicence() {
    List<OutputFile> files = LunrAsset.files();
    assertThat(files).extracting(OutputFile::path).containsExactly(LunrAsset.SCRIPT, LunrAsset.LICENSE);
    assertThat(files.get(0).text()).startsWith("/**\n * lunr - http://lunrjs.com").contains("@license MIT")
        .contains("e.version=\"" + LunrAsset.version() + "\"");
    assertThat(files.get(1).text()).contains("Permission is hereby granted", "Oliver Nightingale");
  }

  // ---- helpers ----

  private BuildResult build() throws IOException {
    BuildResult result = new SiteBuilder().check(new BuildOptions(src, "", tmp.resolve("site"),
        new Theme(Path.of("themes/default"), "themes/default"), Optional.empty(), false, LocalDate.of(2030, 1, 1)));
    assertThat(result.errors()).as(result.diagnostics().toString()).isZero();
    return result;
  }

  private static String indexFile(BuildResult result) {
    String file = result.files().stream().filter(f -> f.path().equals(SearchIndexBuilder.PATH)).findFirst()
        .orElseThrow().text();
    assertThat(file).startsWith(PREFIX).endsWith("};\n");
    return file;
  }

  private static JsonNode parse(String file) throws IOException {
    return new ObjectMapper().readTree(file.substring(PREFIX.length(), file.length() - 2));
  }

  private void write(String rel, String text) throws IOException {
    Path p = src.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
