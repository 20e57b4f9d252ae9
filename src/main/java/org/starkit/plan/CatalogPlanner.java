package org.starkit.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    for (Lesson l : curriculum.lessons()) {
      int path = pathMinutes(l, byId, cap);
      Optional<Format> format = formats.stream().filter(f -> TimeBudget.teachingCapacity(f) >= path).findFirst();
      List<String> deps = dependents.getOrDefault(l.id(), List.of()).stream().sorted().distinct().toList();
      planned.add(new PlannedLesson(l, pages.get(l.path()), path, format, deps));
    }
    List<String> levels = curriculum.config().levels();
    // A translation sorts right after its original, so listings show them together.
    Map<String, PlannedLesson> plannedById = new HashMap<>();
    planned.forEach(p -> plannedById.put(p.id(), p));
    java.util.function.Function<PlannedLesson, PlannedLesson> root = p -> p.lesson().translationOf()
        .map(r -> plannedById.get(r.id())).filter(o -> o != p && o.lesson().translationOf().isEmpty()).orElse(p);
    planned.sort(Comparator.<PlannedLesson>comparingInt(p -> levels.indexOf(root.apply(p).lesson().level()))
        .thenComparingInt(p -> root.apply(p).pathMinutes())
        .thenComparing(p -> root.apply(p).lesson().title())
        .thenComparing(p -> root.apply(p).id())
        .thenComparing(p -> p.lesson().isTranslation())
        .thenComparing(p -> p.lesson().language())
        .thenComparing(PlannedLesson::id));
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

  /** Minutes of the lesson plus all its transitive prerequisites, counting each once; stops above {@code cap}. */
  static int pathMinutes(Lesson lesson, Map<String, Lesson> byId, int cap) {
    Set<String> seen = new HashSet<>();
    Deque<Lesson> todo = new ArrayDeque<>();
    todo.push(lesson);
    seen.add(lesson.id());
    int total = 0;
    while (!todo.isEmpty()) {
      Lesson l = todo.pop();
      total += l.duration().total();
      if (total > cap) {
        return cap + 1;
      }
      for (Reference r : l.prerequisites()) {
        Lesson p = byId.get(r.id());
        if (p != null && seen.add(p.id())) {
          todo.push(p);
        }
      }
    }
    return total;
  }
}
