package org.starkit.plan;

import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import org.starkit.model.BreakPolicy;
import org.starkit.model.Format;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;

/**
 * Composes a kit from the catalog for a level and a time commitment. The lessons at the level
 * (with a tag, only those having it) are taken in prerequisite order, ties in catalog order; each
 * comes with the lessons at its level it needs and is kept only when the kit still plans without
 * an overrun. Easier lessons are never taught: learners of the level are assumed to know them.
 * Kits are in the site's language: translations, and lessons written in another language, are
 * not candidates (a translation is the same lesson, not one more to teach).
 * Pure: the same catalog and request always give the same composition.
 */
public final class KitComposer {
  private final SiteConfig config;
  private final Map<String, Lesson> byId = new HashMap<>();
  private final Map<String, Integer> position = new HashMap<>();
  private final List<Lesson> catalog;

  public KitComposer(SiteConfig config, Collection<Lesson> lessons) {
    this.config = config;
    lessons.stream().filter(l -> inSiteLanguage(config, l)).forEach(l -> byId.putIfAbsent(l.id(), l));
    int cap = config.formats().stream().mapToInt(TimeBudget::teachingCapacity).max().orElse(0);
    Map<String, Integer> path = new HashMap<>();
    PathMinutes minutes = new PathMinutes(byId, cap);
    byId.values().forEach(l -> path.put(l.id(), minutes.of(l)));
    catalog = byId.values().stream().sorted(Comparator.<Lesson>comparingInt(this::rank)
        .thenComparingInt(l -> path.get(l.id())).thenComparing(Lesson::title).thenComparing(Lesson::id)).toList();
    catalog.forEach(l -> position.put(l.id(), position.size()));
  }

  /** True for lessons a kit in the site's language can teach: not a translation, same primary language. */
  static boolean inSiteLanguage(SiteConfig config, Lesson l) {
    return !l.isTranslation() && primary(l.language()).equals(primary(config.language()));
  }

  private static String primary(String tag) {
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  /** What happened to a lesson of the catalog. */
  public enum Verdict { TAUGHT, ASSUMED, LEFT_OUT }

  /** Why a lesson was taught, assumed or left out; {@code because} is a clause such as "it needs 'loops'". */
  public record Reason(String lessonId, Verdict verdict, String because) {}

  /**
   * A composed kit.
   *
   * @param lessons the lessons to teach, in teaching order
   * @param assumes easier lessons the taught ones need, in catalog order
   * @param sessions the lessons of each session as the kit planner splits them
   * @param reasons one per lesson of the catalog, in catalog order
   * @param plan the schedule of the composed kit, empty when no lesson fits
   */
  public record Composition(String level, Format format, Optional<String> tag, List<String> lessons,
      List<String> assumes, List<List<String>> sessions, List<Reason> reasons, Optional<KitPlan> plan) {
    public Composition {
      lessons = List.copyOf(lessons);
      assumes = List.copyOf(assumes);
      sessions = sessions.stream().map(List::copyOf).toList();
      reasons = List.copyOf(reasons);
    }

    public boolean isEmpty() {
      return lessons.isEmpty();
    }
  }

  /** Composes a kit; a level or format that starkit.yml does not define is an IllegalArgumentException. */
  public Composition compose(String level, String formatId, Optional<String> tag) {
    int rank = config.levels().indexOf(level);
    Format format = config.format(formatId).orElseThrow(() -> new IllegalArgumentException("no format " + formatId));
    if (rank < 0) {
      throw new IllegalArgumentException("no level " + level);
    }
    Set<String> targets = new LinkedHashSet<>();
    catalog.stream().filter(l -> rank(l) == rank && tag.map(l.tags()::contains).orElse(true))
        .forEach(l -> targets.add(l.id()));
    Set<String> wanted = new LinkedHashSet<>(targets);
    Deque<String> todo = new ArrayDeque<>(targets);
    while (!todo.isEmpty()) {
      byId.get(todo.pop()).prerequisiteIds().stream().filter(p -> byId.containsKey(p) && rank(byId.get(p)) == rank)
          .filter(wanted::add).forEach(todo::push);
    }
    Map<String, Integer> order = topological(wanted);
    KitPlanner planner = new KitPlanner(config, byId);
    List<String> taught = new ArrayList<>();
    Map<String, String> leftOut = new HashMap<>();
    Optional<KitPlan> plan = Optional.empty();
    for (String id : order.keySet().stream().filter(targets::contains).toList()) {
      Set<String> group = new LinkedHashSet<>();
      Optional<String> blocker = group(id, rank, order, Set.copyOf(taught), leftOut, group);
      List<String> candidate = new ArrayList<>(taught);
      candidate.addAll(group);
      candidate.sort(Comparator.comparing(order::get));
      KitPlanner.Result r = blocker.isPresent() ? null
          : planner.plan(kit(level, format, candidate, assumes(candidate, rank)));
      if (r != null && r.plan().isPresent() && r.diagnostics().stream().noneMatch(d -> d.isError())) {
        taught = candidate;
        plan = r.plan();
      } else {
        leftOut.put(id, blocker.orElseGet(() -> tooLong(format, group, r)));
      }
    }
    for (String id : wanted) {
      leftOut.putIfAbsent(id, order.containsKey(id) ? "only lessons that were left out need it"
          : "it is on a prerequisite cycle");
    }
    List<String> assumes = assumes(taught, rank);
    List<Reason> reasons = new ArrayList<>();
    for (Lesson l : catalog) {
      reasons.add(reason(l, rank, tag, taught, assumes, targets, leftOut));
    }
    List<List<String>> sessions = plan.map(p -> p.sessions().stream().map(SessionPlan::lessonIds).toList())
        .orElse(List.of());
    return new Composition(level, format, tag, taught, assumes, sessions, reasons, plan);
  }

  private int rank(Lesson lesson) {
    return config.levels().indexOf(lesson.level());
  }

  /** Kahn's algorithm, smallest catalog position first: each lesson with its place; lessons on a cycle are missing. */
  private Map<String, Integer> topological(Set<String> wanted) {
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (String id : wanted) {
      Set<String> needs = new LinkedHashSet<>(byId.get(id).prerequisiteIds());
      needs.retainAll(wanted);
      waiting.put(id, needs.size());
      needs.forEach(p -> dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
    }
    PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(position::get));
    wanted.stream().filter(id -> waiting.get(id) == 0).forEach(ready::add);
    Map<String, Integer> order = new LinkedHashMap<>();
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.put(id, order.size());
      dependents.getOrDefault(id, List.of()).stream().filter(d -> waiting.merge(d, -1, Integer::sum) == 0)
          .forEach(ready::add);
    }
    return order;
  }

