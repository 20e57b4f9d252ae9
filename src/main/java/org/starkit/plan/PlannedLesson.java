package org.starkit.plan;

import java.util.List;
import java.util.Optional;
import org.starkit.markdown.RenderedPage;
import org.starkit.model.Format;
import org.starkit.model.Lesson;

/**
 * A lesson placed in the catalog.
 *
 * @param pathMinutes teaching time of the lesson and everything it builds on, capped just above
 *     the largest format
 * @param format the shortest time commitment in which the lesson can be taught from scratch
 * @param dependents ids of the lessons that list this one as a prerequisite, sorted
 */
public record PlannedLesson(
    Lesson lesson, RenderedPage page, int pathMinutes, Optional<Format> format, List<String> dependents) {
  public PlannedLesson {
    dependents = List.copyOf(dependents);
  }

  public String id() {
    return lesson.id();
  }
}
