package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.LessonParser;
import org.starkit.write.OutputFile;

/** A French translation of a fixture lesson: its pages, the links between the two, and the checks. */
class TranslationBuildTest {
  @TempDir
  Path tmp;

  private Path source;

  private String original() throws IOException {
    return Files.readString(source.resolve("lessons/basics/hello.md"));
  }

  /** Writes {@code lessons/basics/hello-fr.md} translating {@code hello}, with the given extra front matter. */
  private void writeTranslation(String extra) throws IOException {
    Files.writeString(source.resolve("lessons/basics/hello-fr.md"), "---\n"
        + "title: Bonjour, le monde\n"
        + "level: beginner\n"
        + "duration: 30m\n"
        + "summary: Écrire et lancer un premier programme.\n"
        + "language: fr\n"
        + extra
        + "---\n\n## Votre premier programme\n\nTapez ceci :\n\n```python\nprint(\"Bonjour\")\n```\n\n"
        + "::: challenge\n\nSaluez votre voisine.\n\n::: solution\n\n`print(\"Salut\")`\n\n:::\n\n:::\n\n"
        + "::: instructor\n\nMontrez l'erreur d'un guillemet manquant.\n\n:::\n");
  }

  private BuildResult check() throws IOException {
    return new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
  }

  private static String page(BuildResult result, String path) {
    return result.files().stream().filter(f -> f.path().equals(path)).findFirst().map(OutputFile::text)
        .orElseThrow(() -> new AssertionError("no page " + path));
  }

  private void setUp() throws IOException {
    source = Fixtures.copy(Fixtures.SMALL, tmp);
  }

  @Test
  void frenchLessonPageHasFrenchLangAndInterface() throws IOException {
    setUp();
    writeTranslation("translation_of: hello\noriginal_hash: " + LessonParser.fingerprint(original()) + "\n");
    BuildResult result = check();
    assertThat(result.diagnostics()).isEmpty();
    String fr = page(result, "lessons/hello-fr/index.html");
    assertThat(fr).contains("<html lang=\"fr\">").contains(">Aller au contenu<").contains(">Accueil<")
        .contains("<dt>Niveau</dt>").contains(">Débutant<").contains("<p class=\"callout-label\">Exercice</p>")
        .contains("<summary>Solution</summary>").contains("Afficher la vue formateur")
        .doesNotContain("Skip to content").doesNotContain(">Challenge<");
    String instructor = page(result, "lessons/hello-fr/instructor.html");
    assertThat(instructor).contains("<html lang=\"fr\">").contains("<title>Bonjour, le monde (vue formateur)")
        .contains("Note pour les formateurs").contains("Afficher la vue apprenant");
    assertThat(page(result, "lessons/hello/index.html")).contains("<html lang=\"en\">").contains(">Skip to content<")
        .contains("<p class=\"callout-label\">Challenge</p>");
  }

  @Test
  void originalAndTranslationLinkEachOtherWithHreflang() throws IOException {
    setUp();
    writeTranslation("translation_of: hello\noriginal_hash: " + LessonParser.fingerprint(original()) + "\n");
    BuildResult result = check();
    assertThat(page(result, "lessons/hello/index.html")).contains("<p class=\"translations\">Also in: "
        + "<a href=\"../../lessons/hello-fr/index.html\" hreflang=\"fr\" lang=\"fr\">Français</a></p>");
    assertThat(page(result, "lessons/hello-fr/index.html")).contains("<p class=\"translations\">Ceci est une "
        + "traduction de <a href=\"../../lessons/hello/index.html\" hreflang=\"en\" lang=\"en\">Hello, world</a>"
        + " (English).</p>");
    String listing = page(result, "lessons/index.html");
    assertThat(listing).contains("<span class=\"badge language\">Français</span>");
    assertThat(listing.indexOf("lessons/hello-fr/index.html")).isGreaterThan(listing.indexOf("lessons/hello/index.html"));
  }

  @Test
  void warnsStaleTranslationNamingBothFilesAtTheRecordedHash() throws IOException {
    setUp();
    String before = LessonParser.fingerprint(original());
    writeTranslation("translation_of: hello\noriginal_hash: " + before + "\n");
    Files.writeString(source.resolve("lessons/basics/hello.md"), original() + "\nOne more paragraph.\n");
    String now = LessonParser.fingerprint(original());
    BuildResult result = check();
    assertThat(result.diagnostics()).filteredOn(d -> d.code().equals("stale-translation"))
        .extracting(Diagnostic::location, Diagnostic::message, Diagnostic::hint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello-fr.md:8:16",
            "The original curriculum/lessons/basics/hello.md changed after this translation, "
                + "curriculum/lessons/basics/hello-fr.md, was last updated (original_hash " + before + ", now "
                + now + ").",
            "Bring the translation up to date with the original's changes, then write 'original_hash: " + now + "'."));
    assertThat(result.passes(true)).isFalse();
    assertThat(result.passes(false)).isTrue();
  }

  @Test
  void warnsTranslationWithoutHashGivingTheValueToRecord() throws IOException {
    setUp();
    writeTranslation("translation_of: hello\n");
    BuildResult result = check();
    assertThat(result.diagnostics()).extracting(Diagnostic::location, Diagnostic::code, Diagnostic::hint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello-fr.md:7:17",
            "stale-translation", "When the translation matches the original, add 'original_hash: "
                + LessonParser.fingerprint(original()) + "' to its front matter."));
  }

  @Test
  void rejectsTranslationOfUnknownLesson() throws IOException {
    setUp();
    writeTranslation("translation_of: helo\n");
    BuildResult result = check();
    assertThat(result.diagnostics()).extracting(Diagnostic::location, Diagnostic::code, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello-fr.md:7:17",
            "unknown-translation", "'translation_of' names 'helo', which is not a lesson. Did you mean 'hello'?"));
    assertThat(result.errors()).isEqualTo(1);
  }

  @Test
  void rejectsTranslationInTheOriginalsLanguage() throws IOException {
    setUp();
    writeTranslation("translation_of: hello\n");
    Path fr = source.resolve("lessons/basics/hello-fr.md");
    Files.writeString(fr, Files.readString(fr).replace("language: fr\n", "language: en\n"));
    assertThat(check().diagnostics()).extracting(Diagnostic::code).contains("translation-language");
  }

  @Test
  void rejectsTranslationOfATranslation() throws IOException {
    setUp();
    writeTranslation("translation_of: hello\noriginal_hash: " + LessonParser.fingerprint(original()) + "\n");
    String fr = Files.readString(source.resolve("lessons/basics/hello-fr.md"));
    Files.writeString(source.resolve("lessons/basics/hello-de.md"),
        fr.replace("language: fr", "language: de").replace("translation_of: hello", "translation_of: hello-fr"));
    assertThat(check().diagnostics()).extracting(Diagnostic::location, Diagnostic::code, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello-de.md:7:17",
            "unknown-translation", "'hello-fr' is itself a translation of 'hello'."));
  }
}
