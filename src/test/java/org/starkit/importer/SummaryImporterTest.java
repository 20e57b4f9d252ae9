package org.starkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.starkit.importer.ImporterFixtures.file;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.LessonParser;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

class SummaryImporterTest {
  private static final String DIR = "lessons/djangogirls-tutorial/";
  private static ImportSource book;
  private static ImportPlan plan;

  @BeforeAll
  static void importDjangoGirls() throws IOException {
    book = ImporterFixtures.read(ImporterFixtures.DJANGO_GIRLS);
    plan = new SummaryImporter().convert(book, ImporterFixtures.settings(SummaryImporter.defaultName(book),
        ImporterFixtures.config(), OptionalInt.of(45), Optional.empty()));
  }

  private static Lesson lesson(ImportPlan from, String id) {
    List<Diagnostic> problems = new ArrayList<>();
    Lesson lesson = new LessonParser(ImporterFixtures.config()).parse(DIR + id + ".md", file(from, DIR + id + ".md"),
        problems).orElseThrow();
    assertThat(problems).as("problems reading the written front matter, apart from its to-do items")
        .allMatch(p -> p.code().equals("todo") && !p.isError());
    return lesson;
  }

  @Test
  void namesTheBookAfterTheFolderAboveItsLanguageFolder() {
    assertThat(SummaryImporter.defaultName(book)).isEqualTo("djangogirls-tutorial");
    assertThat(lesson(plan, "djangogirls-tutorial-code-editor").language()).isEqualTo("en");
  }

  @Test
  void writesTheChaptersThatExistInSummaryOrder() {
    assertThat(ImporterFixtures.paths(plan)).containsExactly(DIR + "djangogirls-tutorial-introduction.md",
        DIR + "djangogirls-tutorial-how-the-internet-works.md", DIR + "djangogirls-tutorial-intro-to-command-line.md",
        DIR + "djangogirls-tutorial-code-editor.md", DIR + "djangogirls-tutorial-whats-next.md",
        "kits/djangogirls-tutorial.yml");
    assertThat(lesson(plan, "djangogirls-tutorial-code-editor").prerequisites()).extracting(Reference::id)
        .containsExactly("djangogirls-tutorial-intro-to-command-line");
    assertThat(plan.lacks()).extracting(ImportPlan.Lack::what)
        .contains("django_models/README.md (a chapter listed in SUMMARY.md as 'Django models')");
  }

  @Test
  void takesTheTitleFromTheFirstHeadingAndMovesTheOthersUp() {
    Lesson cli = lesson(plan, "djangogirls-tutorial-intro-to-command-line");
    assertThat(cli.title()).isEqualTo("Introduction to the command-line interface");
    assertThat(cli.body()).doesNotContain("# Introduction to the command-line interface")
        .contains("\n## What is the command line?\n").contains("\n### The command-line Prompt\n");
  }

  @Test
  void replacesIncludesByTheirFilesAndRemovesOtherTemplateTags() {
    String cli = lesson(plan, "djangogirls-tutorial-intro-to-command-line").body();
    assertThat(cli).contains("Go to Launchpad").contains("*command-line*\n```").doesNotContain("{%")
        .doesNotContain("<!--sec");
    assertThat(lesson(plan, "djangogirls-tutorial-code-editor").body()).contains("## Visual Studio Code");
    assertThat(lesson(plan, "djangogirls-tutorial-whats-next").body()).doesNotContain("{{");
    assertThat(plan.notes()).contains("Replaced {% include %} tags by the files they include.");
  }

  @Test
  void turnsCollapsibleSectionsIntoSpoilers() {
    assertThat(lesson(plan, "djangogirls-tutorial-intro-to-command-line").body())
        .contains("::: spoiler Your first command: macOS and Linux\n");
  }

  @Test
  void staysShareAlikeAndCreditsTheLicenceFile() {
    Lesson intro = lesson(plan, "djangogirls-tutorial-introduction");
    assertThat(intro.license()).isEqualTo("CC-BY-SA-4.0");
    assertThat(intro.attribution()).containsExactly(
        "Adapted from \"Django Girls Tutorial\", a chapter of \"Django Girls Tutorial\""
            + " (djangogirls-tutorial/en/README.md), licensed CC-BY-SA-4.0.",
        "This work is licensed under the Creative Commons Attribution-ShareAlike 4.0 International License.");
  }

  @Test
  void givesEveryChapterTheDurationAsked() {
    assertThat(lesson(plan, "djangogirls-tutorial-whats-next").duration().total()).isEqualTo(45);
    assertThat(plan.kit().format()).isEqualTo("full-day");
    assertThat(plan.kit().problems()).isEmpty();
  }

  @Test
  void writesAPlaceholderDurationThatCheckReportsWhenNoneIsGiven() {
    ImportPlan undated = new SummaryImporter().convert(book, ImporterFixtures.settings("djangogirls-tutorial",
        ImporterFixtures.config(), OptionalInt.empty(), Optional.empty()));
    String text = file(undated, DIR + "djangogirls-tutorial-whats-next.md");
    assertThat(text).contains("\nduration: TODO  # ");
    List<Diagnostic> problems = new ArrayList<>();
    new LessonParser(ImporterFixtures.config()).parse(DIR + "djangogirls-tutorial-whats-next.md", text, problems);
    assertThat(problems).filteredOn(Diagnostic::isError).extracting(Diagnostic::code).containsExactly("invalid-duration");
    assertThat(undated.lacks()).extracting(ImportPlan.Lack::what).anyMatch(w -> w.contains("'duration: TODO'"));
    assertThat(undated.kit().problems()).isEmpty();
    assertThat(undated.kit().summary()).contains("chosen before the lessons have durations");
  }

  @Test
  void refusesTheTopOfABookInSeveralLanguages() throws IOException {
    ImportSource top = ImporterFixtures.read(Path.of("src/test/resources/importer/djangogirls-tutorial"));
    assertThatThrownBy(() -> new SummaryImporter().convert(top, ImporterFixtures.settings("x",
        ImporterFixtures.config(), OptionalInt.empty(), Optional.empty()))).isInstanceOf(ImportException.class)
        .hasMessageContaining("import one language folder, such as djangogirls-tutorial/en");
  }
}
