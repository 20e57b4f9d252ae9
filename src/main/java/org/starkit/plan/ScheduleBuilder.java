package org.starkit.plan;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starkit.model.BreakPolicy;
import org.starkit.model.Format;
import org.starkit.model.Lesson;

/**
 * Lays out one session with clock times: a welcome and setup check, the lessons in order with a
 * short break whenever the next lesson would run past the teaching limit, lunch at the lesson
 * boundary nearest the middle of a day that has one, and a wrap-up with feedback at the end.
 */
final class ScheduleBuilder {
  static final int FIRST_WELCOME = 20;
  static final int LATER_WELCOME = 10;
  static final int FINAL_WRAPUP = 20;
  static final int LATER_WRAPUP = 10;

  private final Format format;
  private final BreakPolicy policy;
  private final Map<String, Lesson> lessons;

  ScheduleBuilder(Format format, BreakPolicy policy, Map<String, Lesson> lessons) {
    this.format = format;
    this.policy = policy;
    this.lessons = lessons;
  }

  SessionPlan build(int number, String title, LocalTime start, List<String> ids, boolean first, boolean last) {
    List<Slot> slots = new ArrayList<>();
    LocalTime t = start;
    int welcome = first ? FIRST_WELCOME : LATER_WELCOME;
    slots.add(new Slot(Slot.Kind.WELCOME, first ? "Welcome and setup check" : "Welcome back and recap", "", t, welcome));
    t = t.plusMinutes(welcome);
    int lunch = policy.lunch() >= 0 ? policy.lunch() : format.lunchMinutes();
    int lunchAt = (format.minutes() - lunch) / 2;
    boolean lunchDone = lunch == 0;
    int since = 0;
    for (int i = 0; i < ids.size(); i++) {
      Lesson lesson = lessons.get(ids.get(i));
      int minutes = lesson.duration().total();
      int elapsed = minutesBetween(start, t);
      if (!lunchDone && i > 0 && elapsed + minutes / 2 >= lunchAt) {
        slots.add(new Slot(Slot.Kind.LUNCH, "Lunch", "", t, lunch));
        t = t.plusMinutes(lunch);
        lunchDone = true;
        since = 0;
      } else if (policy.explicit().isEmpty() && since > 0 && since + minutes > policy.every()) {
        slots.add(new Slot(Slot.Kind.BREAK, BreakPolicy.DEFAULT_TITLE, "", t, policy.length()));
        t = t.plusMinutes(policy.length());
        since = 0;
      }
      slots.add(new Slot(Slot.Kind.LESSON, lesson.title(), lesson.id(), t, minutes));
      t = t.plusMinutes(minutes);
      since += minutes;
      if (i < ids.size() - 1) {
        for (BreakPolicy.ExplicitBreak b : policy.explicit()) {
          if (b.after().id().equals(lesson.id())) {
            slots.add(new Slot(Slot.Kind.BREAK, b.title(), "", t, b.minutes()));
            t = t.plusMinutes(b.minutes());
            since = 0;
          }
        }
      }
    }
    int wrap = last ? FINAL_WRAPUP : LATER_WRAPUP;
    slots.add(new Slot(Slot.Kind.WRAPUP, last ? "Share-out and feedback" : "Questions and next steps", "", t, wrap));
    return new SessionPlan(number, title, start, slots);
  }

  private static int minutesBetween(LocalTime a, LocalTime b) {
    int m = b.toSecondOfDay() / 60 - a.toSecondOfDay() / 60;
    return m < 0 ? m + 24 * 60 : m;
  }
}
