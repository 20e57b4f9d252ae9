package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.SiteWriter;

class SiteBuilderTest {
  @TempDir
  Path tmp;

  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return files;
  }

  @Test
  void buildingTwiceGivesByteIdenticalSites() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    new SiteBuilder().build(Fixtures.options(source, tmp.resolve("a")));
    new SiteBuilder().build(Fixtures.options(source, tmp.resolve("b")));
    assertThat(tree(tmp.resolve("a"))).isNotEmpty().isEqualTo(tree(tmp.resolve("b")));
  }

  @Test
  void failedBuildLeavesPreviousSiteUntouched() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Path out = tmp.resolve("site");
    new SiteBuilder().build(Fixtures.options(source, out));
    Map<String, String> before = tree(out);
    Files.writeString(source.resolve("lessons/basics/second.md"), "---\ntitle: [broken\n---\n");
    BuildResult result = new SiteBuilder().build(Fixtures.options(source, out));
    assertThat(result.errors()).isPositive();
    assertThat(tree(out)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("curriculum", "site");
    }
  }

  @Test
  void removesFilesOfEarlierBuilds() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Path out = tmp.resolve("site");
    new SiteBuilder().build(Fixtures.options(source, out));
    assertThat(out.resolve("lessons/deeper/index.html")).exists();
    Files.delete(source.resolve("lessons/more/deeper.md"));
    new SiteBuilder().build(Fixtures.options(source, out));
    assertThat(out.resolve("lessons/deeper")).doesNotExist();
    assertThat(out.resolve("lessons/hello/index.html")).exists();
  }

  @Test
  void refusesToReplaceAFolderItDidNotMake() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "precious");
    assertThatThrownBy(() -> new SiteBuilder().build(Fixtures.options(source, out)))
        .isInstanceOf(SiteWriter.UnsafeOutputException.class).hasMessageContaining("not made by starkit");
    assertThat(out.resolve("notes.txt")).hasContent("precious");
  }

  @Test
  void reportsDuplicateIdsNamingBothFiles() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Files.copy(source.resolve("lessons/basics/hello.md"), source.resolve("lessons/more/hello.md"));
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    assertThat(result.diagnostics()).filteredOn(d -> d.code().equals("duplicate-id"))
        .extracting(Diagnostic::file, Diagnostic::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello.md",
                "The lesson id 'hello' is also used by lessons/more/hello.md."),
            org.assertj.core.groups.Tuple.tuple("curriculum/lessons/more/hello.md",
                "The lesson id 'hello' is also used by lessons/basics/hello.md."));
  }

  @Test
  void duplicateIdIsNotAlsoReportedAsAnUnknownLessonWhereverItIsNamed() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Files.copy(source.resolve("lessons/basics/hello.md"), source.resolve("lessons/more/hello.md"));
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    // The copy's own relative links may break; everything else only sees the duplicate.
    assertThat(result.diagnostics()).filteredOn(d -> !d.file().endsWith("lessons/more/hello.md"))
        .extracting(Diagnostic::code).containsOnly("duplicate-id");
  }

  @Test
  void reportsBrokenAnchorToAnotherLesson() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Path hello = source.resolve("lessons/basics/hello.md");
    Files.writeString(hello, Files.readString(hello).replace("second.md#naming-things", "second.md#naming-thing"));
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("broken-anchor");
      assertThat(d.location()).isEqualTo("curriculum/lessons/basics/hello.md:43:7");
      assertThat(d.message()).contains("Did you mean 'naming-things'?");
    });
  }

  @Test
  void reportsEveryProblemAtOnceSortedByFileAndLine() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Files.writeString(source.resolve("lessons/basics/second.md"),
        "---\ntitle: Variables\nlevel: expert\nduration: 45m\nsummary: S.\n---\n\n# Big\n");
    Files.writeString(source.resolve("lessons/more/deeper.md"),
        "---\ntitle: Deeper\nlevel: intermediate\nduration: soon\nsummary: S.\nprerequisites: [nothing]\n---\n\n::: oops\n");
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    assertThat(result.diagnostics()).extracting(Diagnostic::location, Diagnostic::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/hello.md:43:7", "broken-anchor"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/second.md:3:8", "unknown-level"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/basics/second.md:8:1", "heading-h1"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/more/deeper.md:4:11", "invalid-duration"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/more/deeper.md:6:17", "unknown-prerequisite"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/more/deeper.md:9:1", "unclosed-callout"),
        org.assertj.core.groups.Tuple.tuple("curriculum/lessons/more/deeper.md:9:5", "unknown-callout"));
  }

  @Test
  void writesNothingButChecksEverythingInCheck() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("site")));
    assertThat(result.files()).isNotEmpty();
    assertThat(tmp.resolve("site")).doesNotExist();
  }
}
