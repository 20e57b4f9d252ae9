package org.starkit.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Format;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;

/**
 * Checks a kit against the catalog and schedules it. Pure: the same kit and lessons always give
 * the same plan and the same diagnostics.
 */
public final class KitPlanner {
  private final SiteConfig config;
  private final Map<String, Lesson> lessons;

  public KitPlanner(SiteConfig config, Map<String, Lesson> lessons) {
    this.config = config;
    this.lessons = lessons;
  }

  /** The plan, when the kit is sound enough to schedule, and every problem found. */
  public record Result(Optional<KitPlan> plan, List<Diagnostic> diagnostics) {}

  public Result plan(Kit kit) {
    List<Diagnostic> problems = new ArrayList<>();
    Optional<Format> format = config.format(kit.format().id());
    boolean lessonsOk = checkLessons(kit, problems);
    if (format.isEmpty() || !lessonsOk || kit.lessons().isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    List<List<String>> sessions = sessions(kit, format.get(), problems);
    if (sessions.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    List<SessionPlan> plans = schedule(kit, format.get(), sessions);
    for (SessionPlan s : plans) {
      if (s.minutes() > format.get().minutes()) {
        problems.add(overrun(kit, format.get(), s, sessions));
      }
    }
    int coaches = (kit.capacity() + kit.learnersPerCoach() - 1) / kit.learnersPerCoach();
    int cap = (int) Math.ceil(kit.capacity() / (1 - KitPlan.NO_SHOW_RATE));
    return new Result(Optional.of(new KitPlan(kit, format.get(), plans, coaches, cap)), problems);
  }

  private boolean checkLessons(Kit kit, List<Diagnostic> problems) {
    boolean ok = true;
    Set<String> assumed = new HashSet<>();
    for (Reference a : kit.assumes()) {
      if (!lessons.containsKey(a.id())) {
        problems.add(unknown(kit, a));
      }
      assumed.add(a.id());
    }
    List<String> order = kit.lessons().stream().map(Reference::id).toList();
    Set<String> taught = new HashSet<>();
    for (Reference ref : kit.lessons()) {
      Lesson lesson = lessons.get(ref.id());
      if (lesson == null) {
        problems.add(unknown(kit, ref));
        ok = false;
        continue;
      }
      if (!taught.add(ref.id())) {
        problems.add(Diagnostic.error(kit.path(), ref.line(), ref.column(), "duplicate-lesson",
            "'" + ref.id() + "' is already in this kit.", "Teach each lesson once; remove the second mention."));
        ok = false;
        continue;
      }
      if (config.levels().indexOf(lesson.level()) > config.levels().indexOf(kit.level())) {
        problems.add(Diagnostic.warning(kit.path(), ref.line(), ref.column(), "kit-level",
            "'" + ref.id() + "' is " + article(lesson.level()) + " lesson in " + article(kit.level()) + " kit.",
            "Raise the kit's level, or pick lessons at or below it."));
      }
      for (String p : lesson.prerequisiteIds()) {
        if (taught.contains(p) || assumed.contains(p) || !lessons.containsKey(p)) {
          continue;
        }
        Lesson pre = lessons.get(p);
        if (order.contains(p)) {
          problems.add(Diagnostic.error(kit.path(), ref.line(), ref.column(), "kit-prerequisite",
              "'" + ref.id() + "' needs '" + p + "', which this kit teaches later.",
              "Move '" + p + "' before '" + ref.id() + "'."));
        } else {
          problems.add(Diagnostic.error(kit.path(), ref.line(), ref.column(), "kit-prerequisite",
              "'" + ref.id() + "' needs '" + p + "', which this kit neither teaches nor assumes.",
              "Add '" + p + "' (" + pre.duration() + ") before '" + ref.id() + "', or list it under 'assumes' if"
                  + " learners already know it."));
        }
      }
    }
    return ok;
  }

  private static String article(String word) {
    return (word.matches("[aeiouAEIOU].*") ? "an " : "a ") + word;
  }

  private Diagnostic unknown(Kit kit, Reference ref) {
    return Diagnostic.error(kit.path(), ref.line(), ref.column(), "unknown-lesson",
        "'" + ref.id() + "' is not a lesson." + Suggester.didYouMean(ref.id(), lessons.keySet()),
        "Kits list lesson ids: the file names of lessons without '.md'.");
  }

  /** The lessons of each session: as declared, or filled greedily for a multi-session format. */
  private List<List<String>> sessions(Kit kit, Format format, List<Diagnostic> problems) {
    List<List<String>> out = new ArrayList<>();
    if (kit.sessionsDeclared()) {
      kit.sessions().forEach(s -> out.add(s.lessons().stream().map(Reference::id).toList()));
      if (out.size() > format.sessions()) {
        problems.add(Diagnostic.error(kit.path(), kit.lessonsKey().line(), kit.lessonsKey().column(), "kit-sessions",
            "The kit lists " + out.size() + " sessions, but " + format.title() + " has "
                + (format.sessions() == 1 ? "one" : String.valueOf(format.sessions())) + ".",
            format.sessions() == 1 ? "List the lessons without sessions, or choose a multi-session format."
                : "Merge sessions, or choose a format with more sessions."));
        return List.of();
      }
      return out;
    }
    List<String> all = kit.lessons().stream().map(Reference::id).toList();
    if (format.sessions() == 1) {
      return List.of(all);
    }
    ScheduleBuilder builder = new ScheduleBuilder(format, kit.breaks(), lessons);
    List<String> current = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String id = all.get(i);
      current.add(id);
      boolean last = i == all.size() - 1;
      boolean fits = builder.build(1, "", kit.start(), current, out.isEmpty(), last).minutes() <= format.minutes();
      if (!fits && current.size() > 1 && out.size() < format.sessions() - 1) {
        current.remove(current.size() - 1);
        out.add(List.copyOf(current));
        current = new ArrayList<>(List.of(id));
      }
    }
    out.add(List.copyOf(current));
    return out;
  }

  private List<SessionPlan> schedule(Kit kit, Format format, List<List<String>> sessions) {
    ScheduleBuilder builder = new ScheduleBuilder(format, kit.breaks(), lessons);
    List<SessionPlan> plans = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      String title = kit.sessionsDeclared() ? kit.sessions().get(i).title()
          : sessions.size() == 1 ? "" : "Session " + (i + 1);
      plans.add(builder.build(i + 1, title, kit.start(), sessions.get(i), i == 0, i == sessions.size() - 1));
    }
    return plans;
  }