  /** Collects the lesson and the untaught lessons at its level it needs, or says why it cannot be taught. */
  private Optional<String> group(String id, int rank, Map<String, Integer> order, Set<String> taught,
      Map<String, String> leftOut, Set<String> group) {
    Deque<String> todo = new ArrayDeque<>(List.of(id));
    group.add(id);
    while (!todo.isEmpty()) {
      for (String p : byId.get(todo.pop()).prerequisiteIds()) {
        Lesson pre = byId.get(p);
        if (pre == null || rank(pre) < rank || taught.contains(p) || group.contains(p)) {
          continue;
        }
        if (rank(pre) > rank) {
          return Optional.of("it needs '" + p + "', " + article(pre.level()) + " lesson above the kit's level");
        }
        if (leftOut.containsKey(p) || !order.containsKey(p)) {
          return Optional.of("it needs '" + p + "', which " + (leftOut.containsKey(p) ? "was left out"
              : "is on a prerequisite cycle"));
        }
        group.add(p);
        todo.push(p);
      }
    }
    return Optional.empty();
  }

  /** The easier lessons that the given lessons list as prerequisites, in catalog order. */
  private List<String> assumes(List<String> taught, int rank) {
    return taught.stream().flatMap(t -> byId.get(t).prerequisiteIds().stream()).distinct()
        .filter(p -> byId.containsKey(p) && rank(byId.get(p)) < rank)
        .sorted(Comparator.comparing(position::get)).toList();
  }

  /** The kit as the planner sees it; start and head count do not change whether it fits. */
  private static Kit kit(String level, Format format, List<String> lessons, List<String> assumes) {
    List<Reference> refs = lessons.stream().map(id -> new Reference(id, 0, 0)).toList();
    return new Kit("suggested", "kits/suggested.yml", "Suggested kit", "", level, new Reference(format.id(), 0, 0),
        "", List.of(new Kit.KitSession("", refs)), false, assumes.stream().map(id -> new Reference(id, 0, 0)).toList(),
        LocalTime.of(10, 0), BreakPolicy.DEFAULT, 3, 20, Kit.Mode.IN_PERSON, Optional.empty(), "",
        new Reference("lessons", 0, 0));
  }

  private static String tooLong(Format format, Set<String> group, KitPlanner.Result r) {
    String with = group.size() == 1 ? "with it" : "with it and the lessons it needs ("
        + String.join(", ", group.stream().skip(1).map(p -> "'" + p + "'").toList()) + ")";
    List<SessionPlan> sessions = r.plan().map(KitPlan::sessions).orElse(List.of());
    return sessions.stream().filter(s -> s.minutes() > format.minutes()).findFirst()
        .map(s -> "it does not fit: " + with + " " + (sessions.size() > 1 ? "session " + s.number()
            : "the " + format.title().toLowerCase(Locale.ROOT)) + " would need " + LessonDuration.format(s.minutes())
            + " of " + LessonDuration.format(format.minutes()) + " ("
            + LessonDuration.format(s.minutes() - format.minutes()) + " over)")
        .orElseGet(() -> "the kit planner rejects it: " + r.diagnostics().stream().filter(d -> d.isError())
            .findFirst().map(d -> d.message()).orElse("no schedule"));
  }

  private Reason reason(Lesson l, int rank, Optional<String> tag, List<String> taught, List<String> assumes,
      Set<String> targets, Map<String, String> leftOut) {
    String id = l.id();
    String level = config.levels().get(rank);
    List<String> users = taught.stream().filter(t -> byId.get(t).prerequisiteIds().contains(id))
        .map(t -> "'" + t + "'").toList();
    String needIt = and(users) + (users.size() == 1 ? " needs it" : " need it");
    if (taught.contains(id)) {
      return new Reason(id, Verdict.TAUGHT, !targets.contains(id) ? needIt
          : article(level) + " lesson" + tag.map(t -> " tagged '" + t + "'").orElse("") + " that fits the time");
    }
    if (assumes.contains(id)) {
      return new Reason(id, Verdict.ASSUMED, "learners at the " + level + " level know this " + l.level()
          + " lesson, and " + needIt);
    }
    return new Reason(id, Verdict.LEFT_OUT, rank(l) > rank ? article(l.level()) + " lesson, above the " + level
        + " level" : rank(l) < rank ? "below the " + level + " level, and no chosen lesson needs it"
        : leftOut.getOrDefault(id, "not tagged '" + tag.orElse("") + "', and no tagged lesson needs it"));
  }

  private static String and(List<String> items) {
    return items.size() <= 1 ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String article(String word) {
    return (word.matches("[aeiouAEIOU].*") ? "an " : "a ") + word;
  }
}
