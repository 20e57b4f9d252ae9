package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.SiteManifest;

class IndexCodecTest {
  private static final String CODE = "code-of-this-starkit";
  private final IndexCodec codec = new IndexCodec(DiskCache.mapper());

  private static Map<String, SourceDigests.Entry> sources() {
    return Map.of(
        "lessons/schleifen-über-listen.md", new SourceDigests.Entry("812:1765000000123456789:(dev=803,ino=42)", "ab".repeat(32)),
        "lessons/images/loop.png", new SourceDigests.Entry("20000:1765000000000000000:", "cd".repeat(32)),
        "starkit.yml", new SourceDigests.Entry("31:1:(dev=803,ino=7)", "ef".repeat(32)));
  }

  private static BuildRecord record() {
    return new BuildRecord(CODE, "inputs-digest", "structure-digest",
        Map.of("lessons/loops.md", "k1", "guides/coaching.md", "k2"), 2,
        List.of(Diagnostic.warning("lessons/loops.md", 3, 5, "missing-alt", "The image 'x.png' has no alt text.",
            "Describe what the image shows: ✓ ünïcödé.")),
        41, new SiteManifest(Map.of("index.html", "f10:20:(dev=1,ino=2)", ".starkit-site", "f0:1:"),
            Map.of("", "d4096:1:", "lessons", "d4096:2:")));
  }

  @Test
  void decodesWhatItEncoded() throws IOException {
    assertThat(codec.decodeSources(codec.encodeSources(CODE, sources()), CODE)).contains(sources());
    assertThat(codec.decodeRecord(codec.encodeRecord(record()), CODE)).contains(record());
    assertThat(codec.decodeSources(codec.encodeSources(CODE, Map.of()), CODE)).contains(Map.of());
  }

  @Test
  void sameIndexGivesTheSameBytes() throws IOException {
    Map<String, SourceDigests.Entry> reordered = new java.util.LinkedHashMap<>();
    new java.util.TreeMap<>(sources()).descendingMap().forEach(reordered::put);
    assertThat(codec.encodeSources(CODE, reordered)).isEqualTo(codec.encodeSources(CODE, sources()));
  }

  @Test
  void indexOfAnotherStarkitKindOrFormatReadsAsMissing() throws IOException {
    byte[] sources = codec.encodeSources(CODE, sources());
    assertThat(codec.decodeSources(sources, "another-starkit")).isEmpty();
    assertThat(codec.decodeRecord(sources, CODE)).isEmpty();
    assertThat(codec.decodeSources(codec.encodeRecord(record()), CODE)).isEmpty();
    ByteBuffer.wrap(sources).putInt(4, IndexCodec.VERSION + 1);
    assertThat(codec.decodeSources(sources, CODE)).isEmpty();
    byte[] json = DiskCache.mapper().writeValueAsBytes(record()); // the JSON records of earlier builds
    assertThat(codec.decodeRecord(json, CODE)).isEmpty();
  }

  @Test
  void truncatedExtendedOrSpoiledIndexReadsAsMissing() throws IOException {
    byte[] r = codec.encodeRecord(record());
    for (int n = 0; n < r.length; n++) {
      assertThat(codec.decodeRecord(Arrays.copyOf(r, n), CODE)).as("cut to %d bytes", n).isEmpty();
    }
    assertThat(codec.decodeRecord(Arrays.copyOf(r, r.length + 1), CODE)).isEmpty();
    byte[] s = codec.encodeSources(CODE, sources());
    int count = 4 + 4 + 1 + 4 + CODE.length();
    ByteBuffer.wrap(s).putInt(count, Integer.MAX_VALUE);
    assertThat(codec.decodeSources(s, CODE)).isEmpty();
    ByteBuffer.wrap(s).putInt(count, -1);
    assertThat(codec.decodeSources(s, CODE)).isEmpty();
    ByteBuffer.wrap(s).putInt(count, 3).putInt(count + 4, -5);
    assertThat(codec.decodeSources(s, CODE)).isEmpty();
  }
}
