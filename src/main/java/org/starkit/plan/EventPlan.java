package org.starkit.plan;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.starkit.model.Event;

/**
 * An event with its kit scheduled at the event's start time. Session {@code n} of a multi-week
 * kit takes place {@code n - 1} weeks after the first day.
 */
public record EventPlan(Event event, KitPlan kit) {
  public LocalDate day(SessionPlan session) {
    return event.date().plusWeeks(session.number() - 1L);
  }

  public LocalDate lastDay() {
    return day(kit.sessions().get(kit.sessions().size() - 1));
  }

  public ZonedDateTime start(SessionPlan session) {
    return day(session).atTime(session.start()).atZone(event.timezone());
  }

  public ZonedDateTime end(SessionPlan session) {
    return start(session).plusMinutes(session.minutes());
  }

  public String title() {
    return event.title().isEmpty() ? kit.kit().title() : event.title();
  }
}
