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
      Pattern.compile("(?m)^(\\S+):\\d+:\\d+: (error|warning)\\[([a-z0-9-]+)\\]: .*?'([^']+)'.*$");

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
   * Runs check and asserts that every problem it reports is an error quoting a file (or value) that
   * the import report listed as lacking from the source; returns the codes seen.
   */
  private List<String> checkReportsOnlyWhatTheSourceLacks(List<String> lacks) {
    int code = run("check", "--source", curriculum.toString());
    String report = err.toString();
    Matcher m = PROBLEM.matcher(report);
    List<String> codes = new ArrayList<>();
    while (m.find()) {
      String quoted = m.group(4);
      String name = quoted.substring(quoted.lastIndexOf('/') + 1);
      assertThat(m.group(2)).as(m.group()).isEqualTo("error");
      assertThat(lacks).as("%s should name something the source lacks", m.group()).anyMatch(l -> l.contains(name));
      codes.add(m.group(3));
    }
    assertThat(report).as(report).containsPattern("Check failed: \\d+ lessons, " + codes.size() + " errors, 0 warnings");
    assertThat(code).isEqualTo(ExitCode.CONTENT);
    return codes;
  }

  @Test
  void carpentriesImportPassesCheckButForWhatTheSourceLacks() {
    assertThat(run("import", "carpentries", SHELL, "--level", "beginner", "--source", curriculum.toString()))
        .as(err.toString()).isZero();
    String report = out.toString();
    assertThat(report).contains("Wrote " + curriculum.resolve("lessons/swc-shell-novice/swc-shell-novice-intro.md"))
        .contains("Wrote " + curriculum.resolve("kits/swc-shell-novice.yml"))
        .contains("Imported 3 lessons into ").contains("(half-day, ");
    List<String> codes = checkReportsOnlyWhatTheSourceLacks(lacks(report));
    assertThat(codes).containsOnly("missing-image", "broken-link").contains("missing-image");
  }

  @Test
  void summaryImportPassesCheckButForWhatTheSourceLacks() throws IOException {
    assertThat(run("import", "summary", DJANGO_GIRLS, "--level", "beginner", "--duration", "45m",
        "--source", curriculum.toString())).as(err.toString()).isZero();
    String report = out.toString();
    Path lesson = curriculum.resolve("lessons/djangogirls-tutorial/djangogirls-tutorial-code-editor.md");
    assertThat(report).contains("Wrote " + lesson).contains("Kit: " + curriculum.resolve("kits/djangogirls-tutorial.yml"));
    assertThat(Files.readString(lesson)).contains("\nlicense: CC-BY-SA-4.0\n");
    List<String> codes = checkReportsOnlyWhatTheSourceLacks(lacks(report));
    assertThat(codes).containsOnly("missing-image", "broken-link");
  }

  @Test
  void summaryImportWithoutDurationLeavesPlaceholdersThatCheckReports() {
    assertThat(run("import", "summary", DJANGO_GIRLS, "--level", "beginner", "--source", curriculum.toString()))
        .as(err.toString()).isZero();
    List<String> lacks = lacks(out.toString());
    assertThat(lacks).anyMatch(l -> l.contains("'duration: TODO'"));
    assertThat(checkReportsOnlyWhatTheSourceLacks(lacks)).contains("invalid-duration");
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
