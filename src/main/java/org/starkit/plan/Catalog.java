package org.starkit.plan;

import java.util.List;
import java.util.Map;
import org.starkit.markdown.RenderedPage;
import org.starkit.model.Guide;
import org.starkit.model.Organizing;
import org.starkit.model.SiteConfig;

/**
 * The curriculum arranged for the site: lessons in teaching order (level, then time to teach
 * from scratch, then title) and the tags in use.
 *
 * @param tags every tag, sorted, with the ids of its lessons in catalog order
 * @param guides the guides with their rendered bodies
 * @param kits the kits that could be scheduled, sorted by id
 * @param events the events whose kit could be scheduled, by date
 * @param today the date that separates upcoming from past events
 */
public record Catalog(
    SiteConfig config, List<PlannedLesson> lessons, Map<String, List<String>> tags, List<GuidePage> guides,
    List<KitPlan> kits, Organizing organizing, List<EventPlan> events, java.time.LocalDate today,
    org.starkit.model.Badges badges) {

  public Catalog {
    lessons = List.copyOf(lessons);
    tags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    guides = List.copyOf(guides);
    kits = List.copyOf(kits);
    events = List.copyOf(events);
  }

  /** Events whose last day is today or later, soonest first. */
  public List<EventPlan> upcoming() {
    return events.stream().filter(e -> !e.lastDay().isBefore(today)).toList();
  }

  public List<EventPlan> past() {
    return events.stream().filter(e -> e.lastDay().isBefore(today)).toList();
  }

  /** A guide and its rendered body. */
  public record GuidePage(Guide guide, RenderedPage page) {}

  public List<PlannedLesson> withLevel(String level) {
    return lessons.stream().filter(l -> l.lesson().level().equals(level)).toList();
  }

  public List<PlannedLesson> withFormat(String format) {
    return lessons.stream().filter(l -> l.format().map(f -> f.id().equals(format)).orElse(false)).toList();
  }
}
