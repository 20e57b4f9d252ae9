package org.starkit.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Achievement;
import org.starkit.model.Award;
import org.starkit.model.Curriculum;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

/** Checks references to badges: from lessons and kits to achievements, and from achievements to lessons and kits. */
public final class BadgeChecker {
  private BadgeChecker() {}

  public static List<Diagnostic> check(Curriculum c) {
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> ids = c.badges().achievements().stream().map(Achievement::id).collect(Collectors.toSet());
    Set<String> lessons = c.lessons().stream().map(Lesson::id).collect(Collectors.toSet());
    Set<String> kits = c.kits().stream().map(Kit::id).collect(Collectors.toSet());
    for (Lesson l : c.lessons()) {
      l.badge().filter(b -> !ids.contains(b.id())).ifPresent(b -> problems.add(unknown(l.path(), b, ids)));
    }
    for (Kit k : c.kits()) {
      k.badge().filter(b -> !ids.contains(b.id())).ifPresent(b -> problems.add(unknown(k.path(), b, ids)));
    }
    for (Achievement a : c.badges().achievements()) {
      for (Reference r : a.lessons()) {
        if (!lessons.contains(r.id())) {
          problems.add(Diagnostic.error(a.path(), r.line(), r.column(), "unknown-lesson",
              "'" + r.id() + "' is not a lesson." + Suggester.didYouMean(r.id(), lessons),
              "Criteria name lessons by id: their file names without '.md'."));
        }
      }
      a.kit().filter(r -> !kits.contains(r.id())).ifPresent(r -> problems.add(Diagnostic.error(a.path(), r.line(),
          r.column(), "unknown-kit", "'" + r.id() + "' is not a kit." + Suggester.didYouMean(r.id(), kits),
          "Criteria name a kit by its file name under kits/ without '.yml'.")));
      a.image().filter(i -> c.badges().images().stream().noneMatch(f -> f.path().equals("badges/" + i)))
          .ifPresent(i -> problems.add(Diagnostic.error(a.path(), 0, 0, "missing-image",
              "The badge image '" + i + "' does not exist beside " + a.path() + ".",
              "Add the SVG to badges/, or leave 'image' out to have one drawn.")));
    }
    for (Award w : c.badges().awards()) {
      if (!ids.contains(w.achievement())) {
        problems.add(Diagnostic.warning("badges/awards.csv", 0, 0, "unknown-badge",
            "The ledger lists an award of '" + w.achievement() + "', which is no longer an achievement.",
            "Achievements of issued badges must stay published; restore badges/" + w.achievement() + ".yml."));
      }
    }
    return problems;
  }

  private static Diagnostic unknown(String file, Reference r, Set<String> ids) {
    return Diagnostic.error(file, r.line(), r.column(), "unknown-badge",
        "'" + r.id() + "' is not a badge." + Suggester.didYouMean(r.id(), ids),
        "Badges are defined in badges/<id>.yml; name one by its id.");
  }
}
