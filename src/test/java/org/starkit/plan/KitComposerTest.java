package org.starkit.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.load.ConfigParser;
import org.starkit.load.CurriculumLoader;
import org.starkit.model.BreakPolicy;
import org.starkit.model.Curriculum;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;
import org.starkit.plan.KitComposer.Composition;
import org.starkit.plan.KitComposer.Verdict;
import org.starkit.source.SourceReader;

class KitComposerTest {
  private final SiteConfig config = new ConfigParser().parse("title: T\n", new ArrayList<>());
  private final Map<String, Lesson> lessons = new LinkedHashMap<>();

  private void lesson(String id, String level, int minutes, List<String> tags, String... prerequisites) {
    List<Reference> refs = new ArrayList<>();
    for (String p : prerequisites) {
      refs.add(new Reference(p, 8, 5));
    }
    lessons.put(id, new Lesson(id, "lessons/" + id + ".md", "Lesson " + id, level, new LessonDuration(minutes, 0),
        "S.", List.of(), refs, tags, List.of(), "CC-BY-4.0", "en", List.of(), List.of(), Optional.empty(), ""));
  }

  @org.junit.jupiter.api.Test
  void leavesOutTranslationsAndLessonsInOtherLanguages() {
    lesson("hello", 30);
    lessons.put("hello-fr", new Lesson("hello-fr", "lessons/hello-fr.md", "Bonjour", "beginner",
        new LessonDuration(30, 0), "S.", List.of(), List.of(), List.of(), List.of(), "CC-BY-4.0", "fr", List.of(),
        List.of(), Optional.empty(), "", Optional.of(new Reference("hello", 7, 17)), Optional.empty(), "0"));
    lessons.put("hola", new Lesson("hola", "lessons/hola.md", "Hola", "beginner", new LessonDuration(30, 0), "S.",
        List.of(), List.of(), List.of(), List.of(), "CC-BY-4.0", "es", List.of(), List.of(), Optional.empty(), ""));
    Composition c = compose("beginner", "half-day");
    org.assertj.core.api.Assertions.assertThat(c.lessons()).containsExactly("hello");
    org.assertj.core.api.Assertions.assertThat(c.reasons()).extracting(KitComposer.Reason::lessonId)
        .containsExactly("hello");
  }

  private void lesson(String id, int minutes, String... prerequisites) {
    lesson(id, "beginner", minutes, List.of(), prerequisites);
  }

  private Composition compose(String level, String format) {
    return compose(config, level, format, Optional.empty());
  }

  private Composition compose(SiteConfig site, String level, String format, Optional<String> tag) {
    return new KitComposer(site, lessons.values()).compose(level, format, tag);
  }

  private static String because(Composition c, String id) {
    return c.reasons().stream().filter(r -> r.lessonId().equals(id)).findFirst().orElseThrow().because();
  }

  private static Verdict verdict(Composition c, String id) {
    return c.reasons().stream().filter(r -> r.lessonId().equals(id)).findFirst().orElseThrow().verdict();
  }

  /** The composition as the kit file 'kit suggest' prints: titled sessions for courses. */
  private static Kit kitOf(Composition c) {
    List<Kit.KitSession> sessions = new ArrayList<>();
    for (int i = 0; i < c.sessions().size(); i++) {
      sessions.add(new Kit.KitSession(c.format().multiSession() ? "Session " + (i + 1) : "",
          c.sessions().get(i).stream().map(id -> new Reference(id, 1, 1)).toList()));
    }
    return new Kit("k", "kits/k.yml", "K", "", c.level(), new Reference(c.format().id(), 1, 1), "", sessions,
        c.format().multiSession(), c.assumes().stream().map(id -> new Reference(id, 1, 1)).toList(),
        LocalTime.of(18, 30), BreakPolicy.DEFAULT, 3, 20, Kit.Mode.IN_PERSON, Optional.empty(), "",
        new Reference("lessons", 1, 1));
  }

  private static void assertPlansCleanly(SiteConfig site, Map<String, Lesson> byId, Composition c) {
    KitPlanner.Result r = new KitPlanner(site, byId).plan(kitOf(c));
    assertThat(r.diagnostics()).as(c.level() + " " + c.format().id()).isEmpty();
    assertThat(r.plan()).isPresent();
  }

  @Test
  void ordersLessonsByPrerequisitesWithTiesInCatalogOrder() {
    lesson("a", 30);
    lesson("b", 45, "a");
    lesson("c", 40, "a");
    lesson("zeta", 30);
    lesson("alpha", 0, "zeta");
    Composition c = compose("beginner", "full-day");
    assertThat(c.lessons()).containsExactly("a", "zeta", "alpha", "c", "b");
    assertThat(c.reasons()).extracting(KitComposer.Reason::lessonId)
        .as("one reason per lesson, in catalog order").containsExactly("a", "alpha", "zeta", "c", "b");
  }

  @Test
  void respectsTheTimeBudget() {
    for (int i = 0; i < 12; i++) {
      lesson("l" + i, 35 + i);
    }
    Composition c = compose("beginner", "half-day");
    assertThat(c.lessons()).containsExactly("l0", "l1", "l2", "l3");
    assertThat(c.plan().orElseThrow().totalMinutes()).isEqualTo(196);
    assertPlansCleanly(config, lessons, c);
    assertThat(because(c, "l4")).isEqualTo("it does not fit: with it the half day would need 4h05m of 4h (5m over)");
  }

