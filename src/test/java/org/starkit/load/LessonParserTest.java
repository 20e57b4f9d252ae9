package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;
import org.starkit.model.Lesson;
import org.starkit.model.SiteConfig;

class LessonParserTest {
  private static final String PATH = "lessons/python/loops.md";
  private final SiteConfig config = new ConfigParser().parse("title: T\n", new ArrayList<>());
  private final List<Diagnostic> problems = new ArrayList<>();

  private Optional<Lesson> parse(String frontMatter) {
    return parse(PATH, frontMatter);
  }

  private Optional<Lesson> parse(String path, String frontMatter) {
    return new LessonParser(config).parse(path, "---\n" + frontMatter + "---\n\n## Body\n", problems);
  }

  private static final String VALID = "title: Loops\nlevel: beginner\nduration: 45m\nsummary: Repeat work.\n";

  private Diagnostic only() {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void readsAValidLessonWithDefaults() {
    Lesson l = parse(VALID + "tags: [python, basics]\nprerequisites:\n  - lists\n").orElseThrow();
    assertThat(l.id()).isEqualTo("loops");
    assertThat(l.duration().total()).isEqualTo(45);
    assertThat(l.license()).isEqualTo("CC-BY-4.0");
    assertThat(l.language()).isEqualTo("en");
    assertThat(l.tags()).containsExactly("python", "basics");
    assertThat(l.prerequisites()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo("lists");
      assertThat(r.line()).isEqualTo(8);
      assertThat(r.column()).isEqualTo(5);
    });
    assertThat(l.body().split("\n", -1)[10]).as("body keeps file line numbers").isEqualTo("## Body");
    assertThat(problems).isEmpty();
  }

