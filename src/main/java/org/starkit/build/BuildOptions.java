package org.starkit.build;

import java.nio.file.Path;
import java.util.Optional;
import org.starkit.render.Theme;

/**
 * What to build and how.
 *
 * @param sourceLabel how messages name the source folder, such as {@code curriculum}
 * @param baseUrl overrides {@code base_url} from starkit.yml when present
 */
public record BuildOptions(Path source, String sourceLabel, Path out, Theme theme, Optional<String> baseUrl,
    boolean strict) {}