  @Test
  void skipsALessonThatDoesNotFitAndKeepsFillingWithShorterOnes() {
    lesson("a", 60);
    lesson("b", 60, "a");
    lesson("c", 130);
    lesson("d", 30, "b");
    Composition c = compose("beginner", "half-day");
    assertThat(c.lessons()).containsExactly("a", "b", "d");
    assertThat(verdict(c, "c")).isEqualTo(Verdict.LEFT_OUT);
    assertThat(because(c, "c")).isEqualTo("it does not fit: with it the half day would need 5h10m of 4h (1h10m over)");
    assertThat(because(c, "d")).isEqualTo("a beginner lesson that fits the time");
    assertPlansCleanly(config, lessons, c);
  }

  @Test
  void leavesOutALessonWhosePrerequisiteWasLeftOut() {
    lesson("a", 60);
    lesson("big", 200, "a");
    lesson("after", 10, "big");
    Composition c = compose("beginner", "half-day");
    assertThat(c.lessons()).containsExactly("a");
    assertThat(because(c, "after")).isEqualTo("it needs 'big', which was left out");
  }

  @Test
  void leavesOutALessonThatNeedsAHarderOne() {
    lesson("classes", "advanced", 30, List.of());
    lesson("intro", "beginner", 30, List.of(), "classes");
    lesson("basics", 30);
    Composition c = compose("beginner", "half-day");
    assertThat(c.lessons()).containsExactly("basics");
    assertThat(because(c, "intro")).isEqualTo("it needs 'classes', an advanced lesson above the kit's level");
    assertThat(because(c, "classes")).isEqualTo("an advanced lesson, above the beginner level");
  }

  @Test
  void assumesEasierPrerequisitesInsteadOfTeachingThem() {
    lesson("first", 30);
    lesson("loops", 45, "first");
    lesson("strings", 45, "first");
    lesson("dictionaries", "intermediate", 50, List.of(), "loops");
    lesson("files", "intermediate", 60, List.of(), "strings", "dictionaries");
    Composition c = compose("intermediate", "half-day");
    assertThat(c.lessons()).containsExactly("dictionaries", "files");
    assertThat(c.assumes()).containsExactly("loops", "strings");
    assertThat(verdict(c, "loops")).isEqualTo(Verdict.ASSUMED);
    assertThat(because(c, "loops")).isEqualTo(
        "learners at the intermediate level know this beginner lesson, and 'dictionaries' needs it");
    assertThat(because(c, "first")).isEqualTo("below the intermediate level, and no chosen lesson needs it");
    assertPlansCleanly(config, lessons, c);
  }

  @Test
  void tagFilterKeepsTaggedLessonsAndTheLessonsTheyNeed() {
    lesson("a", "beginner", 30, List.of("basics"));
    lesson("b", "beginner", 30, List.of("basics", "web"), "a");
    lesson("c", "beginner", 20, List.of("basics"));
    Composition c = compose(config, "beginner", "half-day", Optional.of("web"));
    assertThat(c.lessons()).containsExactly("a", "b");
    assertThat(because(c, "a")).isEqualTo("'b' needs it");
    assertThat(because(c, "b")).isEqualTo("a beginner lesson tagged 'web' that fits the time");
    assertThat(because(c, "c")).isEqualTo("not tagged 'web', and no tagged lesson needs it");
    assertPlansCleanly(config, lessons, c);
  }

  @Test
  void teachesNoPrerequisiteForATaggedLessonThatDoesNotFit() {
    lesson("a", "beginner", 30, List.of());
    lesson("w", "beginner", 300, List.of("web"), "a");
    Composition c = compose(config, "beginner", "half-day", Optional.of("web"));
    assertThat(c.isEmpty()).isTrue();
    assertThat(c.plan()).isEmpty();
    assertThat(because(c, "w")).startsWith("it does not fit: with it and the lessons it needs ('a') the half day");
    assertThat(because(c, "a")).isEqualTo("only lessons that were left out need it");
  }

  @Test
  void leavesOutLessonsOnAPrerequisiteCycle() {
    lesson("a", 30, "b");
    lesson("b", 30, "a");
    lesson("c", 30);
    Composition c = compose("beginner", "half-day");
    assertThat(c.lessons()).containsExactly("c");
    assertThat(because(c, "a")).isEqualTo("it is on a prerequisite cycle");
  }

  @Test
  void splitsAMultiSessionFormatAsTheKitPlannerDoes() {
    for (int i = 0; i < 9; i++) {
      lesson("l" + i, 60 + i);
    }
    Composition c = compose("beginner", "multi-week");
    assertThat(c.sessions()).hasSize(6).allSatisfy(s -> assertThat(s).hasSize(1));
    assertThat(c.sessions().stream().flatMap(List::stream).toList()).isEqualTo(c.lessons());
    assertThat(c.plan().orElseThrow().sessions()).extracting(SessionPlan::title)
        .containsExactly("Session 1", "Session 2", "Session 3", "Session 4", "Session 5", "Session 6");
    assertThat(because(c, "l6")).isEqualTo("it does not fit: with it session 6 would need 2h51m of 2h (51m over)");
    assertPlansCleanly(config, lessons, c);
  }

  @Test
  void rejectsAnUnknownLevelOrFormat() {
    KitComposer composer = new KitComposer(config, lessons.values());
    assertThatThrownBy(() -> composer.compose("expert", "half-day", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> composer.compose("beginner", "weekend", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyLevelAndFormatOfTheShippedCurriculumComposesAKitThatPlansCleanly() throws IOException {
    Curriculum curriculum = new CurriculumLoader().load(new SourceReader().read(Path.of("curriculum"))).curriculum();
    SiteConfig site = curriculum.config();
    for (String level : site.levels()) {
      for (String format : site.formatIds()) {
        Composition c = new KitComposer(site, curriculum.lessons()).compose(level, format, Optional.empty());
        assertThat(c.lessons()).as(level + " " + format).isNotEmpty();
        assertPlansCleanly(site, curriculum.lessonsById(), c);
      }
    }
  }
}
