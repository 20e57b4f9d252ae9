package org.starkit.importer;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An imported lesson before it is written as a file.
 *
 * @param teaching Carpentries teaching minutes, or empty
 * @param exercises Carpentries exercise minutes, or empty
 * @param duration minutes when the source gives no split, or empty; with all three empty the lesson
 *     gets a placeholder that {@code starkit check} reports
 * @param license SPDX id, or empty for the curriculum's default
 * @param body the converted Markdown body
 * @param todo what the lesson lost because the source lacks it, one item each, for its {@code todo} field
 */
public record LessonDraft(String id, String title, String level, OptionalInt teaching, OptionalInt exercises,
    OptionalInt duration, String summary, List<String> objectives, List<String> prerequisites,
    Optional<String> license, String language, List<String> setup, List<String> attribution, String body,
    List<String> todo) {

  public LessonDraft {
    objectives = List.copyOf(objectives);
    prerequisites = List.copyOf(prerequisites);
    setup = List.copyOf(setup);
    attribution = List.copyOf(attribution);
    todo = List.copyOf(todo);
  }

  public boolean hasDuration() {
    return teaching.isPresent() || duration.isPresent();
  }
}
