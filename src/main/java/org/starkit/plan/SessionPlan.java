package org.starkit.plan;

import java.time.LocalTime;
import java.util.List;

/** The schedule of one day or evening of a kit. */
public record SessionPlan(int number, String title, LocalTime start, List<Slot> slots) {
  public SessionPlan {
    slots = List.copyOf(slots);
  }

  public int minutes() {
    return slots.stream().mapToInt(Slot::minutes).sum();
  }

  public int teachingMinutes() {
    return slots.stream().filter(s -> s.kind() == Slot.Kind.LESSON).mapToInt(Slot::minutes).sum();
  }

  public LocalTime end() {
    return start.plusMinutes(minutes());
  }

  public List<String> lessonIds() {
    return slots.stream().filter(s -> s.kind() == Slot.Kind.LESSON).map(Slot::lessonId).toList();
  }
}
