package org.starkit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default theme's message files: complete, equal in keys, and the only source of interface text. */
class MessagesTest {
  private static final Path THEME = Path.of("themes/default");

  private static Messages messages() throws Messages.MessagesException {
    return Messages.load(THEME, "themes/default");
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(THEME)) {
      return files.filter(p -> p.toString().endsWith(".peb")).sorted().toList();
    }
  }

  @Test
  void englishAndFrenchHaveExactlyTheSameKeys() throws Exception {
    Messages m = messages();
    assertThat(m.languages()).contains("en", "fr");
    assertThat(m.entries("fr").keySet()).isEqualTo(m.entries("en").keySet());
    assertThat(m.entries("fr")).allSatisfy((k, v) -> assertThat(v).as(k).isNotBlank());
  }

  @Test
  void everyMessageIsAValidPatternInEveryLanguage() throws Exception {
    Messages m = messages();
    for (String lang : m.languages()) {
      for (Map.Entry<String, String> e : m.entries(lang).entrySet()) {
        if (!e.getKey().equals("format.date")) {
          new MessageFormat(e.getValue().replace("'", "''"));
        }
      }
      java.time.LocalDate.of(2027, 3, 13).format(m.bundle(lang).dates());
    }
    assertThat(m.bundle("fr").text("listing.count", 3)).isEqualTo("3 leçons.");
    assertThat(m.bundle("en").text("listing.count", 1)).isEqualTo("1 lesson.");
    assertThat(m.bundle("en").text("kit.print.hint")).contains("browser's Print");
    assertThat(java.time.LocalDate.of(2027, 3, 13).format(m.bundle("fr").dates())).isEqualTo("samedi 13 mars 2027");
  }

  @Test
  void aTextWithoutArgumentsIsWhatMessageFormatWouldMakeOfIt() throws Exception {
    Messages m = messages();
    int plain = 0;
    for (String lang : m.languages()) {
      for (Map.Entry<String, String> e : m.entries(lang).entrySet()) {
        if (e.getValue().indexOf('{') < 0) {
          plain++;
          String formatted = new MessageFormat(e.getValue().replace("'", "''"), m.bundle(lang).locale())
              .format(new Object[0]);
          assertThat(m.bundle(lang).text(e.getKey())).as(lang + " " + e.getKey()).isEqualTo(formatted);
        }
      }
    }
    assertThat(plain).isGreaterThan(100);
  }

  @Test
  void everyKeyTemplatesUseIsInTheEnglishFile() throws Exception {
    Map<String, String> en = messages().entries("en");
    Pattern call = Pattern.compile("t\\(\"([^\"]+)\"");
    List<String> used = new ArrayList<>();
    for (Path p : templates()) {
      Matcher m = call.matcher(Files.readString(p));
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    for (String key : used) {
      if (key.endsWith(".")) {
        assertThat(en.keySet()).as(key).anyMatch(k -> k.startsWith(key));
      } else {
        assertThat(en).as(key).containsKey(key);
      }
    }
    for (String sub : List.of("setup", "checklist", "coaches", "messages", "instructor", "print")) {
      assertThat(en).containsKey("kit.page." + sub);
    }
  }

  @Test
  void templatesHoldNoInterfaceTextOfTheirOwn() throws IOException {
    for (Path p : templates()) {
      String text = Files.readString(p)
          .replaceAll("(?s)\\{#.*?#\\}", " ")
          .replaceAll("(?s)\\{\\{.*?\\}\\}", " ")
          .replaceAll("(?s)\\{%.*?%\\}", " ")
          .replaceAll("(?s)<script.*?</script>", " ")
          .replaceAll("(?s)<style.*?</style>", " ")
          .replaceAll("(?s)<[^>]*>", " ")
          .replaceAll("&[a-z]+;|&#[0-9]+;", " ");
      assertThat(text).as(p.toString()).doesNotContainPattern("\\p{L}");
    }
  }

  @Test
  void aMissingKeyFallsBackToEnglishAndAMissingEnglishKeyIsNamed(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("messages"));
    Files.writeString(dir.resolve("en.properties"), "site.skip = Skip to content\nnav.home = Home\n");
    Files.writeString(dir.resolve("de.properties"), "nav.home = Startseite\n");
    Messages m = Messages.load(tmp, "mytheme");
    assertThat(m.bundle("de").text("nav.home")).isEqualTo("Startseite");
    assertThat(m.bundle("de").text("site.skip")).isEqualTo("Skip to content");
    assertThat(m.bundle("de-AT").text("nav.home")).isEqualTo("Startseite");
    assertThatThrownBy(() -> m.bundle("de").text("nav.tags"))
        .isInstanceOf(MessageBundle.MissingMessageException.class).hasMessageContaining("nav.tags");
  }

  @Test
  void aThemeWithoutEnglishMessagesIsAThemeError(@TempDir Path tmp) {
    assertThatThrownBy(() -> Messages.load(tmp, "mytheme")).isInstanceOf(Messages.MessagesException.class)
        .satisfies(e -> assertThat(((Messages.MessagesException) e).diagnostic().file())
            .isEqualTo("mytheme/messages/en.properties"));
  }

  /** The keys verify.js asks for: every t("verify.js...") and tNodes("verify.js...") call. */
  private static List<String> verifyScriptKeys() throws IOException {
    String js = Files.readString(THEME.resolve("assets/verify.js"));
    Matcher any = Pattern.compile("(?<!function )\\b(?:t|tNodes)\\((?!\"verify\\.js\\.[a-z0-9.-]+\")").matcher(js);
    assertThat(any.find()).as("a t() call in verify.js without a literal verify.js.* key").isFalse();
    Matcher m = Pattern.compile("\\b(?:t|tNodes)\\(\"(verify\\.js\\.[a-z0-9.-]+)\"").matcher(js);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  @Test
  void everyKeyTheVerifyScriptUsesIsInEnglishAndFrenchAndNoneIsUnused() throws Exception {
    Messages m = messages();
    List<String> used = verifyScriptKeys();
    assertThat(used).hasSizeGreaterThan(120);
    for (String lang : List.of("en", "fr")) {
      assertThat(m.entries(lang).keySet()).as(lang).containsAll(used);
      assertThat(used).as("verify.js.* keys in " + lang + " that verify.js never uses")
          .containsAll(m.bundle(lang).patterns("verify.js.").keySet());
    }
  }

  @Test
  void verifyScriptMessagesHaveOnlyNumberedArgumentsAndTheSameInEveryLanguage() throws Exception {
    Messages m = messages();
    Pattern argument = Pattern.compile("\\{(\\d+)\\}");
    for (Map.Entry<String, String> e : m.bundle("en").patterns("verify.js.").entrySet()) {
      String key = e.getKey();
      assertThat(key).doesNotEndWith("_html");
      for (String lang : m.languages()) {
        String text = m.entries(lang).get(key);
        if (text != null) {
          assertThat(argument.matcher(text).replaceAll("")).as(lang + " " + key).doesNotContain("{", "}");
          assertThat(argument.matcher(text).results().map(r -> r.group(1)).sorted().toList()).as(lang + " " + key)
              .isEqualTo(argument.matcher(e.getValue()).results().map(r -> r.group(1)).sorted().toList());
        }
      }
    }
  }

  @Test
  void messagesJsonIsSafeInsideAScriptElementAndIsInThePagesLanguage(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("messages"));
    Files.writeString(dir.resolve("en.properties"), "x.a = </script><!-- & \u2028 {0}\nx.b = Two\ny.c = Other\n");
    Files.writeString(dir.resolve("fr.properties"), "x.b = Deux l’a\n");
    Files.writeString(tmp.resolve("page.peb"), "<script type=\"application/json\">{{ messages_json(\"x.\") }}</script>");
    TemplateRenderer templates = new TemplateRenderer(tmp, "mytheme");
    String html = templates.render("page.peb", Map.of("lang", "fr"));
    String json = html.substring(html.indexOf('>') + 1, html.lastIndexOf("</script>"));
    assertThat(json).doesNotContain("<", ">", "&", "\u2028").contains("\\u003C/script\\u003E", "\\u2028");
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class))
        .isEqualTo(Map.of("x.a", "</script><!-- & \u2028 {0}", "x.b", "Deux l’a"));
    Files.writeString(tmp.resolve("none.peb"), "{{ messages_json(\"nothing.\") }}");
    assertThatThrownBy(() -> templates.render("none.peb", Map.of("lang", "en")))
        .isInstanceOf(TemplateRenderer.ThemeException.class).hasMessageContaining("nothing.");
  }

  @Test
  void htmlMessagesEscapeTheirArguments() throws Exception {
    assertThat(messages().bundle("en").text("badges.verify_html", "x\"><script>"))
        .isEqualTo("<a href=\"x&quot;&gt;&lt;script&gt;\">Verify a badge</a> in your browser.");
  }
}
