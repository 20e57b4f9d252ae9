package org.starkit.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.starkit.model.Curriculum;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;

/** Checks an import against the curriculum it goes into: where its lessons may go and which ids are taken. */
public final class TargetChecker {
  private TargetChecker() {}

  /**
   * The lessons' folder relative to the curriculum: {@code into}, or {@code lessons/NAME} without it;
   * empty when {@code into} is not below the curriculum's lessons/ folder.
   *
   * @param into the folder the user asked for, or null
   */
  public static Optional<String> lessonsFolder(Path curriculumDir, Path into, String name) {
    Path root = curriculumDir.toAbsolutePath().normalize();
    Path lessons = root.resolve("lessons");
    Path folder = into == null ? lessons.resolve(name) : into.toAbsolutePath().normalize();
    if (!folder.startsWith(lessons) || folder.equals(lessons)) {
      return Optional.empty();
    }
    return Optional.of(root.relativize(folder).toString().replace('\\', '/'));
  }

  /** Lesson and kit ids the plan would add that the curriculum already uses in other files, one sentence each. */
  public static List<String> clashes(ImportPlan plan, Curriculum curriculum) {
    List<String> clashes = new ArrayList<>();
    for (ImportPlan.WrittenFile f : plan.files()) {
      String file = f.path().substring(f.path().lastIndexOf('/') + 1);
      String id = file.substring(0, file.lastIndexOf('.'));
      curriculum.lessons().stream().filter(l -> f.path().endsWith(".md") && l.id().equals(id)
          && !l.path().equals(f.path())).map(Lesson::path).forEach(p -> clashes.add("the lesson id '" + id
          + "' is already used by " + p));
      curriculum.kits().stream().filter(k -> f.path().startsWith("kits/") && k.id().equals(id)
          && !k.path().equals(f.path())).map(Kit::path).forEach(p -> clashes.add("the kit id '" + id
          + "' is already used by " + p));
    }
    return clashes;
  }
}
