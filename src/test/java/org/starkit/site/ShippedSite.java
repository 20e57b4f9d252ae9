package org.starkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.render.Theme;

/**
 * The shipped site, built into a temp folder for the site quality tests: {@code curriculum/} with
 * the default theme, plus one dated event (the shipped curriculum has none, and event pages must be
 * checked too). Each test class builds it once and deletes it afterwards.
 */
public final class ShippedSite implements AutoCloseable {
  /** A fixed "today", so the test event counts as upcoming whatever the clock says. */
  public static final LocalDate TODAY = LocalDate.of(2030, 1, 1);
  public static final String EVENT = "events/2030-05-04-python-half-day-beginners/index.html";
  public static final String LESSON = "lessons/loops/index.html";
  public static final String INSTRUCTOR = "lessons/loops/instructor.html";
  public static final String KIT = "kits/python-half-day-beginners/index.html";
  public static final String SEARCH = "search/index.html";
  public static final String VERIFY = "verify/index.html";

  private final Path tmp;
  private final Path root;

  private ShippedSite(Path tmp, Path root) {
    this.tmp = tmp;
    this.root = root;
  }

  public static ShippedSite build() throws IOException {
    Path tmp = Files.createTempDirectory("starkit-shipped-site-");
    Path source = tmp.resolve("curriculum");
    copy(Path.of("curriculum"), source);
    Files.createDirectories(source.resolve("events"));
    Files.writeString(source.resolve("events/2030-05-04-python-half-day-beginners.yml"), """
        kit: python-half-day-beginners
        date: 2030-05-04
        start: "10:00"
        timezone: Europe/Paris
        city: Lyon
        venue: "Public library, room 2"
        organizer:
          name: Grace Hopper
          email: grace@example.org
        signup: https://example.org/signup
        """);
    Path out = tmp.resolve("site");
    BuildResult result = new SiteBuilder().build(new BuildOptions(source, "curriculum", out,
        new Theme(Path.of("themes/default"), "themes/default"), Optional.empty(), true, TODAY));
    assertThat(result.diagnostics()).as("the shipped curriculum builds with --strict").isEmpty();
    assertThat(out.resolve(EVENT)).exists();
    return new ShippedSite(tmp, out);
  }

  public Path root() {
    return root;
  }

  public Path resolve(String page) {
    return root.resolve(page);
  }

  public boolean has(String page) {
    return Files.isRegularFile(root.resolve(page));
  }

  /** Every generated HTML page, as paths relative to the site root with '/' separators. */
  public List<String> pages() throws IOException {
    return files(".html");
  }

  public List<String> files(String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(suffix)).sorted().toList();
    }
  }

  @Override
  public void close() throws IOException {
    delete(tmp);
  }

  static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
