package org.starkit.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.starkit.markdown.RenderedPage;
import org.starkit.model.Curriculum;
import org.starkit.model.Format;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

/**
 * Arranges lessons for organizers: which lessons build on which, and the shortest time commitment
 * in which each lesson can be taught together with everything it builds on. Work per lesson is
 * bounded by the largest format, so the whole plan grows linearly with the curriculum.
 */
public final class CatalogPlanner {

  public Catalog plan(Curriculum curriculum, Map<String, RenderedPage> pages, List<KitPlan> kits,
      List<EventPlan> events, java.time.LocalDate today) {
    Map<String, Lesson> byId = curriculum.lessonsById();
    List<Format> formats = new ArrayList<>(curriculum.config().formats());
    formats.sort(Comparator.comparingInt(TimeBudget::teachingCapacity).thenComparing(Format::id));
    int cap = formats.isEmpty() ? 0 : TimeBudget.teachingCapacity(formats.get(formats.size() - 1));
    Map<String, List<String>> dependents = new HashMap<>();
    for (Lesson l : curriculum.lessons()) {
      for (Reference r : l.prerequisites()) {
        if (byId.containsKey(r.id()) && !r.id().equals(l.id())) {
          dependents.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(l.id());
        }
      }
    }
    List<PlannedLesson> planned = new ArrayList<>();
    PathMinutes minutes = new PathMinutes(byId, cap);
    for (Lesson l : curriculum.lessons()) {
      int path = minutes.of(l);
      Optional<Format> format = formats.stream().filter(f -> TimeBudget.teachingCapacity(f) >= path).findFirst();
      List<String> deps = dependents.getOrDefault(l.id(), List.of()).stream().sorted().distinct().toList();
      planned.add(new PlannedLesson(l, pages.get(l.path()), path, format, deps));
    }
    List<String> levels = curriculum.config().levels();
    // A translation sorts right after its original, so listings show them together.
    Map<String, PlannedLesson> plannedById = new HashMap<>();
    planned.forEach(p -> plannedById.put(p.id(), p));
    // sort keys made once per lesson, compared field by field without lookups
    List<Keyed> keyed = new ArrayList<>(planned.size());
    for (PlannedLesson p : planned) {
      PlannedLesson r = p.lesson().translationOf().map(t -> plannedById.get(t.id()))
          .filter(o -> o != p && o.lesson().translationOf().isEmpty()).orElse(p);
      keyed.add(new Keyed(levels.indexOf(r.lesson().level()), r.pathMinutes(), r.lesson().title(), r.id(),
          p.lesson().isTranslation(), p.lesson().language(), p));
    }
    keyed.sort(null);
    planned = new ArrayList<>(keyed.stream().map(Keyed::lesson).toList());
    Map<String, List<String>> tags = new TreeMap<>();
    for (PlannedLesson p : planned) {
      for (String tag : p.lesson().tags()) {
        tags.computeIfAbsent(tag, k -> new ArrayList<>()).add(p.id());
      }
    }
    List<Catalog.GuidePage> guides = curriculum.guides().stream()
        .map(g -> new Catalog.GuidePage(g, pages.get(g.path()))).toList();
    return new Catalog(curriculum.config(), planned, tags, guides, kits, curriculum.organizing(), events, today,
        curriculum.badges());
  }

  /**
   * A lesson with what it sorts by: its original's level, path minutes, title and id (its own for
   * an original), then originals before translations, then language and its own id.
   */
  private record Keyed(int level, int minutes, String title, String root, boolean translation, String language,
      PlannedLesson lesson) implements Comparable<Keyed> {
    @Override
    public int compareTo(Keyed o) {
      int c = Integer.compare(level, o.level);
      if (c == 0) {
        c = Integer.compare(minutes, o.minutes);
      }
      if (c == 0) {
        c = title.compareTo(o.title);
      }
      if (c == 0) {
        c = root.compareTo(o.root);
      }
      if (c == 0) {
        c = Boolean.compare(translation, o.translation);
      }
      if (c == 0) {
        c = language.compareTo(o.language);
      }
      return c != 0 ? c : lesson.id().compareTo(o.lesson.id());
    }
  }
}
