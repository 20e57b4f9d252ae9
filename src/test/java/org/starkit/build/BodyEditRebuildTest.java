package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.LessonParser;
import org.starkit.model.Curriculum;
import org.starkit.model.Lesson;
import org.starkit.render.KitPaths;
import org.starkit.render.SitePaths;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;
import org.starkit.write.OutputFile;
import org.starkit.write.SiteCommitter;
import org.starkit.write.SiteWriter;

/**
 * A cached rebuild after an edit to lesson bodies only renders the pages that show a changed body
 * and keeps the others from the site it replaces; the site and the diagnostics are still exactly
 * those of a clean build. Any other edit renders every page.
 */
class BodyEditRebuildTest {
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

  private BuildResult cached() throws IOException {
    return new SiteBuilder(new DiskCache(cacheDir)).build(Fixtures.options(source, out));
  }

  /** The tree and the diagnostics of a build without any cache, into a folder of its own. */
  private record Clean(Map<String, String> tree, List<Diagnostic> diagnostics) {}

  private Clean clean() throws IOException {
    Path fresh = tmp.resolve("clean-" + System.nanoTime());
    BuildOptions o = Fixtures.options(source, out);
    BuildResult r = new SiteBuilder().build(new BuildOptions(o.source(), o.sourceLabel(), fresh, o.theme(),
        o.baseUrl(), o.strict(), o.today()));
    return new Clean(Files.exists(fresh) ? tree(fresh) : Map.of(), r.diagnostics());
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

  private void edit(String file, String from, String to) throws IOException {
    Path p = source.resolve(file);
    String text = Files.readString(p);
    assertThat(text).contains(from);
    Files.writeString(p, text.replace(from, to));
  }

  private static List<String> rendered(BuildResult r) {
    return r.files().stream().map(OutputFile::path).toList();
  }

  /** Asserts that the cached rebuild wrote what a clean build writes and reported what it reports. */
  private void assertLikeClean(BuildResult r) throws IOException {
    Clean clean = clean();
    assertThat(r.diagnostics()).isEqualTo(clean.diagnostics());
    assertThat(tree(out)).isEqualTo(clean.tree());
    assertThat(r.fileCount()).isEqualTo(clean.tree().size() - 1); // the tree has the marker file too
  }

  @Test
  void plainTextEditRendersOnlyTheLessonsPages() throws IOException {
    cached();
    edit("lessons/more/deeper.md", "\n## Combining\n", "\n## Combining\n\nA paragraph added by the test.\n");
    BuildResult r = cached();
    assertThat(r.unchanged()).isFalse();
    assertThat(rendered(r)).contains(SitePaths.lesson("deeper"), SitePaths.instructor("deeper"), "search/search-index.js")
        .doesNotContain(SitePaths.home(), SitePaths.lesson("hello"), SitePaths.lesson("second"), SitePaths.allLessons(),
            "files/basics/images/hello.png"); // images are part of the structure: kept, not read and compared
    assertThat(r.fileCount()).isGreaterThan(r.files().size());
    assertLikeClean(r);
    assertThat(Files.readString(out.resolve(SitePaths.lesson("deeper")))).contains("A paragraph added by the test.");
    assertThat(cached().unchanged()).isTrue();
  }

  @Test
  void changedImageIsCopiedAgainWithEveryPage() throws IOException {
    cached();
    Path image = source.resolve("lessons/basics/images/hello.png");
    byte[] bytes = Files.readAllBytes(image);
    bytes[bytes.length - 1] ^= 1; // past the PNG's end chunk: still an image, other bytes
    Files.write(image, bytes);
    BuildResult r = cached();
    assertThat(rendered(r)).contains("files/basics/images/hello.png", SitePaths.home());
    assertLikeClean(r);
    assertThat(Files.readAllBytes(out.resolve("files/basics/images/hello.png"))).isEqualTo(bytes);
  }

  @Test
  void editOfALessonInAKitRendersTheKitsPagesAndPackAgain() throws IOException {
    cached();
    edit("lessons/basics/hello.md", "\nType this and run it:\n", "\nType this, then run it:\n");
    BuildResult r = cached();
    assertThat(rendered(r)).contains(SitePaths.lesson("hello"), KitPaths.page("tiny", "print"), KitPaths.zip("tiny"))
        .doesNotContain(SitePaths.home(), SitePaths.lesson("deeper"));
    assertLikeClean(r);
    assertThat(Files.readString(out.resolve(KitPaths.page("tiny", "print")))).contains("Type this, then run it:");
  }

  @Test
  void editThatBreaksALinkReportsWhatACleanBuildReports() throws IOException {
    cached();
    Map<String, String> before = tree(out);
    edit("lessons/more/deeper.md", "Build on [variables](../basics/second.md).",
        "Build on [variables](../basics/second.md#no-such-heading) and [more](../basics/missing.md).");
    BuildResult r = cached();
    assertThat(r.errors()).isPositive();
    assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("broken-anchor"));
    assertThat(r.diagnostics()).isEqualTo(clean().diagnostics());
    assertThat(tree(out)).isEqualTo(before);
    edit("lessons/more/deeper.md", "#no-such-heading", "#naming-things");
    edit("lessons/more/deeper.md", " and [more](../basics/missing.md)", "");
    BuildResult fixed = cached();
    assertThat(fixed.errors()).isZero();
    assertThat(rendered(fixed)).doesNotContain(SitePaths.home());
    assertLikeClean(fixed);
  }

