package org.starkit.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.starkit.plan.EventPlan;
import org.starkit.plan.SessionPlan;

/**
 * Writes an event as an iCalendar file (RFC 5545) with ical4j: one VEVENT per session, times in
 * UTC so every calendar program places them right without time-zone tables, folded lines and
 * CRLF endings. The timestamp is derived from the event, never the clock, so output is reproducible.
 */
public final class CalendarWriter {

  /**
   * @param pageUrl the event page's absolute URL, or empty when the site's address is unknown
   * @param host a domain for globally unique ids, such as the site's host name
   */
  public String write(EventPlan plan, String pageUrl, String host) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//starkit//workshop events//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    Instant stamp = plan.event().date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    for (SessionPlan session : plan.kit().sessions()) {
      String summary = plan.title() + (plan.kit().sessions().size() > 1
          ? " (" + (session.title().isEmpty() ? "session " + session.number() : session.title()) + ")" : "");
      VEvent event = new VEvent(plan.start(session).toInstant(), plan.end(session).toInstant(), summary);
      event.add(new Uid(plan.event().id() + "-" + session.number() + "@" + host));
      event.replace(new DtStamp(stamp));
      event.add(new Location(plan.event().place()));
      StringBuilder description = new StringBuilder(plan.kit().kit().summary());
      description.append("\n\nSchedule:");
      session.slots().forEach(s -> description.append("\n").append(s.start()).append(" ").append(s.title()));
      if (!pageUrl.isEmpty()) {
        description.append("\n\n").append(pageUrl);
        event.add(new Url(URI.create(pageUrl)));
      }
      event.add(new Description(description.toString()));
      calendar.add(event);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
