package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;
import org.starkit.model.BreakPolicy;
import org.starkit.model.Kit;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;

class KitParserTest {
  private static final String PATH = "kits/python-afternoon.yml";
  private static final String HEAD = "title: Python in an afternoon\nsummary: A first afternoon.\n";
  private final SiteConfig config = new ConfigParser().parse("title: T\n", new ArrayList<>());
  private final List<Diagnostic> problems = new ArrayList<>();

  private Optional<Kit> parse(String text) {
    return new KitParser(config).parse(PATH, text, problems);
  }

  private Diagnostic only() {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  void readsAValidKitWithDefaults() {
    Kit kit = parse(HEAD + "level: beginner\nformat: half-day\nlessons: [first-program, variables]\n").orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(kit.id()).isEqualTo("python-afternoon");
    assertThat(kit.title()).isEqualTo("Python in an afternoon");
    assertThat(kit.level()).isEqualTo("beginner");
    assertThat(kit.format()).isEqualTo(new Reference("half-day", 4, 9));
    assertThat(kit.sessionsDeclared()).isFalse();
    assertThat(kit.sessions()).singleElement().satisfies(s -> assertThat(s.title()).isEmpty());
    assertThat(kit.lessons()).containsExactly(new Reference("first-program", 5, 11), new Reference("variables", 5, 26));
    assertThat(kit.assumes()).isEmpty();
    assertThat(kit.start()).isEqualTo(LocalTime.of(10, 0));
    assertThat(kit.learnersPerCoach()).isEqualTo(3);
    assertThat(kit.capacity()).isEqualTo(20);
    assertThat(kit.mode()).isEqualTo(Kit.Mode.IN_PERSON);
    assertThat(kit.breaks()).isEqualTo(BreakPolicy.DEFAULT);
    assertThat(kit.badge()).isEmpty();
    assertThat(kit.lessonsKey()).isEqualTo(new Reference("lessons", 5, 1));
  }

  @Test
  void readsTitledSessionsOfAMultiWeekKit() {
    Kit kit = parse(HEAD + "level: intermediate\nformat: multi-week\nlessons:\n"
        + "  - title: \"Week 1: Files\"\n    lessons: [files]\n"
        + "  - title: \"Week 2: Data\"\n    lessons: [dictionaries, errors]\n"
        + "assumes: [functions, loops]\nstart: \"18:30\"\nlearners_per_coach: 4\ncapacity: 16\nmode: remote\n")
        .orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(kit.sessionsDeclared()).isTrue();
    assertThat(kit.sessions()).extracting(Kit.KitSession::title).containsExactly("Week 1: Files", "Week 2: Data");
    assertThat(kit.sessions().get(1).lessons()).extracting(Reference::id).containsExactly("dictionaries", "errors");
    assertThat(kit.lessons()).extracting(Reference::id).containsExactly("files", "dictionaries", "errors");
    assertThat(kit.assumes()).extracting(Reference::id).containsExactly("functions", "loops");
    assertThat(kit.start()).isEqualTo(LocalTime.of(18, 30));
    assertThat(kit.learnersPerCoach()).isEqualTo(4);
    assertThat(kit.capacity()).isEqualTo(16);
    assertThat(kit.mode()).isEqualTo(Kit.Mode.REMOTE);
  }

  @Test
  void rejectsUnknownLevelWithSuggestion() {
    assertThat(parse(HEAD + "level: begginer\nformat: half-day\nlessons: [loops]\n")).isPresent();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("unknown-level");
    assertThat(d.location()).isEqualTo(PATH + ":3:8");
    assertThat(d.message()).isEqualTo("'begginer' is not a known level. Did you mean 'beginner'?");
    assertThat(d.hint()).contains("beginner, intermediate, advanced");
  }

  @Test
  void rejectsUnknownFormatWithSuggestion() {
    assertThat(parse(HEAD + "level: beginner\nformat: half-dya\nlessons: [loops]\n")).isPresent();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("unknown-format");
    assertThat(d.location()).isEqualTo(PATH + ":4:9");
    assertThat(d.message()).isEqualTo("'half-dya' is not a time commitment. Did you mean 'half-day'?");
    assertThat(d.hint()).contains("session, half-day, full-day, multi-week");
  }

  @Test
  void rejectsStartTimeOutOfRange() {
    Kit kit = parse(HEAD + "level: beginner\nformat: half-day\nlessons: [loops]\nstart: \"25:99\"\n").orElseThrow();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("invalid-time");
    assertThat(d.location()).isEqualTo(PATH + ":6:8");
    assertThat(d.message()).isEqualTo("'25:99' is not a time of day.");
    assertThat(kit.start()).as("falls back to the default").isEqualTo(LocalTime.of(10, 0));
  }

  @Test
  void rejectsAnEmptyLessonList() {
    parse(HEAD + "level: beginner\nformat: half-day\nlessons: []\n");
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("empty-kit");
    assertThat(d.location()).isEqualTo(PATH + ":5:1");
    assertThat(d.message()).isEqualTo("The kit has no lessons.");
  }

  @Test
  void rejectsASessionWithoutLessons() {
    parse(HEAD + "level: beginner\nformat: multi-week\nlessons:\n  - title: Week 1\n    lessons: []\n");
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("empty-kit");
    assertThat(d.location()).isEqualTo(PATH + ":6:5");
    assertThat(d.message()).contains("'Week 1'");
  }

  @Test
  void rejectsAnEmptyFile() {
    assertThat(parse("")).isEmpty();
    assertThat(only().code()).isEqualTo("empty-kit");
  }

  @Test
  void reportsFieldsOfTheWrongType() {
    parse(HEAD + "level: beginner\nformat: half-day\nlessons:\n  first: loops\ncapacity: many\nassumes: functions\n");
    problems.sort(null);
    assertThat(problems).extracting(Diagnostic::location, Diagnostic::code).containsExactly(
        Tuple.tuple(PATH + ":6:3", "wrong-type"),
        Tuple.tuple(PATH + ":7:11", "wrong-type"),
        Tuple.tuple(PATH + ":8:10", "wrong-type"));
    assertThat(problems.get(0).message()).isEqualTo("'lessons' must be a list, but it is a mapping.");
    assertThat(problems.get(1).message()).isEqualTo("'capacity' must be a whole number above zero, but it is 'many'.");
    assertThat(problems.get(2).message()).isEqualTo("'assumes' must be a list, but it is a text.");
  }

  @Test
  void rejectsAKitThatIsNotAMapping() {
    assertThat(parse("- loops\n- functions\n")).isEmpty();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("wrong-type");
    assertThat(d.location()).isEqualTo(PATH + ":1:1");
  }

  @Test
  void rejectsInvalidModeWithSuggestion() {
    Kit kit = parse(HEAD + "level: beginner\nformat: half-day\nlessons: [loops]\nmode: remtoe\n").orElseThrow();
    Diagnostic d = only();
    assertThat(d.code()).isEqualTo("invalid-mode");
    assertThat(d.location()).isEqualTo(PATH + ":6:7");
    assertThat(d.message()).isEqualTo("'remtoe' is not a mode. Did you mean 'remote'?");
    assertThat(kit.mode()).isEqualTo(Kit.Mode.IN_PERSON);
  }

  @Test
  void warnsAboutAnUnknownFieldAndKeepsTheKit() {
    Kit kit = parse(HEAD + "level: beginner\nformat: half-day\nlessons: [loops]\ncapacty: 12\n").orElseThrow();
    Diagnostic d = only();
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.code()).isEqualTo("unknown-field");
    assertThat(d.location()).isEqualTo(PATH + ":6:1");
    assertThat(d.message()).isEqualTo("'capacty' is not a kit field. Did you mean 'capacity'?");
    assertThat(kit.capacity()).isEqualTo(20);
  }

  @Test
  void readsAnExplicitListOfBreaks() {
    Kit kit = parse(HEAD + "level: beginner\nformat: half-day\nlessons: [first-program, variables, strings]\n"
        + "breaks:\n  - after: first-program\n    minutes: 15\n    title: Coffee\n  - after: variables\n")
        .orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(kit.breaks().explicit()).containsExactly(
        new BreakPolicy.ExplicitBreak(new Reference("first-program", 7, 12), 15, "Coffee"),
        new BreakPolicy.ExplicitBreak(new Reference("variables", 10, 12), 10, "Break"));
  }

  @Test
  void readsABreakPolicy() {
    Kit kit = parse(HEAD + "level: beginner\nformat: full-day\nlessons: [loops]\n"
        + "breaks:\n  every: 60\n  length: 5\n  lunch: 45\n").orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(kit.breaks()).isEqualTo(new BreakPolicy(60, 5, 45, List.of()));
  }
}
