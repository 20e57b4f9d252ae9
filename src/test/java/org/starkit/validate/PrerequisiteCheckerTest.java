package org.starkit.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.Reference;

class PrerequisiteCheckerTest {
  private final Map<String, Lesson> lessons = new HashMap<>();

  private void lesson(String id, String level, String... prereqs) {
    List<Reference> refs = new java.util.ArrayList<>();
    for (int i = 0; i < prereqs.length; i++) {
      refs.add(new Reference(prereqs[i], 7 + i, 5));
    }
    lessons.put(id, new Lesson(id, "lessons/" + id + ".md", id, level, new LessonDuration(30, 0), "S.", List.of(),
        refs, List.of(), List.of(), "CC-BY-4.0", "en", List.of(), List.of(), Optional.empty(), ""));
  }

  private List<Diagnostic> check() {
    return new PrerequisiteChecker(lessons, List.of("beginner", "intermediate", "advanced")).check();
  }

  @Test
  void reportsUnknownPrerequisiteWithSuggestion() {
    lesson("lists", "beginner");
    lesson("loops", "beginner", "list");
    assertThat(check()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("unknown-prerequisite");
      assertThat(d.location()).isEqualTo("lessons/loops.md:7:5");
      assertThat(d.message()).contains("Did you mean 'lists'?");
    });
  }

  @Test
  void reportsEachCycleOnceWithItsPath() {
    lesson("a", "beginner", "c");
    lesson("b", "beginner", "a");
    lesson("c", "beginner", "b");
    lesson("d", "beginner", "a");
    assertThat(check()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("prerequisite-cycle");
      assertThat(d.message()).contains("a -> c -> b -> a");
    });
  }

  @Test
  void reportsSelfPrerequisiteAsCycle() {
    lesson("a", "beginner", "a");
    assertThat(check()).singleElement().satisfies(d -> assertThat(d.message()).contains("a -> a"));
  }

  @Test
  void warnsWhenPrerequisiteIsHarder() {
    lesson("classes", "advanced");
    lesson("intro", "beginner", "classes");
    assertThat(check()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("prerequisite-level"));
  }

  @Test
  void handlesLongChainsWithoutRecursion() {
    for (int i = 0; i < 20_000; i++) {
      if (i == 0) {
        lesson("l0", "beginner");
      } else {
        lesson("l" + i, "beginner", "l" + (i - 1));
      }
    }
    assertThat(check()).isEmpty();
  }
}
