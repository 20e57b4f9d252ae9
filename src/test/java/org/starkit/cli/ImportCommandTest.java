package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  private static final String SHELL = "src/test/resources/importer/swc-shell-novice";
  private static final String DJANGO_GIRLS = "src/test/resources/importer/djangogirls-tutorial/en";
  private static final Pattern PROBLEM =
      Pattern.compile("(?m)^(\\S+):(\\d+):(\\d+): (error|warning)\\[([a-z0-9-]+)\\]: (.*)$");
  private static final Pattern TODO = Pattern.compile("^To do: the (?:image|page|file) (\\S+?),? ");

  @TempDir
  Path tmp;

  private Path curriculum;
  private StringWriter out;
  private StringWriter err;

  @BeforeEach
  void minimalCurriculum() throws IOException {
    curriculum = tmp.resolve("curriculum");
    Files.createDirectories(curriculum.resolve("lessons"));
    Files.writeString(curriculum.resolve("starkit.yml"), "title: Test\nlicenses: [CC-BY-4.0, CC-BY-SA-4.0]\n");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** The lines under "The source lacks ..." in the import report. */
  private List<String> lacks(String report) {
    int start = report.indexOf("The source lacks");
    assertThat(start).as(report).isNotNegative();
    List<String> lines = new ArrayList<>();
    for (String line : report.substring(start).split("\n")) {
      if (line.startsWith("  - ")) {
        lines.add(line);
      } else if (!lines.isEmpty()) {
        break;
      }
    }
    return lines;
  }

  /**
   * Runs check and asserts that it passes with exactly {@code expected} warnings, each a {@code todo}
   * item at its own line of the lesson's front matter naming a file the import report listed as lacking
   * from the source, and no other problem; then that {@code check --strict} fails on them and that
   * {@code build} succeeds. Returns the missing files named, in the order check printed them.
   */
  private List<String> checkWarnsOnlyAboutWhatTheSourceLacks(List<String> lacks, int expected) throws IOException {
    int code = run("check", "--source", curriculum.toString());
    String report = err.toString();
    assertThat(code).as(report).isEqualTo(ExitCode.OK);
    Matcher m = PROBLEM.matcher(report);
    List<String> named = new ArrayList<>();
    while (m.find()) {
      assertThat(m.group(4) + "[" + m.group(5) + "]").as(m.group()).isEqualTo("warning[todo]");
      Matcher todo = TODO.matcher(m.group(6));
      assertThat(todo.find()).as("%s should name the missing file", m.group()).isTrue();
      String name = todo.group(1).substring(todo.group(1).lastIndexOf('/') + 1);
      assertThat(lacks).as("%s should name something the source lacks", m.group()).anyMatch(l -> l.contains(name));
      String line = Files.readAllLines(Path.of(m.group(1))).get(Integer.parseInt(m.group(2)) - 1);
      assertThat(line.substring(Integer.parseInt(m.group(3)) - 1)).as("the item at %s", m.group())
          .startsWith("\"the " + todo.group(0).substring("To do: the ".length()));
      named.add(todo.group(1));
    }
    assertThat(named).hasSize(expected);
    assertThat(report).contains("Checked ").endsWith(" lessons, 0 errors, " + expected + " warnings.\n");
    assertThat(run("check", "--strict", "--source", curriculum.toString())).isEqualTo(ExitCode.CONTENT);
    assertThat(run("build", "--source", curriculum.toString(), "--out", tmp.resolve("site").toString()))
        .as(err.toString()).isEqualTo(ExitCode.OK);
    return named;
  }

  @Test
  void carpentriesImportPassesCheckWithWarningsForWhatTheSourceLacks() throws IOException {
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString()))
        .as(err.toString()).isZero();
    String report = out.toString();
    assertThat(report).contains("Wrote " + curriculum.resolve("lessons/swc-shell-novice/swc-shell-novice-intro.md"))
        .contains("Wrote " + curriculum.resolve("kits/swc-shell-novice.yml"))
        .contains("Imported 3 lessons into ").contains("(half-day, ");
    assertThat(checkWarnsOnlyAboutWhatTheSourceLacks(lacks(report), 7)).containsExactly("fig/nano-screenshot.png",
        "fig/filesystem.svg", "fig/home-directories.svg", "fig/filesystem-challenge.svg", "fig/shell_command_syntax.svg",
        "learners/reference.md", "04-pipefilter.md");
  }

  @Test
  void summaryImportPassesCheckWithWarningsForWhatTheSourceLacks() throws IOException {
    assertThat(run("import", "summary", DJANGO_GIRLS, "--level", "beginner", "--duration", "45m",
        "--source", curriculum.toString())).as(err.toString()).isZero();
    String report = out.toString();
    Path lesson = curriculum.resolve("lessons/djangogirls-tutorial/djangogirls-tutorial-code-editor.md");
    assertThat(report).contains("Wrote " + lesson).contains("Kit: " + curriculum.resolve("kits/djangogirls-tutorial.yml"));
    assertThat(Files.readString(lesson)).contains("\nlicense: CC-BY-SA-4.0\n")
        .contains("follow the Chromebook Setup instructions").doesNotContain("(chromebook_setup/README.md)");
    assertThat(checkWarnsOnlyAboutWhatTheSourceLacks(lacks(report), 9)).containsExactly(
        "chromebook_setup/README.md", "installation/README.md", "how_the_internet_works/images/internet_1.png",
        "how_the_internet_works/images/internet_3.png", "how_the_internet_works/images/internet_2.png",
        "how_the_internet_works/images/internet_4.png", "python_installation/images/windows-plus-r.png",
        "../django-girls-tutorial_en.epub", "images/application.png");
  }

  @Test
  void summaryImportWithoutDurationLeavesPlaceholdersThatCheckReports() {
    assertThat(run("import", "summary", DJANGO_GIRLS, "--level", "beginner", "--source", curriculum.toString()))
        .as(err.toString()).isZero();
    assertThat(lacks(out.toString())).anyMatch(l -> l.contains("'duration: TODO'"));
    assertThat(run("check", "--source", curriculum.toString())).isEqualTo(ExitCode.CONTENT);
    List<String> codes = new ArrayList<>();
    PROBLEM.matcher(err.toString()).results().forEach(r -> codes.add(r.group(4) + "[" + r.group(5) + "]"));
    assertThat(codes).containsOnly("error[invalid-duration]", "warning[todo]");
    assertThat(codes).filteredOn(c -> c.startsWith("error")).hasSize(5);
  }

  @Test
  void keepsTheKitInLessonOrderWithPrerequisites() throws IOException {
    run("import", "carpentries", SHELL, "--level", "beginner", "--into",
        curriculum.resolve("lessons/shell").toString(), "--source", curriculum.toString());
    assertThat(Files.readString(curriculum.resolve("kits/shell.yml")))
        .contains("\nlessons: [shell-intro, shell-filedir, shell-create]\n");
    assertThat(Files.readString(curriculum.resolve("lessons/shell/shell-create.md")))
        .contains("\nprerequisites:\n  - shell-filedir\n").contains("\nteaching: 30\nexercises: 20\n");
  }

  @Test
  void refusesToOverwriteAndWritesNothing() throws IOException {
    Path kit = curriculum.resolve("kits/swc-shell-novice.yml");
    Files.createDirectories(kit.getParent());
    Files.writeString(kit, "mine\n");
    int code = run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString());
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("error: starkit import never overwrites; nothing was written:")
        .contains(kit + " exists already").contains("--into");
    assertThat(Files.readString(kit)).isEqualTo("mine\n");
    assertThat(curriculum.resolve("lessons/swc-shell-novice")).doesNotExist();
  }

  @Test
  void refusesASecondImportOfTheSameLesson() {
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString())).isZero();
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("swc-shell-novice-intro.md exists already");
  }

  @Test
  void refusesLessonIdsThatOtherLessonsUse() throws IOException {
    Path other = curriculum.resolve("lessons/other/swc-shell-novice-intro.md");
    Files.createDirectories(other.getParent());
    Files.writeString(other, "---\ntitle: Mine\nlevel: beginner\nduration: 5m\nsummary: Mine.\n---\n");
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .contains("the lesson id 'swc-shell-novice-intro' is already used by lessons/other/swc-shell-novice-intro.md");
    assertThat(curriculum.resolve("kits")).doesNotExist();
  }

  @Test
  void rejectsAnUnknownLevelAndNamesTheKnownOnes() {
    assertThat(run("import", "summary", DJANGO_GIRLS, "--level", "begginer", "--source", curriculum.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown level 'begginer'. Did you mean 'beginner'?")
        .contains("beginner, intermediate, advanced");
  }

  @Test
  void rejectsLessonsOutsideTheLessonsFolder() {
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--into", tmp.resolve("elsewhere").toString(),
        "--source", curriculum.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--into must be a folder under " + curriculum + "/lessons");
  }

  @Test
  void explainsWhyAFolderCannotBeImported() {
    assertThat(run("import", "carpentries", DJANGO_GIRLS, "--level", "beginner", "--source", curriculum.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("error: en has no config.yaml, so it is not a Carpentries Workbench lesson.");
  }
}
