package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.render.Theme;

/** A build that uses the cache on disk writes exactly the site a clean build writes, whatever changed. */
class DiskCacheTest {
  @TempDir
  Path tmp;

  private Path source;
  private Path out;
  private Path cacheDir;

  @BeforeEach
  void setUp() throws IOException {
    source = Fixtures.copy(Fixtures.SMALL, tmp);
    out = tmp.resolve("site");
    cacheDir = tmp.resolve("cache");
    Fixtures.age(source);
  }

  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), HexFormat.of().formatHex(
            Fingerprints.sha256().digest(Files.readAllBytes(p))));
      }
    }
    return files;
  }

  private BuildResult cached() throws IOException {
    return cached(Fixtures.options(source, out));
  }

  private BuildResult cached(BuildOptions options) throws IOException {
    return new SiteBuilder(new DiskCache(cacheDir)).build(options);
  }

  /** The tree a build without any cache writes from the same inputs, into a folder of its own. */
  private Map<String, String> clean(BuildOptions options) throws IOException {
    Path fresh = tmp.resolve("clean-" + System.nanoTime());
    new SiteBuilder().build(new BuildOptions(options.source(), options.sourceLabel(), fresh, options.theme(),
        options.baseUrl(), options.strict(), options.today()));
    return tree(fresh);
  }

  private Map<String, String> clean() throws IOException {
    return clean(Fixtures.options(source, out));
  }

  private void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void rebuildWithNothingChangedSkipsAllWorkAndKeepsTheSite() throws IOException {
    BuildResult first = cached();
    assertThat(first.unchanged()).isFalse();
    Map<String, String> before = tree(out);
    BuildResult second = cached();
    assertThat(second.unchanged()).isTrue();
    assertThat(second.files()).isEmpty();
    assertThat(second.fileCount()).isEqualTo(first.files().size());
    assertThat(second.lessons()).isEqualTo(first.lessons());
    assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(tree(out)).isEqualTo(before).isEqualTo(clean());
  }

  @Test
  void rebuildAfterEditingOneLessonMatchesACleanBuild() throws IOException {
    cached();
    edit(source.resolve("lessons/basics/second.md"), "\n## ", "\nA paragraph added by the test.\n\n## ");
    BuildResult result = cached();
    assertThat(result.unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void rebuildAfterEditingTheThemeMatchesACleanBuild() throws IOException {
    Path theme = tmp.resolve("theme");
    copyTree(Path.of("themes/default"), theme);
    BuildOptions options = new BuildOptions(source, "curriculum", out, new Theme(theme, "theme"),
        java.util.Optional.empty(), false, Fixtures.TODAY);
    cached(options);
    Path base = theme.resolve("base.peb");
    Files.writeString(base, Files.readString(base).replace("</body>", "<!-- edited theme --></body>"));
    assertThat(cached(options).unchanged()).isFalse();
    Map<String, String> site = tree(out);
    assertThat(site).isEqualTo(clean(options));
    assertThat(Files.readString(out.resolve("index.html"))).contains("edited theme");
  }

  @Test
  void rebuildAfterEditingTheConfigurationMatchesACleanBuild() throws IOException {
    cached();
    edit(source.resolve("starkit.yml"), "title: Fixture Workshops", "title: Renamed Workshops");
    assertThat(cached().unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean());
    assertThat(Files.readString(out.resolve("index.html"))).contains("Renamed Workshops");
  }

  @Test
  void rebuildAfterDeletingAndRenamingLessonsMatchesACleanBuild() throws IOException {
    Files.writeString(source.resolve("lessons/more/extra.md"), Files.readString(source.resolve("lessons/more/deeper.md"))
        .replaceFirst("title: [^\n]*", "title: Extra"));
    cached();
    Files.delete(source.resolve("lessons/more/extra.md"));
    assertThat(cached().unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean());
    Files.move(source.resolve("lessons/more/deeper.md"), source.resolve("lessons/more/deepest.md"));
    BuildResult renamed = cached();
    assertThat(renamed.unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void anotherBaseUrlOrDateIsAChange() throws IOException {
    cached();
    BuildOptions other = new BuildOptions(source, "curriculum", out, Fixtures.THEME,
        java.util.Optional.of("https://other.example.org/"), false, Fixtures.TODAY.plusYears(1));
    assertThat(cached(other).unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean(other));
  }

  @Test
  void siteChangedByHandIsWrittenAgain() throws IOException {
    cached();
    Map<String, String> before = tree(out);
    Path index = out.resolve("index.html");
    Files.writeString(index, "changed by hand");
    assertThat(cached().unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(before);
    Files.writeString(out.resolve("stray.html"), "added by hand");
    assertThat(cached().unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void corruptCacheIsIgnoredAndRebuilt() throws IOException {
    cached();
    Map<String, String> before = tree(out);
    int spoiled = 0;
    try (Stream<Path> walk = Files.walk(cacheDir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(p);
        Files.write(p, spoiled % 2 == 0 ? "{\"not\": \"a cache entry\"".getBytes(StandardCharsets.UTF_8)
            : java.util.Arrays.copyOf(b, b.length / 2));
        spoiled++;
      }
    }
    assertThat(spoiled).isGreaterThan(1);
    Files.writeString(out.resolve("index.html"), "changed by hand");
    BuildResult result = cached();
    assertThat(result.unchanged()).isFalse();
    assertThat(result.errors()).isZero();
    assertThat(tree(out)).isEqualTo(before);
    assertThat(cached().unchanged()).isTrue();
  }

  @Test
  void cachedRebuildsReportTheSameWarnings() throws IOException {
    edit(source.resolve("lessons/basics/second.md"), "\n## ", "\nAn image: ![](images/hello.png)\n\n## ");
    BuildResult first = cached();
    assertThat(first.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("missing-alt"));
    assertThat(first.errors()).isZero();
    BuildResult second = cached();
    assertThat(second.unchanged()).isTrue();
    assertThat(second.diagnostics()).isEqualTo(first.diagnostics());
    edit(source.resolve("lessons/basics/hello.md"), "\n## ", "\nMore words.\n\n## ");
    BuildResult third = cached(); // second.md's body and its warning come from the cache
    assertThat(third.unchanged()).isFalse();
    assertThat(third.diagnostics()).isEqualTo(first.diagnostics());
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void rememberedDigestsAreUsedOnlyForFilesWithTheSameStamp() throws IOException {
    cached();
    Path config = source.resolve("starkit.yml");
    var time = Files.getLastModifiedTime(config);
    edit(config, "title: Fixture Workshops", "title: Renamed Workshops"); // same size
    Files.setLastModifiedTime(config, java.nio.file.attribute.FileTime.fromMillis(time.toMillis() + 1000));
    assertThat(cached().unchanged()).isFalse();
    assertThat(Files.readString(out.resolve("index.html"))).contains("Renamed Workshops");
    assertThat(cached().unchanged()).isTrue();
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void bodyFilesOfEarlierStarkitBuildsAreRemovedAndBodiesLandInOnePack() throws IOException {
    Path old = cacheDir.resolve("markdown/ab/" + "ab".repeat(32) + ".body");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "a body as starkit stored it before packs");
    cached();
    assertThat(cacheDir.resolve("markdown")).doesNotExist();
    try (Stream<Path> packs = Files.list(cacheDir.resolve("bodies"))) {
      assertThat(packs.map(p -> p.getFileName().toString()).toList()).singleElement()
          .satisfies(name -> assertThat(name).matches("pack-[0-9a-f]{16}\\.skbp"));
    }
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void rebuildLeavesALessonWhoseStampDidNotMoveUnreadUntilItsBodyMustBeRendered() throws IOException {
    cached();
    // rewritten in place, the same size and time: the same stamp, so the cache trusts what it knows
    Path deeper = source.resolve("lessons/more/deeper.md");
    var time = Files.getLastModifiedTime(deeper);
    edit(deeper, "Small steps add up.", "Large leaps add up.");
    Files.setLastModifiedTime(deeper, time);
    edit(source.resolve("lessons/basics/hello.md"), "\n## ", "\nMore words.\n\n## "); // a body-only rebuild
    assertThat(cached().unchanged()).isFalse();
    String page = Files.readString(out.resolve("lessons/deeper/index.html"));
    assertThat(page).contains("Small steps add up.").doesNotContain("Large leaps"); // parse and body from the cache
    // a new lesson changes where links lead, so every body is rendered again, from its file: read
    // now, it is not what its stamp promised, so the build stops (it would store the new body
    // under the old digest) and the next one hashes every file again
    Files.writeString(source.resolve("lessons/more/extra.md"), Files.readString(deeper)
        .replace("title: Going deeper", "title: Going further"));
    Map<String, String> before = tree(out);
    assertThatThrownBy(this::cached).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("lessons/more/deeper.md").rootCause().isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("it changed while the build read it");
    assertThat(tree(out)).isEqualTo(before);
    assertThat(cached().unchanged()).isFalse();
    assertThat(Files.readString(out.resolve("lessons/deeper/index.html"))).contains("Large leaps add up.");
    assertThat(tree(out)).isEqualTo(clean());
  }

  @Test
  void recordOfAnotherStarkitBuildIsIgnored() throws IOException {
    cached();
    Path record;
    try (Stream<Path> files = Files.list(cacheDir)) {
      record = files.filter(p -> p.getFileName().toString().startsWith("site-")).findFirst().orElseThrow();
    }
    String text = Files.readString(record, StandardCharsets.ISO_8859_1); // byte for byte
    assertThat(text).contains(Fingerprints.code());
    Files.writeString(record, text.replace(Fingerprints.code(), "0".repeat(64)), StandardCharsets.ISO_8859_1);
    assertThat(cached().unchanged()).isFalse();
    assertThat(tree(out)).isEqualTo(clean());
    assertThat(cached().unchanged()).isTrue();
  }

  @Test
  void cacheNeverLandsInTheSiteAndHoldsNoPrivateKey() throws IOException {
    Path defaultCache = DiskCache.defaultFor(out);
    assertThat(defaultCache).isEqualTo(tmp.resolve(".starkit-cache").toAbsolutePath());
    new SiteBuilder(new DiskCache(defaultCache)).build(Fixtures.options(source, out));
    assertThat(defaultCache).isDirectory();
    try (Stream<Path> walk = Files.walk(out)) {
      assertThat(walk.map(p -> out.relativize(p).toString())).noneMatch(p -> p.contains("cache"));
    }
    Files.writeString(source.resolve("lessons/data.json"), "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\","
        + "\"d\":\"c2VjcmV0LXByaXZhdGUtZXhwb25lbnQ\"}");
    BuildResult failed = new SiteBuilder(new DiskCache(defaultCache)).build(Fixtures.options(source, out));
    assertThat(failed.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("private-key-in-site"));
    try (Stream<Path> walk = Files.walk(defaultCache)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)) // bodies are not all text
            .doesNotContain("c2VjcmV0LXByaXZhdGUtZXhwb25lbnQ");
      }
    }
  }

  @Test
  void failedCachedBuildLeavesPreviousSiteUntouched() throws IOException {
    cached();
    Map<String, String> before = tree(out);
    Files.writeString(source.resolve("lessons/basics/second.md"), "---\ntitle: [broken\n---\n");
    BuildResult result = cached();
    assertThat(result.errors()).isPositive();
    assertThat(tree(out)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("curriculum", "site",
          "cache");
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
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
