package org.starkit.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCommitterTest {
  @TempDir
  Path tmp;

  private Path out;
  private SiteManifest first;

  @BeforeEach
  void setUp() throws IOException {
    out = tmp.resolve("site");
    first = new SiteWriter().writeSite(out, List.of(OutputFile.text("a/kept.html", "kept"),
        OutputFile.text("a/changed.html", "old"), OutputFile.text("a/same.html", "same"),
        OutputFile.text("gone/deep/g.html", "gone"), OutputFile.text("index.html", "home")));
  }

  private static Object identity(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  /** Every file under {@code dir} with its text. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private List<OutputFile> next() {
    return List.of(OutputFile.text("a/changed.html", "new"), OutputFile.text("a/same.html", "same"),
        OutputFile.text("fresh/f.html", "fresh"));
  }

  @Test
  void commitTouchesOnlyWhatChangedAndRemovesWhatIsGone() throws IOException {
    Object kept = identity(out.resolve("a/kept.html"));
    Object same = identity(out.resolve("a/same.html"));
    SiteManifest m = new SiteCommitter().commit(out, next(), List.of("a/kept.html", "index.html"), first);
    assertThat(identity(out.resolve("a/kept.html"))).isEqualTo(kept);
    assertThat(identity(out.resolve("a/same.html"))).isEqualTo(same);
    assertThat(tree(out)).containsOnlyKeys("a/kept.html", "a/changed.html", "a/same.html", "fresh/f.html",
        "index.html", SiteWriter.MARKER).containsEntry("a/changed.html", "new")
        .containsEntry(SiteWriter.MARKER, SiteWriter.MARKER_TEXT);
    assertThat(out.resolve("gone")).doesNotExist();
    assertThat(m.matches(out)).isTrue();
    assertThat(m.files().keySet()).isEqualTo(tree(out).keySet());
    assertThat(m.dirs()).containsOnlyKeys("", "a", "fresh");
    Map<String, String> fresh = new HashMap<>();
    for (String f : m.files().keySet()) {
      fresh.put(f, SiteManifest.stamp(out.resolve(f)));
    }
    assertThat(m.files()).isEqualTo(fresh);
    assertThat(m.files().get("a/kept.html")).isEqualTo(first.files().get("a/kept.html"));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings).containsExactly(out); // no staging folder left behind
    }
  }

  @Test
  void writeErrorWhileStagingLeavesTheSiteUntouched() throws IOException {
    Map<String, String> before = tree(out);
    SiteCommitter full = new SiteCommitter((p, content) -> {
      throw new IOException("No space left on device");
    });
    assertThatThrownBy(() -> full.commit(out, next(), List.of("a/kept.html", "index.html"), first))
        .hasMessageContaining("No space left");
    assertThat(tree(out)).isEqualTo(before);
    assertThat(first.matches(out)).isTrue();
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings).containsExactly(out);
    }
  }

  @Test
  void interruptedCommitIsSeenAndRepairedByAFullWrite() throws IOException {
    Path staging = tmp.resolve(".site.commit-left-by-a-crash");
    Files.createDirectories(staging);
    Files.writeString(staging.resolve("0"), "half");
    Files.writeString(out.resolve(SiteWriter.MARKER), SiteCommitter.IN_PROGRESS);
    Files.writeString(out.resolve("a/changed.html"), "new");
    assertThat(SiteCommitter.interrupted(out)).isTrue();
    assertThat(first.matches(out)).isFalse();
    assertThatThrownBy(() -> new SiteCommitter().commit(out, next(), List.of("a/kept.html"), first))
        .hasMessageContaining("no complete site");
    new SiteWriter().writeSite(out, List.of(OutputFile.text("a/changed.html", "new"), OutputFile.text("b.html", "b")));
    assertThat(SiteCommitter.interrupted(out)).isFalse();
    assertThat(tree(out)).containsOnlyKeys("a/changed.html", "b.html", SiteWriter.MARKER);
    assertThat(staging).doesNotExist();
  }

  @Test
  void refusesAFolderStarkitDidNotMake() throws IOException {
    Path foreign = tmp.resolve("mine");
    Files.createDirectories(foreign.resolve("a"));
    Files.writeString(foreign.resolve("a/kept.html"), "kept");
    assertThatThrownBy(() -> new SiteCommitter().commit(foreign, next(), List.of("a/kept.html"), first))
        .isInstanceOf(SiteWriter.UnsafeOutputException.class);
    assertThat(tree(foreign)).containsOnlyKeys("a/kept.html");
  }

  @Test
  void refusesToKeepAFileTheSiteDoesNotHave() {
    assertThatThrownBy(() -> new SiteCommitter().commit(out, next(), List.of("no/such.html"), first))
        .hasMessageContaining("no file no/such.html");
  }
}
