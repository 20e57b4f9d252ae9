package org.starkit.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Describes what an import came to: lessons, kit, what the source lacked and what was changed. */
public final class PlanReporter {
  private PlanReporter() {}

  /**
   * The report, one line each.
   *
   * @param curriculum the curriculum folder as the user gave it, which the plan's paths are relative to
   * @param into the lessons' folder, relative to the curriculum
   */
  public static List<String> lines(ImportPlan plan, Path curriculum, String into) {
    List<String> out = new ArrayList<>();
    long lessons = plan.files().stream().filter(f -> f.path().endsWith(".md")).count();
    out.add("Imported " + plural(lessons, "lesson") + " into " + curriculum.resolve(into)
        + (plan.copies().isEmpty() ? "" : ", with " + plural(plan.copies().size(), "file") + " they use") + ".");
    plan.files().stream().filter(f -> f.path().startsWith("kits/")).findFirst().ifPresent(kit ->
        out.add("Kit: " + curriculum.resolve(kit.path()) + " (" + plan.kit().summary() + ")."));
    if (!plan.kit().problems().isEmpty()) {
      out.add("The kit does not plan cleanly; 'starkit check' will report:");
      plan.kit().problems().forEach(p -> out.add("  " + p));
    }
    if (!plan.lacks().isEmpty()) {
      out.add("The source lacks " + plural(plan.lacks().size(), "thing")
          + " (where a lesson used one, its text marks the gap and its 'todo' field lists it, which 'starkit check'"
          + " reports as a warning until you add the file, restore the reference and remove the item):");
      plan.lacks().forEach(l -> out.add("  - " + l.what()));
    }
    if (!plan.notes().isEmpty()) {
      out.add("Changed on the way:");
      plan.notes().forEach(n -> out.add("  - " + n));
    }
    out.add("Next: read the lessons through, then run 'starkit check --source " + curriculum + "'.");
    return out;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
