package org.starkit.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;
import org.starkit.load.ConfigParser;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.KitParser;
import org.starkit.model.Curriculum;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;
import org.starkit.source.SourceReader;

class KitPlannerTest {
  private static final String PATH = "kits/demo.yml";
  private final SiteConfig config = new ConfigParser().parse("title: T\n", new ArrayList<>());
  private final Map<String, Lesson> lessons = new HashMap<>();

  private void lesson(String id, String level, int minutes, String... prerequisites) {
    List<Reference> refs = new ArrayList<>();
    for (int i = 0; i < prerequisites.length; i++) {
      refs.add(new Reference(prerequisites[i], 8 + i, 5));
    }
    lessons.put(id, new Lesson(id, "lessons/" + id + ".md", "Lesson " + id, level, new LessonDuration(minutes, 0),
        "S.", List.of(), refs, List.of(), List.of(), "CC-BY-4.0", "en", List.of(), List.of(), Optional.empty(), ""));
  }

  /** Plans a kit whose file has the given lines after title, summary and level (line 4 on). */
  private KitPlanner.Result plan(String level, String rest) {
    List<Diagnostic> parsing = new ArrayList<>();
    Kit kit = new KitParser(config).parse(PATH, "title: Demo\nsummary: S.\nlevel: " + level + "\n" + rest, parsing)
        .orElseThrow();
    assertThat(parsing).as("the kit text itself is valid").isEmpty();
    return new KitPlanner(config, lessons).plan(kit);
  }

  private KitPlanner.Result plan(String rest) {
    return plan("beginner", rest);
  }

  private static Diagnostic only(KitPlanner.Result result) {
    assertThat(result.diagnostics()).hasSize(1);
    return result.diagnostics().get(0);
  }

  private static List<Tuple> slots(SessionPlan session) {
    return session.slots().stream().map(s -> Tuple.tuple(s.kind(), s.lessonId(), s.start().toString(), s.minutes()))
        .toList();
  }

  private static Tuple slot(Slot.Kind kind, String lesson, String start, int minutes) {
    return Tuple.tuple(kind, lesson, start, minutes);
  }

