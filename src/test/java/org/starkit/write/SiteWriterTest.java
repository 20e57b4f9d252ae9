package org.starkit.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {
  @TempDir
  Path tmp;

  private static Object identity(Path p) throws IOException {
    return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
  }

  @Test
  void rewriteReusesUnchangedFilesAndWritesChangedOnes() throws IOException {
    Path out = tmp.resolve("site");
    SiteWriter writer = new SiteWriter();
    writer.write(out, List.of(OutputFile.text("a/b/same.html", "same"), OutputFile.text("a/changed.html", "old"),
        OutputFile.text("gone.html", "gone")));
    Object same = identity(out.resolve("a/b/same.html"));
    Object changed = identity(out.resolve("a/changed.html"));
    SiteManifest manifest = writer.writeSite(out, List.of(OutputFile.text("a/b/same.html", "same"),
        OutputFile.text("a/changed.html", "new!"), OutputFile.text("c/d/new.html", "new")));
    assertThat(Files.readString(out.resolve("a/b/same.html"))).isEqualTo("same");
    assertThat(Files.readString(out.resolve("a/changed.html"))).isEqualTo("new!");
    assertThat(Files.readString(out.resolve("c/d/new.html"))).isEqualTo("new");
    assertThat(out.resolve("gone.html")).doesNotExist();
    if (same != null) { // file systems without file keys cannot show the link
      assertThat(identity(out.resolve("a/b/same.html"))).isEqualTo(same);
      assertThat(identity(out.resolve("a/changed.html"))).isNotEqualTo(changed);
    }
    assertThat(manifest.files()).containsOnlyKeys("a/b/same.html", "a/changed.html", "c/d/new.html", SiteWriter.MARKER);
    assertThat(manifest.dirs()).containsOnlyKeys("", "a", "a/b", "c", "c/d");
    assertThat(manifest.matches(out)).isTrue();
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void manifestNoLongerMatchesAfterAnyChangeByHand() throws IOException {
    Path out = tmp.resolve("site");
    List<OutputFile> files = List.of(OutputFile.text("a/one.html", "one"), OutputFile.text("two.html", "two"));
    SiteManifest m = new SiteWriter().writeSite(out, files);
    assertThat(m.matches(out)).isTrue();
    Files.writeString(out.resolve("a/extra.html"), "extra");
    assertThat(m.matches(out)).isFalse();
    m = new SiteWriter().writeSite(out, files);
    Files.delete(out.resolve("a/one.html"));
    assertThat(m.matches(out)).isFalse();
    m = new SiteWriter().writeSite(out, files);
    Files.writeString(out.resolve("two.html"), "2wo, same size but later");
    assertThat(m.matches(out)).isFalse();
  }
}