  @Test
  void removingAHeadingAnotherLessonLinksToIsReportedOnTheLinkingLesson() throws IOException {
    cached();
    edit("lessons/basics/second.md", "## Naming things", "## Names");
    BuildResult r = cached();
    assertThat(r.diagnostics()).anySatisfy(d -> {
      assertThat(d.code()).isEqualTo("broken-anchor");
      assertThat(d.file()).endsWith("hello.md");
    });
    assertThat(r.diagnostics()).isEqualTo(clean().diagnostics());
    edit("lessons/basics/hello.md", "second.md#naming-things", "second.md#names");
    BuildResult fixed = cached();
    assertThat(rendered(fixed)).contains(SitePaths.lesson("hello"), SitePaths.lesson("second"))
        .doesNotContain(SitePaths.lesson("deeper"));
    assertLikeClean(fixed);
  }

  @Test
  void bodyWarningsAreThoseOfACleanBuild() throws IOException {
    cached();
    edit("lessons/more/deeper.md", "\n## Combining\n", "\n## Combining\n\nAn image: ![](../basics/images/hello.png)\n");
    BuildResult r = cached();
    assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("missing-alt"));
    assertThat(r.errors()).isZero();
    assertThat(rendered(r)).doesNotContain(SitePaths.home());
    assertLikeClean(r);
  }

  @Test
  void editingAnOriginalReportsItsTranslationAsOutdated() throws IOException {
    String original = Files.readString(source.resolve("lessons/basics/hello.md"));
    Files.writeString(source.resolve("lessons/basics/hello-fr.md"), "---\ntitle: Bonjour\nlevel: beginner\n"
        + "duration: 30m\nsummary: Un premier programme.\nlanguage: fr\ntranslation_of: hello\noriginal_hash: "
        + LessonParser.fingerprint(original) + "\n---\n\n## Premier programme\n\nTapez ceci.\n");
    assertThat(cached().diagnostics()).isEmpty();
    edit("lessons/basics/hello.md", "\nType this and run it:\n", "\nType this, then run it:\n");
    BuildResult r = cached();
    assertThat(r.warnings()).isPositive();
    assertThat(rendered(r)).doesNotContain(SitePaths.lesson("hello-fr"));
    assertLikeClean(r);
  }

  @Test
  void frontMatterEditRendersEveryPage() throws IOException {
    BuildResult first = cached();
    edit("lessons/more/deeper.md", "summary: Combine variables", "summary: Put variables together");
    BuildResult r = cached();
    assertThat(r.files()).hasSize(r.fileCount()).hasSameSizeAs(first.files());
    assertLikeClean(r);
  }

  @Test
  void editedSiteIsRenderedWhole() throws IOException {
    BuildResult first = cached();
    Files.writeString(out.resolve(SitePaths.home()), "changed by hand");
    edit("lessons/more/deeper.md", "\n## Combining\n", "\n## Combining\n\nMore.\n");
    BuildResult r = cached();
    assertThat(r.files()).hasSameSizeAs(first.files());
    assertLikeClean(r);
  }

  @Test
  void commitInterruptedHalfWayIsRepairedByTheNextBuild() throws IOException {
    BuildResult first = cached();
    // What a commit killed after moving one page leaves: the marker saying so, the site half new.
    Files.writeString(out.resolve(SiteWriter.MARKER), SiteCommitter.IN_PROGRESS);
    Files.writeString(out.resolve(SitePaths.lesson("deeper")), "half of a newer build");
    edit("lessons/more/deeper.md", "\n## Combining\n", "\n## Combining\n\nMore.\n");
    BuildResult r = cached();
    assertThat(r.files()).hasSameSizeAs(first.files());
    assertLikeClean(r);
    assertThat(SiteCommitter.interrupted(out)).isFalse();
    assertThat(cached().unchanged()).isTrue();
  }

  @Test
  void bodyEditUpdatesTheSiteInPlaceLeavingKeptPagesUntouched() throws IOException {
    cached();
    Object home = Files.readAttributes(out.resolve(SitePaths.home()), BasicFileAttributes.class).fileKey();
    edit("lessons/more/deeper.md", "\n## Combining\n", "\n## Combining\n\nMore.\n");
    BuildResult r = cached();
    assertThat(rendered(r)).doesNotContain(SitePaths.home());
    assertThat(Files.readAttributes(out.resolve(SitePaths.home()), BasicFileAttributes.class).fileKey())
        .isEqualTo(home);
    assertLikeClean(r);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".site."));
    }
  }

  @Test
  void rememberedParsesLoadTheCurriculumAParseLoads() throws IOException {
    SourceSet sources = new SourceReader().read(source);
    Map<String, String> digests = new TreeMap<>();
    for (var f : sources.files()) {
      var sha = Fingerprints.sha256();
      f.updateDigest(sha);
      digests.put(f.path(), Fingerprints.hex(sha));
    }
    CurriculumLoader.Result plain = new CurriculumLoader().load(sources);
    LessonCache first = new LessonCache(digests, Map.of());
    assertThat(new CurriculumLoader(first).load(sources)).isEqualTo(plain);
    DiskCache disk = new DiskCache(cacheDir);
    disk.writeLessons(source, first.entries());
    Map<String, LessonCache.Entry> stored = disk.readLessons(source);
    assertThat(stored).isEqualTo(first.entries()).hasSize(3);
    LessonCache second = new LessonCache(digests, stored);
    CurriculumLoader.Result restored = new CurriculumLoader(second).load(sources);
    assertThat(second.entries()).isEqualTo(stored);
    // the same curriculum, but the lessons come without their bodies, which are cut when rendered
    assertThat(restored.diagnostics()).isEqualTo(plain.diagnostics());
    Curriculum c = plain.curriculum();
    assertThat(restored.curriculum()).isEqualTo(new Curriculum(c.config(), c.lessons().stream()
        .map(LessonCache::withoutBody).toList(), c.guides(), c.assets(), c.kits(), c.organizing(), c.events(), c.badges()));
    for (Lesson l : c.lessons()) {
      assertThat(l.body()).isNotBlank();
      MarkdownBatch.Body job = new MarkdownBatch.Body(l.path(), "", "../../");
      assertThat(second.withText(job)).isEqualTo(new MarkdownBatch.Body(l.path(), l.body(), "../../"));
      assertThat(first.withText(job)).isSameAs(job); // parsed, not restored: the job as it is
    }
  }

  @Test
  void rememberedDeclaredDigestsAreThoseOfTheLoadedLessons() throws IOException {
    SourceSet sources = new SourceReader().read(source);
    Map<String, String> digests = new TreeMap<>();
    for (var f : sources.files()) {
      var sha = Fingerprints.sha256();
      f.updateDigest(sha);
      digests.put(f.path(), Fingerprints.hex(sha));
    }
    LessonCache first = new LessonCache(digests, Map.of());
    new CurriculumLoader(first).load(sources);
    DiskCache disk = new DiskCache(cacheDir);
    disk.writeLessons(source, first.entries());
    LessonCache second = new LessonCache(digests, disk.readLessons(source));
    var lessons = new CurriculumLoader(second).load(sources).curriculum().lessons();
    Map<String, String> computed = new TreeMap<>();
    lessons.forEach(l -> computed.put(l.path(), Fingerprints.declared(l)));
    assertThat(computed).hasSize(3);
    assertThat(second.declaredDigests()).isEqualTo(computed);
    assertThat(first.declaredDigests()).isEqualTo(computed);
  }
}
