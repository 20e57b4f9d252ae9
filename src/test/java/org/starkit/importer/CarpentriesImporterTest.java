package org.starkit.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.starkit.importer.ImporterFixtures.file;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.LessonParser;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

class CarpentriesImporterTest {
  private static final String DIR = "lessons/swc-shell-novice/";
  private static ImportPlan plan;

  @BeforeAll
  static void importShellNovice() throws IOException {
    plan = new CarpentriesImporter().convert(ImporterFixtures.read(ImporterFixtures.SHELL),
        ImporterFixtures.settings("swc-shell-novice", ImporterFixtures.config(), OptionalInt.empty(), Optional.empty()));
  }

  private static Lesson lesson(String id) {
    List<Diagnostic> problems = new ArrayList<>();
    Lesson lesson = new LessonParser(ImporterFixtures.config()).parse(DIR + id + ".md", file(plan, DIR + id + ".md"),
        problems).orElseThrow();
    assertThat(problems).as("problems reading the written front matter, apart from its to-do items")
        .allMatch(p -> p.code().equals("todo") && !p.isError());
    return lesson;
  }

  @Test
  void writesOneLessonPerEpisodeInConfigOrderAndAKit() {
    assertThat(ImporterFixtures.paths(plan)).containsExactly(DIR + "swc-shell-novice-intro.md",
        DIR + "swc-shell-novice-filedir.md", DIR + "swc-shell-novice-create.md", "kits/swc-shell-novice.yml");
  }

  @Test
  void eachEpisodeAfterTheFirstNeedsThePreviousOne() {
    assertThat(lesson("swc-shell-novice-intro").prerequisites()).isEmpty();
    assertThat(lesson("swc-shell-novice-filedir").prerequisites()).extracting(Reference::id)
        .containsExactly("swc-shell-novice-intro");
    assertThat(lesson("swc-shell-novice-create").prerequisites()).extracting(Reference::id)
        .containsExactly("swc-shell-novice-filedir");
  }

  @Test
  void keepsTitlesAndTeachingAndExerciseMinutes() {
    Lesson filedir = lesson("swc-shell-novice-filedir");
    assertThat(filedir.title()).isEqualTo("Navigating Files and Directories");
    assertThat(filedir.duration().teaching()).isEqualTo(30);
    assertThat(filedir.duration().exercises()).isEqualTo(10);
    assertThat(file(plan, DIR + "swc-shell-novice-filedir.md")).contains("\nteaching: 30\nexercises: 10\n");
  }

  @Test
  void keepsEveryCalloutAsAStarkitCallout() {
    String body = lesson("swc-shell-novice-filedir").body();
    assertThat(count(body, "::: challenge")).isEqualTo(5);
    assertThat(count(body, "::: solution")).isEqualTo(5);
    assertThat(count(body, "::: callout")).isEqualTo(8);
    assertThat(count(body, "::: instructor")).isEqualTo(1);
    assertThat(count(body, "::: spoiler")).isEqualTo(1);
    assertThat(count(body, "::: keypoints")).isEqualTo(1);
    assertThat(count(body, "\n:::\n")).isEqualTo(count(body, "\n::: "));
    assertThat(body).doesNotContain("::::");
  }

  @Test
  void movesObjectivesIntoFrontMatterAndSummarisesWithTheFirstQuestion() {
    Lesson intro = lesson("swc-shell-novice-intro");
    assertThat(intro.objectives()).containsExactly(
        "Explain how the shell relates to the keyboard, the screen, the operating system, and users' programs.",
        "Explain when and why command-line interfaces should be used instead of graphical interfaces.");
    assertThat(intro.summary()).isEqualTo("What is a command shell and why would I use one?");
    assertThat(intro.body()).contains("::: questions").doesNotContain("::: objectives");
  }

  @Test
  void mapsTheLicenceAndCreditsTheSourceRepository() {
    Lesson create = lesson("swc-shell-novice-create");
    assertThat(create.license()).isEqualTo("CC-BY-4.0");
    assertThat(create.language()).isEqualTo("en");
    assertThat(create.attribution()).singleElement().asString()
        .contains("https://github.com/swcarpentry/shell-novice").contains("CC-BY-4.0").contains("Software Carpentry");
  }

  @Test
  void takesSetupLinesFromTheListItemsOfTheSetupPage() {
    assertThat(lesson("swc-shell-novice-intro").setup()).containsExactly(
        "Download shell-lesson-data.zip and move the file to your Desktop.", "Unzip/extract the file.",
        "Open a terminal.", "In the terminal type cd then press the Return key.");
  }

  @Test
  void linksEpisodesToTheirNewLessonFilesAndOtherPagesToTheRepository() {
    String filedir = lesson("swc-shell-novice-filedir").body();
    assertThat(filedir).contains("[Navigating Files and Directories](swc-shell-novice-filedir.md)")
        .contains("(https://github.com/swcarpentry/shell-novice/blob/main/learners/setup.md)")
        .doesNotContain("02-filedir.md");
  }

