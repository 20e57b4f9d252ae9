package org.starkit.plan;

import java.time.LocalTime;

/**
 * One row of a schedule.
 *
 * @param lessonId the lesson taught, or empty for welcome, breaks and wrap-up
 */
public record Slot(Kind kind, String title, String lessonId, LocalTime start, int minutes) {
  /** What happens in a slot. */
  public enum Kind {
    WELCOME,
    LESSON,
    BREAK,
    LUNCH,
    WRAPUP;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public LocalTime end() {
    return start.plusMinutes(minutes);
  }
}
