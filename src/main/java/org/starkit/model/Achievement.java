package org.starkit.model;

import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A badge learners can earn, from {@code badges/<id>.yml}. Its public page and JSON documents
 * live at addresses derived from the id, which must therefore never change.
 *
 * @param lessons the lessons whose project earns it
 * @param kit the kit whose project earns it
 * @param image an SVG beside the file, or empty to draw one from the name and level
 * @param validity how long an award stays valid, or empty for no expiry
 */
public record Achievement(String id, String path, String name, String description, String narrative,
    List<Reference> lessons, Optional<Reference> kit, Optional<String> image, List<String> tags,
    Optional<Period> validity, String level) {
  public Achievement {
    lessons = List.copyOf(lessons);
    tags = List.copyOf(tags);
  }
}
