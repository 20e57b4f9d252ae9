package org.starkit.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Lesson;
import org.starkit.model.Reference;

/**
 * Checks translations: {@code translation_of} names an original that exists, is not itself a
 * translation and is in another language, at most one translation per language, and the
 * translation is up to date: its {@code original_hash} equals the original's current fingerprint.
 * A translation that is behind is a warning naming both files, with the value to record once the
 * translator has caught up.
 */
public final class TranslationChecker {
  private final Map<String, Lesson> lessons;
  private final String prefix;

  /** @param prefix how messages prefix source paths, such as {@code curriculum/}, or empty */
  public TranslationChecker(Map<String, Lesson> lessons, String prefix) {
    this.lessons = new TreeMap<>(lessons);
    this.prefix = prefix;
  }

  public List<Diagnostic> check() {
    List<Diagnostic> problems = new ArrayList<>();
    Map<String, Lesson> seen = new HashMap<>();
    for (Lesson lesson : lessons.values()) {
      if (lesson.translationOf().isEmpty()) {
        lesson.originalHash().ifPresent(h -> problems.add(Diagnostic.error(lesson.path(), h.line(), h.column(),
            "missing-field", "'original_hash' is only used together with 'translation_of'.",
            "Add 'translation_of: ID' naming the lesson this one translates, or remove 'original_hash'.")));
        continue;
      }
      Reference ref = lesson.translationOf().get();
      Lesson original = lessons.get(ref.id());
      if (original == null || original == lesson) {
        problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "unknown-translation",
            original == null ? "'translation_of' names '" + ref.id() + "', which is not a lesson."
                + Suggester.didYouMean(ref.id(), lessons.keySet())
                : "A lesson cannot be a translation of itself.",
            "Give the id of the lesson this one translates: its file name without '.md'."));
      } else if (original.translationOf().isPresent()) {
        String root = original.translationOf().get().id();
        problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "unknown-translation",
            "'" + ref.id() + "' is itself a translation of '" + root + "'.",
            "Translate from the original: write 'translation_of: " + root + "'."));
      } else if (same(original.language(), lesson.language())) {
        problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "translation-language",
            "This lesson and its original '" + ref.id() + "' are both in '" + lesson.language() + "'.",
            "Set 'language' to the language this translation is written in, such as 'language: fr'."));
      } else {
        String key = original.id() + " " + lesson.language().toLowerCase(Locale.ROOT);
        Lesson other = seen.putIfAbsent(key, lesson);
        if (other != null) {
          problems.add(Diagnostic.error(lesson.path(), ref.line(), ref.column(), "duplicate-translation",
              "'" + ref.id() + "' already has a translation into '" + lesson.language() + "': " + prefix
                  + other.path() + ".",
              "Keep one translation per language: merge the two files."));
        }
        stale(lesson, original, ref).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private java.util.Optional<Diagnostic> stale(Lesson lesson, Lesson original, Reference ref) {
    String current = original.fingerprint();
    String originalFile = prefix + original.path();
    String translationFile = prefix + lesson.path();
    if (lesson.originalHash().isEmpty()) {
      return java.util.Optional.of(Diagnostic.warning(lesson.path(), ref.line(), ref.column(), "stale-translation",
          translationFile + " does not say which version of " + originalFile + " it translates.",
          "When the translation matches the original, add 'original_hash: " + current + "' to its front matter."));
    }
    Lesson.Located recorded = lesson.originalHash().get();
    if (recorded.value().equalsIgnoreCase(current)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Diagnostic.warning(lesson.path(), recorded.line(), recorded.column(),
        "stale-translation", "The original " + originalFile + " changed after this translation, " + translationFile
            + ", was last updated (original_hash " + recorded.value() + ", now " + current + ").",
        "Bring the translation up to date with the original's changes, then write 'original_hash: " + current
            + "'."));
  }

  private static boolean same(String a, String b) {
    return a.equalsIgnoreCase(b);
  }
}
