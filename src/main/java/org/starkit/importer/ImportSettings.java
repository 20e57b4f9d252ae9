package org.starkit.importer;

import java.util.Optional;
import java.util.OptionalInt;
import org.starkit.model.SiteConfig;

/**
 * What the organizer asked for.
 *
 * @param name prefix of the lesson ids and id of the kit, such as {@code shell-novice}
 * @param level the level every imported lesson gets
 * @param into where the lessons go, relative to the curriculum folder, such as {@code lessons/shell-novice}
 * @param kitFormat the kit's time commitment, or empty to pick the shortest that fits
 * @param duration minutes per chapter for sources that do not say (GitBook), or empty for a placeholder
 * @param config the curriculum's {@code starkit.yml}
 */
public record ImportSettings(String name, String level, String into, Optional<String> kitFormat,
    OptionalInt duration, SiteConfig config) {

  /** The path of a lesson file inside {@link #into}, relative to the curriculum folder. */
  public String lessonPath(String id) {
    return into + "/" + id + ".md";
  }

  public String kitPath() {
    return "kits/" + name + ".yml";
  }
}
