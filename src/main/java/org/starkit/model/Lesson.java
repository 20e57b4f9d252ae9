package org.starkit.model;

import java.util.List;
import java.util.Optional;

/**
 * A lesson as its front matter declares it, validated field by field.
 *
 * @param id the file name without {@code .md}; unique across the curriculum
 * @param path the source file, relative to the source directory
 * @param body the Markdown body, with front-matter lines blanked so line numbers match the file
 * @param translationOf the lesson this one translates, from {@code translation_of}
 * @param originalHash the original's {@link #fingerprint()} the translation was last brought up to
 *     date with, from {@code original_hash}, or empty
 * @param fingerprint a hash of this file's text, which translations record as their original_hash
 */
public record Lesson(
    String id,
    String path,
    String title,
    String level,
    LessonDuration duration,
    String summary,
    List<String> objectives,
    List<Reference> prerequisites,
    List<String> tags,
    List<Author> authors,
    String license,
    String language,
    List<String> setup,
    List<String> attribution,
    Optional<Reference> badge,
    String body,
    Optional<Reference> translationOf,
    Optional<Located> originalHash,
    String fingerprint) {

  public Lesson {
    objectives = List.copyOf(objectives);
    prerequisites = List.copyOf(prerequisites);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
    setup = List.copyOf(setup);
    attribution = List.copyOf(attribution);
  }

  /** A lesson that is no translation, with the fingerprint of its body. */
  public Lesson(String id, String path, String title, String level, LessonDuration duration, String summary,
      List<String> objectives, List<Reference> prerequisites, List<String> tags, List<Author> authors, String license,
      String language, List<String> setup, List<String> attribution, Optional<Reference> badge, String body) {
    this(id, path, title, level, duration, summary, objectives, prerequisites, tags, authors, license, language, setup,
        attribution, badge, body, Optional.empty(), Optional.empty(), Integer.toHexString(body.hashCode()));
  }

  public List<String> prerequisiteIds() {
    return prerequisites.stream().map(Reference::id).toList();
  }

  /** A front-matter value with where it was written. */
  public record Located(String value, int line, int column) {}

  public boolean isTranslation() {
    return translationOf.isPresent();
  }

  /** The folder of the source file, with a trailing slash, or empty at the top. */
  public String folder() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }

  /** The same lesson with another body and the fingerprint of its text. */
  public Lesson withBody(String newBody, String newFingerprint) {
    return new Lesson(id, path, title, level, duration, summary, objectives, prerequisites, tags, authors, license,
        language, setup, attribution, badge, newBody, translationOf, originalHash, newFingerprint);
  }
}
