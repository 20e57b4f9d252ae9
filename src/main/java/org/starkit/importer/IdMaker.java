package org.starkit.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.text.Normalizer;
import org.starkit.load.LessonParser;

/** Makes lesson ids such as {@code shell-novice-filedir} from names of folders and files. */
final class IdMaker {
  private static final int MAX = 100;

  private IdMaker() {}

  /** Lower-case ASCII letters and digits joined by single hyphens: "Intro to Git!" is "intro-to-git". */
  static String slug(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  /**
   * One id per stem, {@code name-stem}, with a leading ordinal such as {@code 01-} dropped from the
   * stem unless that would make two ids equal.
   */
  static List<String> ids(String name, List<String> stems) {
    List<String> bare = stems.stream().map(s -> slug(s).replaceFirst("^\\d+-(?=[a-z])", "")).toList();
    boolean unique = new HashSet<>(bare).size() == bare.size();
    List<String> ids = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    for (int i = 0; i < stems.size(); i++) {
      String stem = unique ? bare.get(i) : slug(stems.get(i));
      String id = cut(name + "-" + (stem.isEmpty() ? "chapter-" + (i + 1) : stem));
      for (int n = 2; !taken.add(id); n++) {
        id = cut(name + "-" + stem) + "-" + n;
      }
      if (!LessonParser.ID.matcher(id).matches()) {
        throw new IllegalStateException("made an invalid lesson id: " + id);
      }
      ids.add(id);
    }
    return ids;
  }

  private static String cut(String id) {
    return id.length() <= MAX - 4 ? id : id.substring(0, MAX - 4).replaceAll("-+$", "");
  }
}
