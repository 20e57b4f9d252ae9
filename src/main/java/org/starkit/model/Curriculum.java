package org.starkit.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything loaded from the source directory: configuration, lessons (sorted by id), guides,
 * assets, kits (sorted by id), the organizer material and events (sorted by date).
 */
public record Curriculum(SiteConfig config, List<Lesson> lessons, List<Guide> guides, List<Asset> assets,
    List<Kit> kits, Organizing organizing, List<Event> events, Badges badges) {
  public Curriculum {
    lessons = List.copyOf(lessons);
    guides = List.copyOf(guides);
    assets = List.copyOf(assets);
    kits = List.copyOf(kits);
    events = List.copyOf(events);
  }

  /** This curriculum with another configuration. */
  public Curriculum withConfig(SiteConfig other) {
    return new Curriculum(other, lessons, guides, assets, kits, organizing, events, badges);
  }

  public Map<String, Lesson> lessonsById() {
    return lessons.stream().collect(Collectors.toMap(Lesson::id, Function.identity(), (a, b) -> a));
  }

  public Optional<Lesson> lesson(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
