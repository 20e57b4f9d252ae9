package org.starkit.build;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.starkit.render.Theme;

/**
 * What to build and how.
 *
 * @param sourceLabel how messages name the source folder, such as {@code curriculum}
 * @param baseUrl overrides {@code base_url} from starkit.yml when present
 * @param today the date that separates upcoming events from past ones
 */
public record BuildOptions(Path source, String sourceLabel, Path out, Theme theme, Optional<String> baseUrl,
    boolean strict, LocalDate today) {

  /** Options with today's date from the clock, for callers that have no events to date. */
  public BuildOptions(Path source, String sourceLabel, Path out, Theme theme, Optional<String> baseUrl, boolean strict) {
    this(source, sourceLabel, out, theme, baseUrl, strict, LocalDate.now());
  }
}
