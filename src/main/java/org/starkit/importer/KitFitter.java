package org.starkit.importer;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.KitParser;
import org.starkit.load.LessonParser;
import org.starkit.model.Format;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.plan.KitPlan;
import org.starkit.plan.KitPlanner;

/**
 * Writes the kit that teaches the imported lessons in order, in the shortest time commitment of
 * {@code starkit.yml} that holds them (or the one asked for), and checks it with the same planner
 * as {@code starkit check}. The lessons themselves are read back with the lesson parser first, so
 * an importer bug in front matter shows up as a problem here rather than later.
 */
final class KitFitter {
  private final ImportSettings settings;

  /** The kit file and what planning it came to. */
  record Fitted(ImportPlan.WrittenFile file, ImportPlan.KitOutcome outcome) {}

  KitFitter(ImportSettings settings) {
    this.settings = settings;
  }

  /**
   * @param lessons the imported lessons in teaching order
   * @param title the title of the imported material, which becomes the kit's
   * @param origin where the material came from, for the summary ("swcarpentry/shell-novice")
   * @param audience what the source says learners need, or empty
   */
  Fitted fit(List<LessonDraft> lessons, String title, String origin, Optional<String> audience) {
    List<String> problems = new ArrayList<>();
    Map<String, Lesson> parsed = new LinkedHashMap<>();
    for (LessonDraft d : lessons) {
      List<Diagnostic> found = new ArrayList<>();
      String path = settings.lessonPath(d.id());
      new LessonParser(settings.config()).parse(path, LessonWriter.write(d), found).ifPresent(l -> parsed.put(l.id(), l));
      found.stream().filter(p -> d.hasDuration() || !p.code().equals("invalid-duration"))
          .filter(p -> !p.code().equals(LessonParser.TODO_CODE))
          .forEach(p -> problems.add(p.location() + ": " + p.message()));
    }
    List<Format> candidates = settings.kitFormat().flatMap(settings.config()::format).map(List::of)
        .orElse(settings.config().formats().stream().sorted(Comparator.comparingInt(Format::totalMinutes)).toList());
    List<String> ids = lessons.stream().map(LessonDraft::id).toList();
    String text = "";
    List<String> planProblems = List.of();
    Optional<KitPlan> plan = Optional.empty();
    Format format = candidates.get(0);
    for (Format candidate : candidates) {
      format = candidate;
      text = write(candidate, ids, title, origin, audience);
      List<Diagnostic> found = new ArrayList<>();
      Optional<Kit> kit = new KitParser(settings.config()).parse(settings.kitPath(), text, found);
      if (kit.isPresent()) {
        KitPlanner.Result result = new KitPlanner(settings.config(), parsed).plan(kit.get());
        found.addAll(result.diagnostics());
        plan = result.plan();
      }
      planProblems = found.stream().filter(Diagnostic::isError)
          .map(p -> p.location() + ": error[" + p.code() + "]: " + p.message() + " " + p.hint()).toList();
      if (planProblems.isEmpty()) {
        break;
      }
    }
    problems.addAll(planProblems);
    return new Fitted(new ImportPlan.WrittenFile(settings.kitPath(), text),
        new ImportPlan.KitOutcome(format.id(), describe(format, plan) + (lessons.stream().allMatch(
            LessonDraft::hasDuration) ? "" : "; chosen before the lessons have durations, so 'starkit check' says"
            + " whether it still fits once they do"), problems));
  }

  /** "full-day, 6h45m of 8h" or "multi-week, 3 sessions of up to 2h". */
  private static String describe(Format format, Optional<KitPlan> plan) {
    return format.id() + plan.map(p -> ", " + (p.sessions().size() == 1
        ? LessonDuration.format(p.totalMinutes()) + " of " + LessonDuration.format(format.minutes())
        : p.sessions().size() + " sessions of up to " + LessonDuration.format(format.minutes()))).orElse("");
  }

  private String write(Format format, List<String> ids, String title, String origin, Optional<String> audience) {
    String level = settings.level();
    String time = format.multiSession() ? "come to " + format.sessions() + " sessions of "
        + LessonDuration.format(format.minutes()) : "give " + article(format.title().toLowerCase(Locale.ROOT));
    StringBuilder y = new StringBuilder("# Written by 'starkit import' from ").append(origin).append(".\n");
    y.append("title: ").append(YamlQuoter.scalar(title)).append('\n');
    y.append("summary: ").append(YamlQuoter.scalar(title + " in " + ids.size() + (ids.size() == 1 ? " lesson" : " lessons")
        + ", imported from " + origin + ".")).append('\n');
    y.append("level: ").append(YamlQuoter.scalar(level)).append('\n');
    y.append("format: ").append(YamlQuoter.scalar(format.id())).append('\n');
    y.append("audience: ").append(YamlQuoter.scalar(capitalized(level) + " learners who can " + time + "."
        + audience.map(a -> " " + a).orElse(""))).append('\n');
    y.append("lessons: ").append(YamlQuoter.flow(ids)).append('\n');
    y.append("assumes: []\n");
    LocalTime start = format.multiSession() ? LocalTime.of(18, 30) : LocalTime.of(10, 0);
    y.append("start: \"").append(start).append("\"\n");
    y.append("learners_per_coach: 3\ncapacity: 20\nmode: in-person\n");
    return y.toString();
  }

  private static String article(String word) {
    return (word.matches("[aeiou].*") ? "an " : "a ") + word;
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
