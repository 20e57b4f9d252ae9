package org.starkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;

class SourceReaderTest {
  @TempDir
  Path tmp;

  private Path src() {
    return tmp.resolve("curriculum");
  }

  private Path write(String rel, String text) throws IOException {
    return writeBytes(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path writeBytes(String rel, byte[] bytes) throws IOException {
    Path p = src().resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.write(p, bytes);
  }

  private Path link(String rel, Path target) throws IOException {
    Path p = src().resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.createSymbolicLink(p, target);
  }

  private SourceSet read() throws IOException {
    return new SourceReader().read(src());
  }

  private static byte[] filled(int size, char c) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) c);
    return b;
  }

  @Test
  void tellsEachFilesAttributesBeforeAnyIsReadAndAgainAfterItsRead() throws IOException {
    write("starkit.yml", "title: Test\n");
    write("lessons/a.md", "a");
    writeBytes("images/p.png", new byte[] {1, 2, 3});
    write(".hidden/secret.md", "not read");
    Path real = write("shared/notes.md", "linked text");
    link("lessons/linked.md", real);
    java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> before = new java.util.TreeMap<>();
    java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> after = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.atomic.AtomicBoolean readBeforeWalked = new java.util.concurrent.atomic.AtomicBoolean();
    SourceSet set = new SourceReader().read(src(), new SourceReader.Stamps() {
      @Override
      public void walked(java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> files) {
        readBeforeWalked.set(!after.isEmpty());
        before.putAll(files);
      }

      @Override
      public void read(String path, java.nio.file.attribute.BasicFileAttributes attrs) {
        after.put(path, attrs);
      }
    });
    assertThat(readBeforeWalked).isFalse();
    assertThat(before.keySet()).containsExactly("images/p.png", "lessons/a.md", "lessons/linked.md", "shared/notes.md",
        "starkit.yml");
    assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
    assertThat(set.files()).extracting(SourceFile::path).containsExactlyElementsOf(before.keySet());
    // a link is stamped as what it points to
    assertThat(before.get("lessons/linked.md").isRegularFile()).isTrue();
    assertThat(before.get("lessons/linked.md").size()).isEqualTo("linked text".length());
    assertThat(after.get("images/p.png").size()).isEqualTo(3);
    assertThat(after.get("images/p.png").lastModifiedTime()).isEqualTo(before.get("images/p.png").lastModifiedTime());
  }

  @Test
  void aFileReadLateThatIsNotWhatTheCallerKnewIsRefusedNamingIt() throws IOException {
    write("lessons/a.md", "known text");
    write("lessons/b.md", "other text");
    SourceSet set = new SourceReader().read(src(), new SourceReader.Stamps() {
      @Override
      public void walked(java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> files) {}

      @Override
      public void read(String path, java.nio.file.attribute.BasicFileAttributes attrs) {}

      @Override
      public boolean mayDefer(String path) {
        return true;
      }

      @Override
      public boolean knows(String path, byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).startsWith("known");
      }
    });
    assertThat(set.find("lessons/a.md").orElseThrow().bytes()).isEqualTo("known text".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(set.find("lessons/b.md").orElseThrow()::bytes).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("lessons/b.md").rootCause().isInstanceOf(java.nio.file.FileSystemException.class)
        .hasMessageContaining("b.md").hasMessageContaining("it changed while the build read it");
  }

  @Test
  void leavesFilesTheCallerKnowsUnreadUntilTheirBytesAreAskedFor() throws IOException {
    write("lessons/a.md", "a");
    writeBytes("lessons/images/p.png", new byte[] {1, 2, 3});
    writeBytes("lessons/images/q.png", new byte[] {4, 5});
    writeBytes("lessons/images/r.png", new byte[] {6, 7});
    java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> after = new java.util.concurrent.ConcurrentHashMap<>();
    SourceSet set = new SourceReader().read(src(), new SourceReader.Stamps() {
      @Override
      public void walked(java.util.Map<String, java.nio.file.attribute.BasicFileAttributes> files) {}

      @Override
      public void read(String path, java.nio.file.attribute.BasicFileAttributes attrs) {
        after.put(path, attrs);
      }

      @Override
      public boolean mayDefer(String path) {
        return path.endsWith(".png");
      }
    });
    assertThat(after.keySet()).containsExactlyInAnyOrder("lessons/a.md", "lessons/images/p.png", "lessons/images/q.png",
        "lessons/images/r.png");
    SourceFile r = set.find("lessons/images/r.png").orElseThrow();
    Files.write(src().resolve("lessons/images/r.png"), new byte[] {1, 2, 3, 4}); // grown since the walk
    assertThatThrownBy(r::bytes).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("lessons/images/r.png").hasRootCauseMessage("its size changed since the build started"
            + " (2 bytes, now more)");
    SourceFile p = set.find("lessons/images/p.png").orElseThrow();
    SourceFile q = set.find("lessons/images/q.png").orElseThrow();
    assertThat(p.size()).isEqualTo(3);
    Files.write(src().resolve("lessons/images/p.png"), new byte[] {7, 8, 9}); // not read yet: read now
    assertThat(p.bytes()).containsExactly(7, 8, 9);
    Files.write(src().resolve("lessons/images/p.png"), new byte[] {0}); // read once, then kept
    assertThat(p.bytes()).containsExactly(7, 8, 9);
    assertThat(p).isEqualTo(new SourceFile("lessons/images/p.png", new byte[] {7, 8, 9}));
    Path outside = Files.write(tmp.resolve("outside.png"), new byte[] {6});
    Files.delete(src().resolve("lessons/images/q.png"));
    Files.createSymbolicLink(src().resolve("lessons/images/q.png"), outside); // swapped for a link meanwhile
    assertThatThrownBy(q::bytes).isInstanceOf(java.io.UncheckedIOException.class);
    Files.delete(src().resolve("lessons/images/q.png"));
    assertThatThrownBy(q::bytes).isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("lessons/images/q.png").hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
  }

  @Test
  void readsFilesSortedByRelativePathWithForwardSlashes() throws IOException {
    write("starkit.yml", "title: Test\n");
    write("lessons/b.md", "b");
    write("lessons/a/z.md", "z");
    write("lessons/a/b/c.md", "c");
    write("lessons/a-b.md", "ab");
    writeBytes("images/p.png", new byte[] {1, 2, 3});

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly(
        "images/p.png", "lessons/a-b.md", "lessons/a/b/c.md", "lessons/a/z.md", "lessons/b.md", "starkit.yml");
    assertThat(set.files()).allSatisfy(f -> assertThat(f.path()).doesNotContain("\\").doesNotStartWith("/"));
    assertThat(set.find("lessons/a/b/c.md")).get().extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("c");
    assertThat(set.find("images/p.png")).get().extracting(SourceFile::bytes).isEqualTo(new byte[] {1, 2, 3});
    assertThat(set.diagnostics()).isEmpty();
  }

  @Test
  void skipsHiddenFilesAndHiddenDirectories() throws IOException {
    write("starkit.yml", "title: Test\n");
    write("lessons/loops.md", "loops");
    write(".git/config", "[core]\n");
    write(".git/objects/ab/cdef", "blob");
    write("lessons/.DS_Store", "junk");
    write("lessons/.draft.md", "draft");
    write(".github/workflows/site.yml", "on: push\n");
    write("lessons/.cache/inner.md", "inner");

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("lessons/loops.md", "starkit.yml");
    assertThat(set.diagnostics()).isEmpty();
  }

  @Test
  void refusesSymlinkToFileOutsideTheSourceDirectory() throws IOException {
    write("starkit.yml", "title: Test\n");
    Path outside = tmp.resolve("outside/secret.md");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, "SECRET OUTSIDE CONTENT");
    link("lessons/evil.md", outside);

    SourceSet set = read();

    assertThat(set.find("lessons/evil.md")).isEmpty();
    assertThat(set.files()).extracting(SourceFile::path).containsExactly("starkit.yml");
    assertThat(set.diagnostics())
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple("lessons/evil.md", 0, 0, Severity.ERROR, "link-outside-source"));
  }

  @Test
  void refusesRelativeSymlinkThatClimbsOutOfTheSourceDirectory() throws IOException {
    write("starkit.yml", "title: Test\n");
    Files.writeString(tmp.resolve("secret.txt"), "SECRET");
    link("lessons/up.md", Path.of("../../secret.txt"));

    SourceSet set = read();

    assertThat(set.find("lessons/up.md")).isEmpty();
    assertThat(set.diagnostics()).extracting(Diagnostic::file, Diagnostic::code)
        .containsExactly(tuple("lessons/up.md", "link-outside-source"));
  }

  @Test
  void refusesSymlinkToDirectoryOutsideTheSourceDirectory() throws IOException {
    write("starkit.yml", "title: Test\n");
    Path outsideDir = tmp.resolve("outside");
    Files.createDirectories(outsideDir);
    Files.writeString(outsideDir.resolve("secret.md"), "SECRET");
    link("lessons/more", outsideDir);

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("starkit.yml");
    assertThat(set.diagnostics()).extracting(Diagnostic::file, Diagnostic::code)
        .containsExactly(tuple("lessons/more", "link-outside-source"));
  }

  @Test
  void readsSymlinkToFileInsideTheTreeUnderTheLinkPath() throws IOException {
    write("starkit.yml", "title: Test\n");
    write("lessons/real.md", "real content");
    link("lessons/alias.md", Path.of("real.md"));

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path)
        .containsExactly("lessons/alias.md", "lessons/real.md", "starkit.yml");
    assertThat(set.find("lessons/alias.md")).get().extracting(f -> new String(f.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("real content");
    assertThat(set.diagnostics()).isEmpty();
  }

  @Test
  void warnsAboutSymlinkToDirectoryInsideTheTree() throws IOException {
    write("starkit.yml", "title: Test\n");
    write("lessons/a/one.md", "one");
    link("lessons/b", Path.of("a"));

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("lessons/a/one.md", "starkit.yml");
    assertThat(set.diagnostics())
        .extracting(Diagnostic::file, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple("lessons/b", Severity.WARNING, "link-not-file"));
  }

  @Test
  void reportsBrokenSymlink() throws IOException {
    write("starkit.yml", "title: Test\n");
    link("lessons/gone.md", Path.of("does-not-exist.md"));

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("starkit.yml");
    assertThat(set.diagnostics())
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple("lessons/gone.md", 0, 0, Severity.ERROR, "broken-symlink"));
  }

  @Test
  void refusesTenMegabyteSingleLineMarkdownFile() throws IOException {
    write("starkit.yml", "title: Test\n");
    writeBytes("lessons/huge.md", filled(10 * 1024 * 1024, 'a'));

    SourceSet set = read();

    assertThat(set.find("lessons/huge.md")).isEmpty();
    assertThat(set.diagnostics())
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::severity, Diagnostic::code)
        .containsExactly(tuple("lessons/huge.md", 0, 0, Severity.ERROR, "file-too-large"));
    assertThat(set.diagnostics().get(0).message()).contains("10240 KiB").contains("2048 KiB");
  }

  @Test
  void acceptsTextFileOfExactlyTheLimitAndRefusesOneByteMore() throws IOException {
    writeBytes("lessons/at-limit.md", filled(SourceReader.MAX_TEXT_BYTES, 'a'));
    writeBytes("lessons/over-limit.md", filled(SourceReader.MAX_TEXT_BYTES + 1, 'a'));
    writeBytes("starkit.yml", filled(SourceReader.MAX_TEXT_BYTES + 1, '#'));

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("lessons/at-limit.md");
    assertThat(set.find("lessons/at-limit.md")).get().extracting(SourceFile::size)
        .isEqualTo(SourceReader.MAX_TEXT_BYTES);
    assertThat(set.diagnostics()).extracting(Diagnostic::file, Diagnostic::code).containsExactly(
        tuple("lessons/over-limit.md", "file-too-large"), tuple("starkit.yml", "file-too-large"));
  }

  @Test
  void allowsAssetsLargerThanTheTextLimit() throws IOException {
    writeBytes("lessons/images/big.png", filled(SourceReader.MAX_TEXT_BYTES + 1, 'x'));

    SourceSet set = read();

    assertThat(set.files()).extracting(SourceFile::path).containsExactly("lessons/images/big.png");
    assertThat(set.diagnostics()).isEmpty();
  }

  @Test
  void refusesSymlinkedTextFileLargerThanTheLimit() throws IOException {
    writeBytes("lessons/_big.txt", filled(SourceReader.MAX_TEXT_BYTES + 1, 'a'));
    link("lessons/big.md", Path.of("_big.txt"));

    SourceSet set = read();

    assertThat(set.find("lessons/big.md")).isEmpty();
    assertThat(set.diagnostics()).extracting(Diagnostic::file, Diagnostic::code)
        .containsExactly(tuple("lessons/big.md", "file-too-large"));
  }
}
