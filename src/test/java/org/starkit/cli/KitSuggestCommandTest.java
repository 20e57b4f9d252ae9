package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.YamlNode;
import org.starkit.load.YamlReader;
import org.starkit.model.Kit;
import org.starkit.model.Reference;
import org.starkit.source.SourceReader;

class KitSuggestCommandTest {
  @TempDir
  Path tmp;

  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  /** A copy of the shipped curriculum with the printed kit saved as kits/suggested.yml. */
  private Path saveSuggestion(String yaml) throws IOException {
    Path copy = tmp.resolve("curriculum");
    Path shipped = Path.of("curriculum");
    try (Stream<Path> files = Files.walk(shipped)) {
      for (Path p : files.toList()) {
        Path target = copy.resolve(shipped.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(copy.resolve("kits/suggested.yml"), yaml);
    return copy;
  }

  /** Checks the copy strictly through the CLI, then loads the saved kit back. */
  private Kit checkedKit(Path copy) throws IOException {
    assertThat(run("check", "--strict", "--source", copy.toString())).as(err.toString()).isZero();
    CurriculumLoader.Result loaded = new CurriculumLoader().load(new SourceReader().read(copy));
    return loaded.curriculum().kits().stream().filter(k -> k.id().equals("suggested")).findFirst().orElseThrow();
  }

  private Path lessonOnly(String frontMatter) throws IOException {
    Path source = tmp.resolve("small");
    Files.createDirectories(source.resolve("lessons"));
    Files.writeString(source.resolve("starkit.yml"), "title: Test\n");
    Files.writeString(source.resolve("lessons/marathon.md"), "---\n" + frontMatter + "---\n\n## Body\n");
    return source;
  }

  @Test
  void suggestsABeginnerHalfDayThatPassesCheck() throws IOException {
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "half-day")).as(err.toString()).isZero();
    String yaml = out.toString();
    assertThat(yaml).startsWith("title: Beginner half day\n")
        .contains("\nlevel: beginner\nformat: half-day\n")
        .contains("\nlessons: [first-program, variables, conditions, strings]\nassumes: []\nstart: \"10:00\"\n")
        .contains("\nlearners_per_coach: 3\ncapacity: 20\nmode: in-person\n");
    assertThat(err.toString()).isEmpty();
    Kit kit = checkedKit(saveSuggestion(yaml));
    assertThat(kit.lessons()).extracting(Reference::id).containsExactly("first-program", "variables", "conditions",
        "strings");
    assertThat(kit.format().id()).isEqualTo("half-day");
    assertThat(kit.audience()).contains("no programming knowledge is expected");
  }

  @Test
  void explainsEachLessonInCommentsAfterTheKit() {
    run("kit", "suggest", "--level", "beginner", "--format", "half-day");
    String yaml = out.toString();
    String comments = yaml.substring(yaml.indexOf("mode: in-person\n") + "mode: in-person\n".length());
    assertThat(comments.lines().filter(l -> !l.isBlank())).allSatisfy(l -> assertThat(l).startsWith("# "));
    assertThat(comments)
        .contains("# taught   first-program (Your First Program, 30m): a beginner lesson that fits the time.\n")
        .contains("# left out lists (Lists, 45m): it does not fit: with it the half day would need 4h25m of 4h"
            + " (25m over).\n")
        .contains("# left out loops (Loops, 45m): it needs 'lists', which was left out.\n")
        .contains("# left out classes (Classes in Depth, 1h30m): an advanced lesson, above the beginner level.\n");
  }

  @Test
  void suggestsTitledSessionsForAMultiWeekCourse() throws IOException {
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "multi-week")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("lessons:\n  - title: Session 1\n    lessons: [first-program, variables]\n")
        .contains("start: \"18:30\"\n");
    Kit kit = checkedKit(saveSuggestion(out.toString()));
    assertThat(kit.sessionsDeclared()).isTrue();
    assertThat(kit.sessions()).hasSizeGreaterThan(1);
    assertThat(kit.sessions().get(0).title()).isEqualTo("Session 1");
  }