  @Test
  void marksMissingImagesByTheirAltTextAndListsThemAsToDoItems() {
    assertThat(lesson("swc-shell-novice-create").body()).contains("*\\[image missing: `fig/nano-screenshot.png` —"
        + " screenshot of nano text editor in action with the text It's not publish or perish any more, it's share and"
        + " thrive\\]*\n").doesNotContain("](fig/nano-screenshot.png)");
    assertThat(file(plan, DIR + "swc-shell-novice-create.md")).contains("\ntodo:\n  - \"the image fig/nano-screenshot.png,"
        + " missing from the source (episodes/fig/nano-screenshot.png): the text says 'image missing' where it goes\"\n");
    assertThat(file(plan, DIR + "swc-shell-novice-filedir.md")).contains("  - \"the image fig/filesystem.svg,");
    assertThat(plan.lacks()).extracting(ImportPlan.Lack::what)
        .contains("episodes/fig/nano-screenshot.png (an image in episodes/03-create.md)",
            "episodes/05-loop.md (an episode listed in config.yaml)");
    assertThat(plan.copies()).isEmpty();
  }

  @Test
  void keepsTheTextOfLinksToMissingPagesAndListsThemOnTheLessonThatShowsThem() {
    Lesson intro = lesson("swc-shell-novice-intro");
    assertThat(intro.body()).contains("\n  Pipes and Filters section by showing").doesNotContain("04-pipefilter.md")
        .contains("The Reference page can be printed out");
    assertThat(file(plan, DIR + "swc-shell-novice-intro.md")).contains("\ntodo:\n  - \"the page learners/reference.md"
        + " that 'Reference page' linked to, missing from the source: the link text is kept without the link\"\n"
        + "  - \"the page 04-pipefilter.md that 'Pipes and Filters' linked to, missing from the source"
        + " (episodes/04-pipefilter.md): the link text is kept without the link\"\n---\n");
  }

  @Test
  void appendsTheInstructorNotesToTheFirstLesson() {
    assertThat(lesson("swc-shell-novice-intro").body())
        .contains("::: instructor Instructor notes for the whole lesson").contains("## Preparing to Teach");
  }

  @Test
  void fitsTheKitIntoTheShortestFormatThatHoldsIt() {
    assertThat(plan.kit().format()).isEqualTo("half-day");
    assertThat(plan.kit().problems()).isEmpty();
    assertThat(file(plan, "kits/swc-shell-novice.yml")).contains("\nformat: half-day\n")
        .contains("\nlessons: [swc-shell-novice-intro, swc-shell-novice-filedir, swc-shell-novice-create]\n");
  }

  @Test
  void saysWhyAKitInATooShortFormatDoesNotPlan() throws IOException {
    ImportPlan session = new CarpentriesImporter().convert(ImporterFixtures.read(ImporterFixtures.SHELL),
        ImporterFixtures.settings("swc-shell-novice", ImporterFixtures.config(), OptionalInt.empty(),
            Optional.of("session")));
    assertThat(session.kit().format()).isEqualTo("session");
    assertThat(session.kit().problems()).singleElement().asString().contains("error[kit-overrun]")
        .contains("single session allows 2h");
  }

  @Test
  void rewritesWorkbenchSyntaxThatCommonMarkDoesNotKnow() {
    String episode = """
        ---
        title: Demo
        teaching: 10
        exercises: 5
        ---

        # Big heading {#big}

        ### Deep heading

        :::::::::: {.challenge}
        Try [this]{.keyword} with ![](fig/x.png){alt="A tree"} and [next](02-next.md#top).

        ```{.language-bash}
        ls {.not-touched}
        ```

        :::::: tab
        Tab content
        ::::::
        ::::::::::
        """;
    ImportPlan demo = new CarpentriesImporter().convert(ImporterFixtures.workbench(Map.of(
        "config.yaml", "title: Demo\nlicense: CC-BY 4.0\nepisodes:\n- 01-demo.md\n- 02-next.md\n",
        "episodes/01-demo.md", episode, "episodes/02-next.md", "---\ntitle: Next\nteaching: 5\n---\n\nText.\n"),
        Set.of("episodes/fig/x.png")), ImporterFixtures.settings("demo", ImporterFixtures.config(),
        OptionalInt.empty(), Optional.empty()));
    assertThat(file(demo, "lessons/demo/demo-demo.md")).contains("""
        ## Big heading

        ### Deep heading

        ::: challenge
        Try this with ![A tree](fig/x.png) and [next](demo-next.md#top).

        ```bash
        ls {.not-touched}
        ```

        ::: callout Tab
        Tab content
        :::
        :::
        """);
    assertThat(demo.copies()).containsExactly(new ImportPlan.CopiedFile("episodes/fig/x.png", "lessons/demo/fig/x.png"));
    assertThat(demo.notes()).anyMatch(n -> n.contains("'tab'"));
  }

  @Test
  void refusesALicenceTheCurriculumDoesNotAllow() throws IOException {
    ImportSource shell = ImporterFixtures.read(ImporterFixtures.SHELL);
    ImportSettings onlyCc0 = ImporterFixtures.settings("shell", ImporterFixtures.config(
        "title: T\nlicenses: [CC0-1.0]\n"), OptionalInt.empty(), Optional.empty());
    assertThatThrownBy(() -> new CarpentriesImporter().convert(shell, onlyCc0)).isInstanceOf(ImportException.class)
        .hasMessageContaining("licensed CC-BY-4.0, which is not in 'licenses' of starkit.yml (CC0-1.0)");
  }

  @Test
  void refusesAFolderThatIsNotAWorkbenchLesson() throws IOException {
    ImportSource book = ImporterFixtures.read(ImporterFixtures.DJANGO_GIRLS);
    assertThatThrownBy(() -> new CarpentriesImporter().convert(book, ImporterFixtures.settings("en",
        ImporterFixtures.config(), OptionalInt.empty(), Optional.empty())))
        .isInstanceOf(ImportException.class).hasMessageContaining("en has no config.yaml");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
