package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.LessonParser;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;
import org.starkit.scaffold.LessonScaffold;
import org.starkit.source.SourceReader;

class NewCommandTest {
  @TempDir
  Path tmp;

  private Path source;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  @BeforeEach
  void copyShippedCurriculum() throws IOException {
    source = tmp.resolve("curriculum");
    Path shipped = Path.of("curriculum");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path p : files.toList()) {
        Path target = source.resolve(shipped.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private int newLesson(String id, String... more) {
    List<String> args = new ArrayList<>(List.of("new", "lesson", id, "--source", source.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private void assertStrictCheckPasses() {
    assertThat(run("check", "--strict", "--source", source.toString())).as(err.toString()).isZero();
    assertThat(err.toString()).contains("0 errors, 0 warnings");
  }

  /** Every file under the tmp folder with its content, to show that a refusal changed nothing. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(tmp)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(tmp.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

  private Lesson loadedLesson(String id) throws IOException {
    CurriculumLoader.Result loaded = new CurriculumLoader().load(new SourceReader().read(source));
    return loaded.curriculum().lesson(id).orElseThrow();
  }

  private Kit loadedKit(String id) throws IOException {
    CurriculumLoader.Result loaded = new CurriculumLoader().load(new SourceReader().read(source));
    return loaded.curriculum().kits().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void newLessonAsWrittenPassesStrictCheckOfTheCurriculum() throws IOException {
    int code = newLesson("tuples", "--title", "Tuples: values together", "--level", "beginner", "--duration", "1h05m",
        "--dir", "python/beginner", "--author", "Ada Lovelace");
    assertThat(code).as(err.toString()).isZero();
    Path file = source.resolve("lessons/python/beginner/tuples.md");
    assertThat(out.toString()).contains("Wrote " + file);
    String text = Files.readString(file);
    assertThat(text).startsWith("---\ntitle: \"Tuples: values together\"\nlevel: beginner\nduration: 1h05m\n")
        .contains("\nprerequisites: []").contains("\ntags: [python]\n").contains("\n  - Ada Lovelace\n")
        .contains("\nlicense: CC-BY-4.0\nlanguage: en\n---\n")
        .contains("\n## ").contains("\n::: challenge\n").contains("\n::: solution\n")
        .contains("\n::: instructor\n").contains("\n::: keypoints\n").doesNotContain("\n# ");
    assertThat(text.indexOf("::: solution")).isBetween(text.indexOf("::: challenge"), text.indexOf("::: instructor"));
    assertStrictCheckPasses();
    Lesson lesson = loadedLesson("tuples");
    assertThat(lesson.title()).isEqualTo("Tuples: values together");
    assertThat(lesson.duration().total()).isEqualTo(65);
    assertThat(lesson.objectives()).isNotEmpty();
    assertThat(lesson.authors()).extracting(a -> a.name()).containsExactly("Ada Lovelace");
  }

  @Test
  void newLessonWithoutAuthorTakesGitsNameOrAPlaceholderAndStillPasses() throws IOException {
    int code = newLesson("sets", "--title", "Sets", "--level", "intermediate", "--duration", "30m");
    assertThat(code).as(err.toString()).isZero();
    assertThat(source.resolve("lessons/sets.md")).exists();
    assertThat(loadedLesson("sets").authors()).hasSize(1);
    assertStrictCheckPasses();
  }

  @Test
  void placeholderAuthorIsMarkedForReplacementAndParsesCleanly() throws IOException {
    String text = new LessonScaffold().write(new LessonScaffold.Draft("Sets", "beginner", 30, List.of(),
        Optional.empty(), "CC-BY-4.0", "en"));
    assertThat(text).contains("  - " + LessonScaffold.PLACEHOLDER_AUTHOR + "   # replace with your name")
        .contains("\ntags: []\n");
    List<Diagnostic> problems = new ArrayList<>();
    Lesson lesson = new LessonParser(new CurriculumLoader().load(new SourceReader().read(source)).curriculum()
        .config()).parse("lessons/sets.md", text, problems).orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(lesson.authors()).extracting(a -> a.name()).containsExactly(LessonScaffold.PLACEHOLDER_AUTHOR);
  }

  @Test
  void newLessonTakesLicenceAndLanguageFromStarkitYml() throws IOException {
    Path config = source.resolve("starkit.yml");
    Files.writeString(config, Files.readString(config).replace("license: CC-BY-4.0", "license: CC0-1.0")
        .replace("language: en", "language: de"));
    assertThat(newLesson("mengen", "--title", "Mengen", "--level", "beginner", "--duration", "45", "--author", "Ada",
        "--tags", "python,basics")).as(err.toString()).isZero();
    assertThat(Files.readString(source.resolve("lessons/mengen.md"))).contains("\nlicense: CC0-1.0\nlanguage: de\n")
        .contains("\ntags: [python, basics]\n").contains("\nduration: 45m\n");
    assertStrictCheckPasses();
  }

  @Test
  void refusesAnIdUsedAnywhereInTheCurriculumAndNamesTheFile() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson("loops", "--title", "Loops again", "--level", "beginner", "--duration", "45m",
        "--dir", "python/intermediate")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("'loops' is already used by "
        + source.resolve("lessons/python/beginner/loops.md"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Loops", "for loops", "loops!", "_draft", "loops.md", "ünï"})
  void refusesAnInvalidId(String id) throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson(id, "--title", "T", "--level", "beginner", "--duration", "45m")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("is not a valid lesson id").contains("lower-case letters");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownLevelAndListsTheLevels() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "begginer", "--duration", "45m"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown level 'begginer'. Did you mean 'beginner'?")
        .contains("beginner, intermediate, advanced");
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "0m", "45 minutes please", "-5"})
  void refusesAnUnparseableDuration(String duration) throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", duration))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("is not a duration").contains("45m, 1h30m or 2h");
    assertThat(snapshot()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../outside", "python/../../outside", "/tmp/elsewhere", ".hidden", "python\\beginner",
      "python//beginner"})
  void refusesADirThatLeavesTheLessonsFolder(String dir) throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m", "--dir", dir))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("must be a folder inside lessons/");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(Path.of("/tmp/elsewhere/sets.md")).doesNotExist();
  }

  @Test
  void refusesADirThroughAFileOrALink() throws IOException {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.createSymbolicLink(source.resolve("lessons/elsewhere"), outside);
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m", "--dir",
        "python/beginner/loops.md")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("which is a file, not a folder");
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m", "--dir",
        "elsewhere")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("which is a link");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void refusesTagsTheCheckWouldReject() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m", "--tags", "Big Data"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("The tag 'Big Data' is not valid").contains("nothing was written");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void neverOverwritesALessonItWroteBefore() throws IOException {
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m", "--author", "Ada"))
        .isZero();
    Files.writeString(source.resolve("lessons/sets.md"), "edited by the author\n", java.nio.file.StandardOpenOption.APPEND);
    Map<String, String> before = snapshot();
    assertThat(newLesson("sets", "--title", "Sets", "--level", "beginner", "--duration", "45m")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("already used by " + source.resolve("lessons/sets.md"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void newKitWithoutLessonsTakesKitSuggestsChoiceAndPassesStrictCheck() throws IOException {
    int code = run("new", "kit", "afternoon", "--title", "Python after lunch", "--level", "beginner", "--format",
        "half-day", "--source", source.toString());
    assertThat(code).as(err.toString()).isZero();
    String yaml = Files.readString(source.resolve("kits/afternoon.yml"));
    assertThat(yaml).startsWith("title: Python after lunch\nsummary: A beginner half day of 4 lessons,")
        .contains("\nlevel: beginner\nformat: half-day\n")
        .contains("\nlessons: [first-program, variables, conditions, strings]\n");
    assertStrictCheckPasses();
    assertThat(loadedKit("afternoon").lessons()).extracting(Reference::id)
        .containsExactly("first-program", "variables", "conditions", "strings");
  }

  @Test
  void newMultiWeekKitWritesTitledSessionsThatPassStrictCheck() throws IOException {
    assertThat(run("new", "kit", "evenings", "--title", "Six evenings", "--level", "beginner", "--format",
        "multi-week", "--source", source.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(source.resolve("kits/evenings.yml"))).contains("\n  - title: Session 1\n    lessons: [")
        .contains("\nstart: \"18:30\"\n");
    assertStrictCheckPasses();
  }

  @Test
  void newKitWithLessonsAssumesTheirEasierPrerequisitesAndPassesStrictCheck() throws IOException {
    assertThat(run("new", "kit", "data", "--title", "Working with data", "--level", "intermediate", "--format",
        "half-day", "--lessons", "files,dictionaries", "--source", source.toString())).as(err.toString()).isZero();
    assertStrictCheckPasses();
    Kit kit = loadedKit("data");
    assertThat(kit.lessons()).extracting(Reference::id).containsExactly("files", "dictionaries");
    assertThat(kit.assumes()).extracting(Reference::id).isNotEmpty()
        .allSatisfy(id -> assertThat(loadedLesson(id).level()).isEqualTo("beginner"));
  }

  @Test
  void refusesKitLessonsThatDoNotFitTheFormatAndWritesNothing() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(run("new", "kit", "crammed", "--title", "Crammed", "--level", "beginner", "--format", "session",
        "--lessons", "first-program,variables,conditions,strings,lists", "--source", source.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("kits/crammed.yml").contains("over)").contains("nothing was written");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void refusesKitLessonsMissingAPrerequisiteAtTheKitsLevel() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(run("new", "kit", "loopy", "--title", "Loops", "--level", "beginner", "--format", "half-day",
        "--lessons", "loops", "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("'loops' needs 'lists'").contains("add it before 'loops'");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void refusesAnExistingKitIdAnUnknownFormatAndAnUnknownLesson() throws IOException {
    Map<String, String> before = snapshot();
    assertThat(run("new", "kit", "python-half-day-beginners", "--title", "Again", "--level", "beginner", "--format",
        "half-day", "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("already used by " + source.resolve("kits/python-half-day-beginners.yml"));
    assertThat(run("new", "kit", "k", "--title", "K", "--level", "beginner", "--format", "weekend", "--source",
        source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown format 'weekend'").contains("session, half-day, full-day, multi-week");
    assertThat(run("new", "kit", "k", "--title", "K", "--level", "beginner", "--format", "half-day", "--lessons",
        "loop", "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("'loop' in --lessons is not a lesson. Did you mean 'loops'?");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void newKitSaysWhyWhenNoLessonFits() throws IOException {
    Path small = tmp.resolve("small");
    Files.createDirectories(small.resolve("lessons"));
    Files.writeString(small.resolve("starkit.yml"), "title: Test\n");
    Files.writeString(small.resolve("lessons/marathon.md"),
        "---\ntitle: Marathon\nlevel: beginner\nduration: 5h\nsummary: Long.\n---\n\n## Body\n");
    assertThat(run("new", "kit", "short", "--title", "Short", "--level", "beginner", "--format", "session",
        "--source", small.toString())).isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("No beginner lesson can be taught").contains("marathon");
    assertThat(small.resolve("kits/short.yml")).doesNotExist();
  }
}