  @Test
  void reportsAPrerequisiteTaughtLater() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 30, "a");
    Diagnostic d = only(plan("format: half-day\nlessons: [b, a]\n"));
    assertThat(d.code()).isEqualTo("kit-prerequisite");
    assertThat(d.location()).isEqualTo(PATH + ":5:11");
    assertThat(d.message()).isEqualTo("'b' needs 'a', which this kit teaches later.");
    assertThat(d.hint()).isEqualTo("Move 'a' before 'b'.");
  }

  @Test
  void reportsAPrerequisiteNeitherTaughtNorAssumed() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 30, "a");
    Diagnostic d = only(plan("format: half-day\nlessons: [b]\n"));
    assertThat(d.code()).isEqualTo("kit-prerequisite");
    assertThat(d.location()).isEqualTo(PATH + ":5:11");
    assertThat(d.message()).isEqualTo("'b' needs 'a', which this kit neither teaches nor assumes.");
    assertThat(d.hint()).startsWith("Add 'a' (30m) before 'b', or list it under 'assumes'");
  }

  @Test
  void assumedPrerequisiteSatisfiesALesson() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 30, "a");
    KitPlanner.Result r = plan("format: half-day\nlessons: [b]\nassumes: [a]\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.plan().orElseThrow().lessonIds()).containsExactly("b");
  }

  @Test
  void prerequisiteCycleThroughAKitIsReportedOnceAndPlanningEnds() {
    lesson("a", "beginner", 30, "b");
    lesson("b", "beginner", 30, "a");
    Diagnostic d = only(plan("format: half-day\nlessons: [a, b]\n"));
    assertThat(d.code()).isEqualTo("kit-prerequisite");
    assertThat(d.message()).isEqualTo("'a' needs 'b', which this kit teaches later.");
  }

  @Test
  void reportsAnUnknownLessonWithSuggestion() {
    lesson("variables", "beginner", 30);
    KitPlanner.Result r = plan("format: half-day\nlessons: [variabels]\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("unknown-lesson");
    assertThat(d.location()).isEqualTo(PATH + ":5:11");
    assertThat(d.message()).isEqualTo("'variabels' is not a lesson. Did you mean 'variables'?");
    assertThat(r.plan()).as("no schedule for a kit with unknown lessons").isEmpty();
  }

  @Test
  void reportsAnUnknownAssumedLesson() {
    lesson("a", "beginner", 30);
    Diagnostic d = only(plan("format: half-day\nlessons: [a]\nassumes: [functons]\n"));
    assertThat(d.code()).isEqualTo("unknown-lesson");
    assertThat(d.location()).isEqualTo(PATH + ":6:11");
  }

  @Test
  void reportsADuplicateLesson() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 30);
    KitPlanner.Result r = plan("format: half-day\nlessons: [a, b, a]\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("duplicate-lesson");
    assertThat(d.location()).isEqualTo(PATH + ":5:17");
    assertThat(d.message()).isEqualTo("'a' is already in this kit.");
    assertThat(r.plan()).isEmpty();
  }

  @Test
  void warnsAboutALessonAboveTheKitLevel() {
    lesson("dictionaries", "intermediate", 50);
    KitPlanner.Result r = plan("format: half-day\nlessons: [dictionaries]\n");
    Diagnostic d = only(r);
    assertThat(d.severity()).isEqualTo(Severity.WARNING);
    assertThat(d.code()).isEqualTo("kit-level");
    assertThat(d.message()).isEqualTo("'dictionaries' is an intermediate lesson in a beginner kit.");
    assertThat(r.plan()).as("a warning still schedules").isPresent();
  }

  @Test
  void schedulesAHalfDayWithABreakBeforeTheLessonThatWouldPassNinetyMinutes() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 45);
    lesson("c", "beginner", 40);
    lesson("d", "beginner", 45);
    KitPlanner.Result r = plan("format: half-day\nlessons: [a, b, c, d]\nstart: \"13:00\"\n");
    assertThat(r.diagnostics()).isEmpty();
    SessionPlan s = r.plan().orElseThrow().sessions().get(0);
    assertThat(slots(s)).containsExactly(
        slot(Slot.Kind.WELCOME, "", "13:00", 20),
        slot(Slot.Kind.LESSON, "a", "13:20", 30),
        slot(Slot.Kind.LESSON, "b", "13:50", 45),
        slot(Slot.Kind.BREAK, "", "14:35", 10),
        slot(Slot.Kind.LESSON, "c", "14:45", 40),
        slot(Slot.Kind.LESSON, "d", "15:25", 45),
        slot(Slot.Kind.WRAPUP, "", "16:10", 20));
    assertThat(s.end()).isEqualTo(LocalTime.of(16, 30));
    assertThat(r.plan().orElseThrow().teachingMinutes()).isEqualTo(160);
  }

  @Test
  void noBreakWhenTeachingReachesExactlyTheLimit() {
    lesson("a", "beginner", 45);
    lesson("b", "beginner", 45);
    SessionPlan s = plan("format: half-day\nlessons: [a, b]\n").plan().orElseThrow().sessions().get(0);
    assertThat(s.slots()).extracting(Slot::kind)
        .containsExactly(Slot.Kind.WELCOME, Slot.Kind.LESSON, Slot.Kind.LESSON, Slot.Kind.WRAPUP);
  }

  @Test
  void placesLunchAtTheLessonBoundaryNearestTheMiddleOfAFullDay() {
    int[] minutes = {30, 45, 45, 40, 45, 45, 50};
    for (int i = 0; i < minutes.length; i++) {
      lesson("l" + i, "beginner", minutes[i]);
    }
    KitPlanner.Result r = plan("format: full-day\nlessons: [l0, l1, l2, l3, l4, l5, l6]\nstart: \"09:30\"\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(slots(r.plan().orElseThrow().sessions().get(0))).containsExactly(
        slot(Slot.Kind.WELCOME, "", "09:30", 20),
        slot(Slot.Kind.LESSON, "l0", "09:50", 30),
        slot(Slot.Kind.LESSON, "l1", "10:20", 45),
        slot(Slot.Kind.BREAK, "", "11:05", 10),
        slot(Slot.Kind.LESSON, "l2", "11:15", 45),
        slot(Slot.Kind.LESSON, "l3", "12:00", 40),
        slot(Slot.Kind.LUNCH, "", "12:40", 60),
        slot(Slot.Kind.LESSON, "l4", "13:40", 45),
        slot(Slot.Kind.LESSON, "l5", "14:25", 45),
        slot(Slot.Kind.BREAK, "", "15:10", 10),
        slot(Slot.Kind.LESSON, "l6", "15:20", 50),
        slot(Slot.Kind.WRAPUP, "", "16:10", 20));
  }

  @Test
  void explicitBreaksReplaceAutomaticOnes() {
    lesson("a", "beginner", 60);
    lesson("b", "beginner", 60);
    lesson("c", "beginner", 60);
    KitPlanner.Result r = plan("format: half-day\nlessons: [a, b, c]\n"
        + "breaks:\n  - after: a\n    minutes: 15\n    title: Coffee\n  - after: c\n");
    assertThat(r.diagnostics()).isEmpty();
    SessionPlan s = r.plan().orElseThrow().sessions().get(0);
    assertThat(slots(s)).containsExactly(
        slot(Slot.Kind.WELCOME, "", "10:00", 20),
        slot(Slot.Kind.LESSON, "a", "10:20", 60),
        slot(Slot.Kind.BREAK, "", "11:20", 15),
        slot(Slot.Kind.LESSON, "b", "11:35", 60),
        slot(Slot.Kind.LESSON, "c", "12:35", 60),
        slot(Slot.Kind.WRAPUP, "", "13:35", 20));
    assertThat(s.slots().get(2).title()).isEqualTo("Coffee");
  }

  @Test
  void fullDayWithExplicitBreaksStillHasLunch() {
    for (String id : List.of("a", "b", "c", "d")) {
      lesson(id, "beginner", 60);
    }
    KitPlanner.Result r = plan("format: full-day\nlessons: [a, b, c, d]\n"
        + "breaks:\n  - after: a\n  - after: b\n  - after: c\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(slots(r.plan().orElseThrow().sessions().get(0))).containsExactly(
        slot(Slot.Kind.WELCOME, "", "10:00", 20),
        slot(Slot.Kind.LESSON, "a", "10:20", 60),
        slot(Slot.Kind.BREAK, "", "11:20", 10),
        slot(Slot.Kind.LESSON, "b", "11:30", 60),
        slot(Slot.Kind.BREAK, "", "12:30", 10),
        slot(Slot.Kind.LESSON, "c", "12:40", 60),
        slot(Slot.Kind.BREAK, "", "13:40", 10),
        slot(Slot.Kind.LUNCH, "", "13:50", 60),
        slot(Slot.Kind.LESSON, "d", "14:50", 60),
        slot(Slot.Kind.WRAPUP, "", "15:50", 20));
  }

  @Test
  void declaredSessionsGetTheirOwnSchedules() {
    lesson("a", "beginner", 60);
    lesson("b", "beginner", 60);
    lesson("c", "beginner", 60);
    KitPlanner.Result r = plan("format: multi-week\nlessons:\n  - title: Week 1\n    lessons: [a]\n"
        + "  - title: Week 2\n    lessons: [b]\n  - title: Week 3\n    lessons: [c]\nstart: \"18:30\"\n");
    assertThat(r.diagnostics()).isEmpty();
    List<SessionPlan> sessions = r.plan().orElseThrow().sessions();
    assertThat(sessions).extracting(SessionPlan::number, SessionPlan::title).containsExactly(
        Tuple.tuple(1, "Week 1"), Tuple.tuple(2, "Week 2"), Tuple.tuple(3, "Week 3"));
    assertThat(slots(sessions.get(0))).containsExactly(slot(Slot.Kind.WELCOME, "", "18:30", 20),
        slot(Slot.Kind.LESSON, "a", "18:50", 60), slot(Slot.Kind.WRAPUP, "", "19:50", 10));
    assertThat(slots(sessions.get(1))).containsExactly(slot(Slot.Kind.WELCOME, "", "18:30", 10),
        slot(Slot.Kind.LESSON, "b", "18:40", 60), slot(Slot.Kind.WRAPUP, "", "19:40", 10));
    assertThat(slots(sessions.get(2))).containsExactly(slot(Slot.Kind.WELCOME, "", "18:30", 10),
        slot(Slot.Kind.LESSON, "c", "18:40", 60), slot(Slot.Kind.WRAPUP, "", "19:40", 20));
  }

  @Test
  void splitsUndeclaredMultiWeekSessionsGreedily() {
    lesson("a", "beginner", 60);
    lesson("b", "beginner", 60);
    lesson("c", "beginner", 60);
    lesson("d", "beginner", 30);
    KitPlanner.Result r = plan("format: multi-week\nlessons: [a, b, c, d]\n");
    assertThat(r.diagnostics()).isEmpty();
    List<SessionPlan> sessions = r.plan().orElseThrow().sessions();
    assertThat(sessions).extracting(SessionPlan::lessonIds)
        .containsExactly(List.of("a"), List.of("b"), List.of("c", "d"));
    assertThat(sessions).extracting(SessionPlan::title).containsExactly("Session 1", "Session 2", "Session 3");
    assertThat(sessions.get(2).minutes()).isEqualTo(120);
  }

  @Test
  void greedySplitKeepsRoomForTheLongerFinalWrapUp() {
    lesson("a", "beginner", 45);
    lesson("b", "beginner", 45);
    KitPlanner.Result r = plan("format: multi-week\nlessons: [a, b]\n");
    assertThat(r.diagnostics()).as("20m welcome + 90m + 20m final wrap-up is 130m").isEmpty();
    assertThat(r.plan().orElseThrow().sessions()).extracting(SessionPlan::lessonIds)
        .containsExactly(List.of("a"), List.of("b"));
  }

  @Test
  void reportsAnOverrunByHowMuchAndProposesFixes() {
    lesson("a", "beginner", 60);
    lesson("b", "beginner", 60, "a");
    lesson("c", "beginner", 60, "b");
    lesson("d", "beginner", 45);
    KitPlanner.Result r = plan("format: half-day\nlessons: [a, b, c, d]\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("kit-overrun");
    assertThat(d.location()).isEqualTo(PATH + ":4:9");
    assertThat(d.message()).isEqualTo("The kit needs 4h55m, but half day allows 4h (55m over).");
    assertThat(d.hint()).isEqualTo("To fix it, drop 'd' (45m) or use full-day.");
    assertThat(r.plan()).as("an overrun kit is still scheduled").isPresent();
  }

  @Test
  void overrunHintSkipsLessonsOtherLessonsNeed() {
    lesson("x", "beginner", 80);
    lesson("a", "beginner", 120);
    lesson("b", "beginner", 5, "a");
    Diagnostic d = only(plan("format: half-day\nlessons: [x, a, b]\nbreaks:\n  - after: x\n    minutes: 5\n"));
    assertThat(d.code()).isEqualTo("kit-overrun");
    assertThat(d.message()).contains("needs 4h10m").contains("(10m over)");
    assertThat(d.hint()).contains("drop 'x' (1h20m)").doesNotContain("'a'");
  }

  @Test
  void overrunHintNeverProposesEmptyingTheKit() {
    lesson("marathon", "beginner", 300);
    Diagnostic d = only(plan("format: half-day\nlessons: [marathon]\n"));
    assertThat(d.code()).isEqualTo("kit-overrun");
    assertThat(d.hint()).doesNotContain("drop").contains("use full-day");
  }

  @Test
  void twentyHoursCalledHalfDayOverruns() {
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      lesson("l" + i, "beginner", 60);
      ids.append(i == 0 ? "" : ", ").append("l").append(i);
    }
    KitPlanner.Result r = plan("format: half-day\nlessons: [" + ids + "]\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("kit-overrun");
    assertThat(d.message()).isEqualTo("The kit needs 23h50m, but half day allows 4h (19h50m over).");
    assertThat(d.hint()).isEqualTo("Teach fewer lessons: even the longest time commitment cannot hold these.");
  }

  @Test
  void reportsMoreDeclaredSessionsThanTheFormatHas() {
    lesson("a", "beginner", 30);
    lesson("b", "beginner", 30);
    KitPlanner.Result r = plan("format: half-day\nlessons:\n  - title: One\n    lessons: [a]\n"
        + "  - title: Two\n    lessons: [b]\n");
    Diagnostic d = only(r);
    assertThat(d.code()).isEqualTo("kit-sessions");
    assertThat(d.location()).isEqualTo(PATH + ":5:1");
    assertThat(d.message()).isEqualTo("The kit lists 2 sessions, but Half day has one.");
    assertThat(r.plan()).isEmpty();
  }

  @Test
  void countsCoachesAndSignUpCap() {
    lesson("a", "beginner", 30);
    KitPlan defaults = plan("format: half-day\nlessons: [a]\n").plan().orElseThrow();
    assertThat(defaults.coaches()).isEqualTo(7);
    assertThat(defaults.signupCap()).isEqualTo(27);
    KitPlan custom = plan("format: half-day\nlessons: [a]\ncapacity: 24\nlearners_per_coach: 4\n").plan().orElseThrow();
    assertThat(custom.coaches()).isEqualTo(6);
    assertThat(custom.signupCap()).isEqualTo(32);
  }

  @Test
  void everyShippedKitPlansWithoutDiagnostics() throws IOException {
    CurriculumLoader.Result loaded = new CurriculumLoader().load(new SourceReader().read(Path.of("curriculum")));
    assertThat(loaded.diagnostics()).isEmpty();
    Curriculum curriculum = loaded.curriculum();
    assertThat(curriculum.kits()).hasSizeGreaterThanOrEqualTo(5);
    KitPlanner planner = new KitPlanner(curriculum.config(), curriculum.lessonsById());
    for (Kit kit : curriculum.kits()) {
      KitPlanner.Result r = planner.plan(kit);
      assertThat(r.diagnostics()).as(kit.path()).isEmpty();
      assertThat(r.plan()).as(kit.path()).isPresent();
    }
  }
}
