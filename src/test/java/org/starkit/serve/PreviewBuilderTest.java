package org.starkit.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.render.Theme;
import org.starkit.write.OutputFile;

class PreviewBuilderTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/small/curriculum");

  @TempDir
  Path tmp;

  private Path copy() throws IOException {
    Path target = tmp.resolve("curriculum");
    try (Stream<Path> files = Files.walk(FIXTURE)) {
      for (Path p : files.toList()) {
        Path t = target.resolve(FIXTURE.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  private BuildOptions options(Path source) {
    return new BuildOptions(source, "curriculum", tmp.resolve("site"), new Theme(Path.of("themes/default"),
        "themes/default"), Optional.empty(), false, LocalDate.of(2030, 1, 1));
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static SourceChanges changed(Path... files) {
    return new SourceChanges(Set.of(files), false);
  }

  /** Every file the preview serves, made now, by path. */
  private static Map<String, String> served(Snapshot snapshot) {
    Map<String, String> files = new TreeMap<>();
    for (String path : snapshot.site().paths()) {
      files.put(path, digest(snapshot.site().file(path).orElseThrow().bytes()));
    }
    return files;
  }

  private static Map<String, String> built(BuildResult clean) {
    Map<String, String> files = new TreeMap<>();
    for (OutputFile f : clean.files()) {
      files.put(f.path(), digest(f.bytes()));
    }
    return files;
  }

  private static String digest(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertServesTheBuild(PreviewBuilder preview, BuildOptions options) throws IOException {
    BuildResult clean = new SiteBuilder().check(options);
    assertThat(clean.passes(false)).isTrue();
    Snapshot now = preview.current();
    assertThat(now.failing()).isFalse();
    assertThat(served(now)).isEqualTo(built(clean));
    assertThat(now.result().diagnostics()).isEqualTo(clean.diagnostics());
    assertThat(now.result().fileCount()).isEqualTo(clean.files().size());
  }

  @Test
  void servesExactlyWhatABuildWritesAfterEveryKindOfEdit() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    assertThat(preview.rebuild()).isTrue();
    assertServesTheBuild(preview, options);

    Path second = source.resolve("lessons/basics/second.md");
    edit(second, "title: Variables", "title: Names for values");
    assertThat(preview.rebuild(changed(second))).isTrue();
    assertServesTheBuild(preview, options);
    assertThat(new String(preview.current().site().file("lessons/hello/index.html").orElseThrow().bytes(),
        java.nio.charset.StandardCharsets.UTF_8)).contains("Names for values");

    Map<String, String> good = served(preview.current());
    Path hello = source.resolve("lessons/basics/hello.md");
    edit(hello, "level: beginner", "level: [beginner");
    assertThat(preview.rebuild(changed(hello))).isTrue();
    Snapshot failing = preview.current();
    assertThat(failing.failing()).isTrue();
    assertThat(failing.result().diagnostics()).isEqualTo(new SiteBuilder().check(options).diagnostics());
    assertThat(served(failing)).as("the last good site").isEqualTo(good);

    edit(hello, "level: [beginner", "level: beginner");
    edit(second, "A variable is a name for a value.", "A variable names a value.");
    assertThat(preview.rebuild(changed(hello, second))).isTrue();
    assertServesTheBuild(preview, options);

    Path added = source.resolve("lessons/more/third.md");
    Files.writeString(added, "---\ntitle: Third steps\nlevel: beginner\nduration: 20m\nsummary: One more.\n"
        + "tags: [python]\n---\n\n## Again\n\nBack to [names](../basics/second.md).\n");
    preview.rebuild(changed(added));
    assertServesTheBuild(preview, options);
    Files.delete(added);
    preview.rebuild(changed(added));
    assertServesTheBuild(preview, options);
  }

  @Test
  void parsesAndRendersOnlyWhatAnEditChangedAndNoPageUntilAsked() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    int parsed = preview.planner().parsed();
    int rendered = preview.planner().rendered();
    Path second = source.resolve("lessons/basics/second.md");
    edit(second, "A variable is a name for a value.", "A variable names a value.");
    assertThat(preview.rebuild(changed(second))).isTrue();
    assertThat(preview.planner().parsed() - parsed).isEqualTo(1);
    assertThat(preview.planner().rendered() - rendered).isEqualTo(1);
    assertThat(preview.current().site().made()).isZero();
    preview.current().site().file("lessons/second/index.html");
    assertThat(preview.current().site().made()).isEqualTo(1);
  }

  @Test
  void doesNotReloadWhenASaveWroteWhatWasThere() throws Exception {
    Path source = copy();
    PreviewBuilder preview = new PreviewBuilder(options(source));
    preview.rebuild();
    String version = preview.current().version();
    Path second = source.resolve("lessons/basics/second.md");
    Files.writeString(second, Files.readString(second));
    assertThat(preview.rebuild(changed(second))).isFalse();
    assertThat(preview.current().version()).isEqualTo(version);
  }

  @Test
  void readsEverythingAgainWhenTheWatcherLostTrack() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    edit(source.resolve("lessons/basics/second.md"), "title: Variables", "title: Renamed unseen");
    assertThat(preview.rebuild(SourceChanges.all())).isTrue();
    assertServesTheBuild(preview, options);
  }

  private static String page(Snapshot snapshot, String path) {
    return new String(snapshot.site().file(path).orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Rebuilds after an edit of {@code file}, checks it was planned from the last plan, not whole,
   * and says whether pages reload.
   */
  private static boolean rebuildFromTheLastPlan(PreviewBuilder preview, Path file) {
    int whole = preview.planner().plannedWhole();
    boolean reload = preview.rebuild(changed(file));
    assertThat(preview.planner().plannedWhole()).as("planned whole").isEqualTo(whole);
    return reload;
  }

  private static void assertReportsWhatABuildReports(PreviewBuilder preview, BuildOptions options)
      throws IOException {
    BuildResult clean = new SiteBuilder().check(options);
    assertThat(preview.current().result().diagnostics()).isEqualTo(clean.diagnostics());
    assertThat(preview.current().failing()).isEqualTo(!clean.passes(false));
  }

  @Test
  void plansABodyOnlyEditFromTheLastPlanAndServesWhatABuildWrites() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    Path second = source.resolve("lessons/basics/second.md");
    Path hello = source.resolve("lessons/basics/hello.md");

    // plain text, with a word new to the search index, in a lesson of the kit and its offline pack
    edit(second, "A variable is a name for a value.", "A variable is a zanzibarian label for a value.");
    assertThat(rebuildFromTheLastPlan(preview, second)).isTrue();
    assertServesTheBuild(preview, options);
    assertThat(page(preview.current(), org.starkit.search.SearchIndexBuilder.PATH)).contains("zanzibarian");
    assertThat(preview.current().site().paths()).contains("sitemap.xml", "kits/tiny.zip");

    // instructor notes, which the kit's printable notes collect
    edit(hello, "Check that everyone has a working editor", "Check that everyone has a charged laptop");
    rebuildFromTheLastPlan(preview, hello);
    assertServesTheBuild(preview, options);

    // a new heading, which another lesson may now link to
    edit(second, "| Name | Value |", "## Tables of names\n\n| Name | Value |");
    rebuildFromTheLastPlan(preview, second);
    assertServesTheBuild(preview, options);
    assertThat(page(preview.current(), "lessons/second/index.html")).contains("id=\"tables-of-names\"");
  }

  @Test
  void findsWhatABuildFindsWhenABodyEditBreaksOrMendsALink() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    Map<String, String> good = served(preview.current());
    Path second = source.resolve("lessons/basics/second.md");
    Path hello = source.resolve("lessons/basics/hello.md");

    // a link to a lesson that does not exist
    edit(second, "Back to [the first program]", "See [nothing](missing.md). Back to [the first program]");
    rebuildFromTheLastPlan(preview, second);
    assertReportsWhatABuildReports(preview, options);
    assertThat(preview.current().failing()).isTrue();
    assertThat(served(preview.current())).as("the last good site").isEqualTo(good);

    // a heading another lesson links to by anchor goes away, while the broken link stays
    edit(second, "## Naming things", "## Names");
    rebuildFromTheLastPlan(preview, second);
    assertReportsWhatABuildReports(preview, options);
    assertThat(preview.current().result().diagnostics()).anyMatch(d -> d.code().equals("broken-anchor")
        && d.file().equals("curriculum/lessons/basics/hello.md"));

    // a link of the lesson's own to an anchor that is not there
    edit(hello, "Next: [variables](second.md#naming-things)", "Next: [variables](second.md#nameing)");
    rebuildFromTheLastPlan(preview, hello);
    assertReportsWhatABuildReports(preview, options);

    // all mended: the heading back, the links right
    edit(second, "## Names", "## Naming things");
    assertThat(rebuildFromTheLastPlan(preview, second)).as("the same problems: no reload").isFalse();
    assertReportsWhatABuildReports(preview, options);
    edit(second, "See [nothing](missing.md). ", "");
    edit(hello, "second.md#nameing", "second.md#naming-things");
    int whole = preview.planner().plannedWhole();
    assertThat(preview.rebuild(changed(second, hello))).isTrue();
    assertThat(preview.planner().plannedWhole()).isEqualTo(whole);
    assertServesTheBuild(preview, options);
  }

  @Test
  void checksTranslationsAgainWhenTheBodyOfTheirOriginalChanges() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    Path second = source.resolve("lessons/basics/second.md");
    String hash = org.starkit.load.LessonParser.fingerprint(Files.readString(second));
    Path french = source.resolve("lessons/basics/second-fr.md");
    Files.writeString(french, "---\ntitle: Variables\nlevel: beginner\nduration: 45m\nsummary: Des noms.\n"
        + "language: fr\ntranslation_of: second\noriginal_hash: " + hash + "\n---\n\n## Des noms\n\nUn nom.\n");
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    assertServesTheBuild(preview, options);
    assertThat(preview.current().result().diagnostics()).noneMatch(d -> d.code().equals("stale-translation"));

    edit(second, "A variable is a name for a value.", "A variable names a value.");
    rebuildFromTheLastPlan(preview, second);
    assertServesTheBuild(preview, options);
    assertThat(preview.current().result().diagnostics()).anyMatch(d -> d.code().equals("stale-translation"));

    edit(second, "A variable names a value.", "A variable is a name for a value.");
    rebuildFromTheLastPlan(preview, second);
    assertServesTheBuild(preview, options);
    assertThat(preview.current().result().diagnostics()).noneMatch(d -> d.code().equals("stale-translation"));
  }

  @Test
  void plansTheWholeSiteWhenFrontMatterChanges() throws Exception {
    Path source = copy();
    BuildOptions options = options(source);
    PreviewBuilder preview = new PreviewBuilder(options);
    preview.rebuild();
    int whole = preview.planner().plannedWhole();
    Path second = source.resolve("lessons/basics/second.md");
    edit(second, "duration: 45m", "duration: 40m");
    assertThat(preview.rebuild(changed(second))).isTrue();
    assertThat(preview.planner().plannedWhole()).isEqualTo(whole + 1);
    assertServesTheBuild(preview, options);
  }
}
