package org.starkit.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.starkit.render.Theme;

/** Test fixtures: copies of curricula under src/test/resources/fixtures and build options for them. */
final class Fixtures {
  static final Path SMALL = Path.of("src/test/resources/fixtures/small/curriculum");
  /** A fixed "today", so that upcoming events and golden files do not depend on the clock. */
  static final java.time.LocalDate TODAY = java.time.LocalDate.of(2030, 1, 1);
  static final Theme THEME = new Theme(Path.of("themes/default"), "themes/default");

  private Fixtures() {}

  static BuildOptions options(Path source, Path out) {
    return new BuildOptions(source, "curriculum", out, THEME, Optional.empty(), false, TODAY);
  }

  /** Copies a fixture curriculum into {@code dir}/curriculum so a test can change it. */
  static Path copy(Path fixture, Path dir) throws IOException {
    Path target = dir.resolve("curriculum");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path p : files.toList()) {
        Path t = target.resolve(fixture.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  /**
   * Makes every file under {@code dir} an hour old. Files older than a few seconds have their
   * digests remembered between builds, so tests of the cache go through that path; an edit makes a
   * file new again.
   */
  static void age(Path dir) throws IOException {
    var old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
  }
}