  @Test
  void assumesBeginnerLessonsForAnIntermediateKitWithTagStartAndTitle() throws IOException {
    String title = "Python: data & \"files\" #2";
    assertThat(run("kit", "suggest", "--level", "intermediate", "--format", "half-day", "--tag", "data",
        "--start", "14:00", "--title", title)).as(err.toString()).isZero();
    Kit kit = checkedKit(saveSuggestion(out.toString()));
    assertThat(kit.title()).isEqualTo(title);
    assertThat(kit.lessons()).extracting(Reference::id).containsExactly("dictionaries", "files");
    assertThat(kit.assumes()).extracting(Reference::id).containsExactly("loops", "functions");
    assertThat(kit.start()).hasToString("14:00");
  }

  @Test
  void usageErrorsExitWithTwoAndNameTheKnownValues() {
    assertThat(run("kit", "suggest", "--level", "begginer", "--format", "half-day")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown level 'begginer'. Did you mean 'beginner'?")
        .contains("beginner, intermediate, advanced");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "weekend")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown format 'weekend'").contains("session, half-day, full-day, multi-week");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "half-day", "--tag", "pyton"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Unknown tag 'pyton'. Did you mean 'python'?");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "half-day", "--start", "25:99"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--start must be a 24-hour time");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "half-day", "--title", " "))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--title must not be empty");
    assertThat(run("kit", "suggest", "--format", "half-day")).isEqualTo(ExitCode.USAGE);
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "half-day", "--source",
        tmp.resolve("nope").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(run("kit")).isEqualTo(ExitCode.USAGE);
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void exitsWithOneWhenNoLessonFits() throws IOException {
    Path source = lessonOnly("title: Marathon\nlevel: beginner\nduration: 5h\nsummary: S.\n");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "session", "--source", source.toString()))
        .isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("No lesson fits: no beginner lesson can be taught in a single session.")
        .contains("left out marathon (Marathon, 5h): it does not fit: with it the single session would need 5h40m");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void exitsWithOneAndShowsTheErrorsOfABrokenCurriculum() throws IOException {
    Path source = lessonOnly("title: Marathon\nlevel: begginer\nduration: 5h\nsummary: S.\n");
    assertThat(run("kit", "suggest", "--level", "beginner", "--format", "full-day", "--source", source.toString()))
        .isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("lessons/marathon.md:3:8: error[unknown-level]")
        .contains("  3 | level: begginer\n").contains("Cannot suggest a kit: the curriculum has 1 error.");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void quotesExactlyTheTextYamlWouldMisread() {
    assertThat(KitCommand.KitWriter.quoteIfNeeded("Beginner half day", false)).isEqualTo("Beginner half day");
    assertThat(KitCommand.KitWriter.quoteIfNeeded("first-program", true)).isEqualTo("first-program");
    List<String> tricky = List.of("yes", "No", "null", "~", "10:00", "42", "-1", "a: b", "a #b", "#tag", "end:",
        "[x]", "{x}", "*ref", "&a", "!tag", "|", ">", "'q'", "\"q\"", "%x", "@x", "`x`", " padded ", "two\nlines",
        "tab\there", "back\\slash", "é\u2028", "a, b");
    List<Diagnostic> problems = new ArrayList<>();
    for (String text : tricky) {
      String line = "title: " + KitCommand.KitWriter.quoteIfNeeded(text, false) + "\nlist: "
          + KitCommand.KitWriter.writeList(List.of(text)) + "\n";
      YamlNode.Mapping map = (YamlNode.Mapping) new YamlReader().read(line, "t.yml", 1, problems).orElseThrow();
      assertThat(((YamlNode.Scalar) map.get("title").orElseThrow()).value()).as(line).isEqualTo(text);
      YamlNode.Sequence list = (YamlNode.Sequence) map.get("list").orElseThrow();
      assertThat(list.items()).as(line).singleElement()
          .satisfies(i -> assertThat(((YamlNode.Scalar) i).value()).isEqualTo(text));
    }
    assertThat(problems).isEmpty();
  }
}
