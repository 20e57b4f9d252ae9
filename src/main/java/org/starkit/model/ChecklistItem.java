package org.starkit.model;

import java.util.List;
import java.util.Optional;

/**
 * A task on the organizer's timeline.
 *
 * @param days when it is due, in days relative to the event's first day (negative: before)
 * @param formats the formats it applies to; empty for all
 * @param mode the mode it applies to; empty for both
 */
public record ChecklistItem(String id, int days, String title, String detail, List<String> formats,
    Optional<Kit.Mode> mode) {
  public ChecklistItem {
    formats = List.copyOf(formats);
  }

  public boolean appliesTo(String format, Kit.Mode kitMode) {
    return (formats.isEmpty() || formats.contains(format)) && mode.map(m -> m == kitMode).orElse(true);
  }
}
