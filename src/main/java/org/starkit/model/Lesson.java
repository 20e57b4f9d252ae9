package org.starkit.model;

import java.util.List;
import java.util.Optional;

/**
 * A lesson as its front matter declares it, validated field by field.
 *
 * @param id the file name without {@code .md}; unique across the curriculum
 * @param path the source file, relative to the source directory
 * @param body the Markdown body, with front-matter lines blanked so line numbers match the file
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
    String body) {

  public Lesson {
    objectives = List.copyOf(objectives);
    prerequisites = List.copyOf(prerequisites);
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
    setup = List.copyOf(setup);
    attribution = List.copyOf(attribution);
  }

  public List<String> prerequisiteIds() {
    return prerequisites.stream().map(Reference::id).toList();
  }

  /** The folder of the source file, with a trailing slash, or empty at the top. */
  public String folder() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }
}