  /** "needs 4h25m, half-day allows 4h: drop 'functions' (50m) or use full-day". */
  private Diagnostic overrun(Kit kit, Format format, SessionPlan session, List<List<String>> sessions) {
    String where = sessions.size() > 1 ? "Session " + session.number() + " needs " : "The kit needs ";
    String message = where + LessonDuration.format(session.minutes()) + ", but " + format.title().toLowerCase()
        + " allows " + LessonDuration.format(format.minutes()) + " (" + LessonDuration.format(session.minutes()
        - format.minutes()) + " over).";
    List<String> fixes = new ArrayList<>();
    Set<String> needed = new HashSet<>();
    kit.lessons().forEach(r -> Optional.ofNullable(lessons.get(r.id())).ifPresent(l -> needed.addAll(l.prerequisiteIds())));
    List<String> ids = session.lessonIds();
    ScheduleBuilder builder = new ScheduleBuilder(format, kit.breaks(), lessons);
    for (int i = ids.size() - 1; i >= 0 && fixes.isEmpty() && ids.size() > 1; i--) {
      if (needed.contains(ids.get(i))) {
        continue;
      }
      List<String> fewer = new ArrayList<>(ids);
      fewer.remove(i);
      boolean last = session.number() == sessions.size();
      if (builder.build(1, "", kit.start(), fewer, session.number() == 1, last).minutes() <= format.minutes()) {
        fixes.add("drop '" + ids.get(i) + "' (" + lessons.get(ids.get(i)).duration() + ")");
      }
    }
    config.formats().stream()
        .filter(f -> f.totalMinutes() > format.totalMinutes() && fits(kit, f))
        .min(java.util.Comparator.comparingInt(Format::totalMinutes))
        .ifPresent(f -> fixes.add("use " + f.id()));
    String hint = fixes.isEmpty()
        ? "Teach fewer lessons: even the longest time commitment cannot hold these."
        : "To fix it, " + String.join(" or ", fixes) + ".";
    return Diagnostic.error(kit.path(), kit.format().line(), kit.format().column(), "kit-overrun", message, hint);
  }

  private boolean fits(Kit kit, Format other) {
    Kit moved = new Kit(kit.id(), kit.path(), kit.title(), kit.summary(), kit.level(),
        new Reference(other.id(), 0, 0), kit.audience(), List.of(new Kit.KitSession("", kit.lessons())), false,
        kit.assumes(), kit.start(), kit.breaks(), kit.learnersPerCoach(), kit.capacity(), kit.mode(), kit.badge(),
        kit.notes(), kit.lessonsKey());
    List<List<String>> s = sessions(moved, other, new ArrayList<>());
    return schedule(moved, other, s).stream().allMatch(p -> p.minutes() <= other.minutes());
  }
}
