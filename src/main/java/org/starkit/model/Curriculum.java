package org.starkit.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything loaded from the source directory: configuration, lessons (sorted by id), guides and assets. */
public record Curriculum(SiteConfig config, List<Lesson> lessons, List<Guide> guides, List<Asset> assets) {
  public Curriculum {
    lessons = List.copyOf(lessons);
    guides = List.copyOf(guides);
    assets = List.copyOf(assets);
  }

  public Map<String, Lesson> lessonsById() {
    return lessons.stream().collect(Collectors.toMap(Lesson::id, Function.identity(), (a, b) -> a));
  }

  public Optional<Lesson> lesson(String id) {
    return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
  }
}
