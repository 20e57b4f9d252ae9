package org.starkit.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

/**
 * Minutes of a lesson plus all its transitive prerequisites, counting each once, and stopping
 * above a cap (the largest format): work per lesson is bounded by the cap, not by the curriculum.
 * The prerequisite graph is indexed once, so each walk touches arrays instead of hashing ids; one
 * instance is for one thread.
 */
final class PathMinutes {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<Lesson> lessons;
  private final int[] minutes;
  private final int[][] prerequisites;
  private final int cap;
  private final int[] seen;
  private final int[] stack;
  private int walk;

  PathMinutes(Map<String, Lesson> byId, int cap) {
    this.cap = cap;
    lessons = List.copyOf(byId.values());
    lessons.forEach(l -> index.put(l.id(), index.size()));
    minutes = new int[lessons.size()];
    prerequisites = new int[lessons.size()][];
    for (int i = 0; i < lessons.size(); i++) {
      minutes[i] = lessons.get(i).duration().total();
      prerequisites[i] = indices(lessons.get(i).prerequisites());
    }
    seen = new int[lessons.size()];
    stack = new int[lessons.size()];
  }

  private int[] indices(List<Reference> references) {
    return references.stream().map(r -> index.get(r.id())).filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue).toArray();
  }

  /** The lesson's minutes with its prerequisites', or {@code cap + 1} when they add up to more than the cap. */
  int of(Lesson lesson) {
    int mark = ++walk;
    Integer self = index.get(lesson.id());
    if (self != null) {
      seen[self] = mark;
    }
    int total = lesson.duration().total();
    if (total > cap) {
      return cap + 1;
    }
    int top = 0;
    // the indexed lesson's prerequisites are indexed already; another with its id (a duplicate) is not
    for (int p : self != null && lessons.get(self) == lesson ? prerequisites[self] : indices(lesson.prerequisites())) {
      if (seen[p] != mark) {
        seen[p] = mark;
        stack[top++] = p;
      }
    }
    while (top > 0) {
      int l = stack[--top];
      total += minutes[l];
      if (total > cap) {
        return cap + 1;
      }
      for (int p : prerequisites[l]) {
        if (seen[p] != mark) {
          seen[p] = mark;
          stack[top++] = p;
        }
      }
    }
    return total;
  }
}