  @Test
  void warnsAboutEachToDoItemAtItsOwnLine() {
    assertThat(parse(VALID + "todo:\n  - the image fig/tree.svg, missing from the source\n"
        + "  -   \"the page setup.md that 'Setup' linked to\"\n")).isPresent();
    assertThat(problems).extracting(Diagnostic::location).containsExactly(PATH + ":7:5", PATH + ":8:7");
    assertThat(problems).allSatisfy(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.code()).isEqualTo("todo");
      assertThat(d.hint()).contains("add the file").contains("restore the image or link")
          .contains("remove this item from 'todo'");
    });
    assertThat(problems).extracting(Diagnostic::message).containsExactly(
        "To do: the image fig/tree.svg, missing from the source", "To do: the page setup.md that 'Setup' linked to");
  }

  @Test
  void warnsAboutAToDoWrittenAsOneLineAndNotAboutAnEmptyOne() {
    parse(VALID + "todo: write the exercise\n");
    assertThat(only().location()).isEqualTo(PATH + ":6:7");
    assertThat(only().message()).isEqualTo("To do: write the exercise");
    problems.clear();
    parse(VALID + "todo:\n");
    assertThat(problems).isEmpty();
  }

  @Test
  void rejectsUnknownLevelWithSuggestion() {
    assertThat(parse("title: Loops\nlevel: begginer\nduration: 45m\nsummary: S.\n")).isPresent();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("unknown-level");
    assertThat(d.location()).isEqualTo(PATH + ":3:8");
    assertThat(d.message()).contains("Did you mean 'beginner'?");
    assertThat(d.hint()).contains("beginner, intermediate, advanced");
  }

  @Test
  void rejectsMissingRequiredField() {
    assertThat(parse("title: Loops\nlevel: beginner\nduration: 45m\n")).hasValueSatisfying(l ->
        assertThat(l.summary()).isEmpty());
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("missing-field");
    assertThat(d.message()).contains("'summary'");
    assertThat(d.location()).isEqualTo(PATH + ":2:1");
  }

  @Test
  void rejectsEmptyRequiredField() {
    parse("title: ''\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    assertThat(only().code()).isEqualTo("empty-field");
    assertThat(only().location()).isEqualTo(PATH + ":2:8");
  }

  @Test
  void rejectsWrongTypes() {
    parse(VALID + "objectives: Learn loops\n");
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("wrong-type");
    assertThat(d.location()).isEqualTo(PATH + ":6:13");
    assertThat(d.message()).contains("must be a list");
  }

  @Test
  void rejectsTitleThatIsAList() {
    parse("title: [a, b]\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    assertThat(only().code()).isEqualTo("wrong-type");
    assertThat(only().location()).isEqualTo(PATH + ":2:8");
  }

  @Test
  void rejectsUnparseableDuration() {
    parse("title: Loops\nlevel: beginner\nduration: ninety\nsummary: S.\n");
    assertThat(only().code()).isEqualTo("invalid-duration");
    assertThat(only().location()).isEqualTo(PATH + ":4:11");
  }

  @Test
  void acceptsCarpentriesTeachingAndExercises() {
    Lesson l = parse("title: Loops\nlevel: beginner\nteaching: 30\nexercises: 15\nsummary: S.\n").orElseThrow();
    assertThat(l.duration().teaching()).isEqualTo(30);
    assertThat(l.duration().exercises()).isEqualTo(15);
    assertThat(l.duration().total()).isEqualTo(45);
  }

  @Test
  void rejectsUnknownLicenseWithSuggestion() {
    parse(VALID + "license: CC-BY-40\n");
    assertThat(only().code()).isEqualTo("unknown-license");
    assertThat(only().message()).contains("Did you mean 'CC-BY-4.0'?");
  }

  @Test
  void warnsAboutUnknownFieldsWithSuggestion() {
    assertThat(parse(VALID + "objectivs:\n  - x\n")).isPresent();
    Diagnostic d = only();
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.code()).isEqualTo("unknown-field");
    assertThat(d.location()).isEqualTo(PATH + ":6:1");
    assertThat(d.message()).contains("Did you mean 'objectives'?");
  }

  @Test
  void rejectsIdWithDots() {
    parse("lessons/a..b.md", VALID);
    assertThat(only().code()).isEqualTo("invalid-id");
    assertThat(only().file()).isEqualTo("lessons/a..b.md");
  }

  @Test
  void readsAuthorsAsNamesOrMappings() {
    Lesson l = parse(VALID + "authors:\n  - Ada Lovelace\n  - name: Grace Hopper\n    github: '@grace'\n"
        + "    orcid: 0000-0002-1825-0097\n").orElseThrow();
    assertThat(l.authors()).extracting(a -> a.name() + "|" + a.github() + "|" + a.orcid())
        .containsExactly("Ada Lovelace||", "Grace Hopper|grace|0000-0002-1825-0097");
  }

  @Test
  void rejectsInvalidOrcid() {
    parse(VALID + "authors:\n  - name: X\n    orcid: 1234\n");
    assertThat(only().code()).isEqualTo("invalid-author");
    assertThat(only().location()).isEqualTo(PATH + ":8:12");
  }

  @Test
  void reportsMissingFrontMatter() {
    new LessonParser(config).parse(PATH, "## Just a body\n", problems);
    assertThat(only().code()).isEqualTo("missing-front-matter");
    assertThat(only().location()).isEqualTo(PATH + ":1:1");
  }

  @Test
  void reportsUnclosedFrontMatter() {
    new LessonParser(config).parse(PATH, "---\ntitle: x\n\n## Body\n", problems);
    assertThat(only().code()).isEqualTo("unclosed-front-matter");
  }

  @Test
  void reportsInvalidLanguageTag() {
    parse(VALID + "language: english!\n");
    assertThat(only().code()).isEqualTo("invalid-language");
  }

  @Test
  void rejectsTagsThatCannotBeAddresses() {
    parse(VALID + "tags: [Web APIs]\n");
    assertThat(only().code()).isEqualTo("invalid-tag");
  }
}
