package org.starkit.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

/**
 * Checks the prerequisite graph: every prerequisite exists, none is harder than the lesson that
 * needs it, and there are no cycles (each cycle is reported once, with its path).
 */
public final class PrerequisiteChecker {
  private final Map<String, Lesson> lessons;
  private final List<String> levels;

  public PrerequisiteChecker(Map<String, Lesson> lessons, List<String> levels) {
    this.lessons = lessons;
    this.levels = levels;
  }

  public List<Diagnostic> check() {
    List<Diagnostic> problems = new ArrayList<>();
    for (Lesson lesson : new java.util.TreeMap<>(lessons).values()) {
      for (Reference ref : lesson.prerequisites()) {
        Lesson prereq = lessons.get(ref.id());
        if (prereq == null) {
          problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "unknown-prerequisite",
              "The prerequisite '" + ref.id() + "' is not a lesson." + Suggester.didYouMean(ref.id(), lessons.keySet()),
              "Prerequisites are lesson ids: the file name of another lesson without '.md'."));
        } else if (levels.indexOf(prereq.level()) > levels.indexOf(lesson.level())) {
          problems.add(Diagnostic.warning(lesson.path(), ref.line(), ref.column(), "prerequisite-level",
              "The prerequisite '" + ref.id() + "' is " + prereq.level() + ", harder than this " + lesson.level()
                  + " lesson.",
              "A lesson should only build on lessons of its own level or easier; raise this lesson's level."));
        }
      }
    }
    findCycles(problems);
    return problems;
  }

  private void findCycles(List<Diagnostic> problems) {
    Map<String, Integer> state = new HashMap<>();
    Set<String> reported = new TreeSet<>();
    for (String id : new TreeSet<>(lessons.keySet())) {
      if (!state.containsKey(id)) {
        visit(id, state, new ArrayList<>(), reported, problems);
      }
    }
  }

  /** Iterative depth-first search; state 1 = on the current path, 2 = done. */
  private void visit(String start, Map<String, Integer> state, List<String> path, Set<String> reported,
      List<Diagnostic> problems) {
    List<Integer> next = new ArrayList<>();
    path.add(start);
    next.add(0);
    state.put(start, 1);
    while (!path.isEmpty()) {
      int top = path.size() - 1;
      Lesson lesson = lessons.get(path.get(top));
      List<Reference> prereqs = lesson.prerequisites();
      int i = next.get(top);
      if (i >= prereqs.size()) {
        state.put(path.remove(top), 2);
        next.remove(top);
        continue;
      }
      next.set(top, i + 1);
      Reference ref = prereqs.get(i);
      if (!lessons.containsKey(ref.id())) {
        continue;
      }
      Integer s = state.get(ref.id());
      if (s == null) {
        state.put(ref.id(), 1);
        path.add(ref.id());
        next.add(0);
      } else if (s == 1) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(ref.id()), path.size()));
        String key = canonical(cycle);
        if (reported.add(key)) {
          cycle.add(ref.id());
          problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "prerequisite-cycle",
              "Prerequisites form a cycle: " + String.join(" -> ", cycle) + ".",
              "A lesson cannot (even indirectly) be its own prerequisite; remove one link of the cycle."));
        }
      }
    }
  }

  private static String canonical(List<String> cycle) {
    int min = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i).compareTo(cycle.get(min)) < 0) {
        min = i;
      }
    }
    List<String> rotated = new ArrayList<>(cycle.subList(min, cycle.size()));
    rotated.addAll(cycle.subList(0, min));
    return String.join(" ", rotated);
  }
}
