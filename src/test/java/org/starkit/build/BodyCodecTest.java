package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;

class BodyCodecTest {
  private final BodyCodec codec = new BodyCodec();

  /** A body with headings, a link to check, a warning, instructor notes and letters beyond ASCII. */
  private RenderedPage page() {
    String md = "## Schleifen über Listen\n\nSee [the other](other.md#names) and ![](pic.png).\n\n"
        + "```python\nfor x in [1, 2]:\n    print(x)  # ünïcödé ✓\n```\n\n"
        + ":::instructor\nAsk who has used a loop before.\n:::\n";
    RenderedPage p = new MarkdownRenderer().render("lessons/loops.md", md, "../",
        new LinkTargets(Map.of("lessons/other.md", "other/"), Map.of("lessons/pic.png", "pic.png")));
    assertThat(p.headings()).isNotEmpty();
    assertThat(p.pageLinks()).isNotEmpty();
    assertThat(p.diagnostics()).isNotEmpty();
    return p;
  }

  @Test
  void decodesWhatItEncoded() throws IOException {
    RenderedPage p = page();
    assertThat(codec.decode(codec.encode(p))).contains(p);
  }

  @Test
  void bodyWithoutInstructorNotesStoresItsHtmlOnceAndDecodesWhole() throws IOException {
    RenderedPage p = new MarkdownRenderer().render("lessons/plain.md", "# Plain\n\nNo notes for coaches here.\n", "../",
        new LinkTargets(Map.of(), Map.of()));
    assertThat(p.instructorHtml()).isEqualTo(p.learnerHtml());
    byte[] b = codec.encode(p);
    assertThat(codec.decode(b)).contains(p);
    RenderedPage twice = new RenderedPage(p.learnerHtml(), p.learnerHtml() + " ", p.instructorNotes(), p.headings(),
        p.pageLinks(), p.diagnostics(), p.searchWords());
    assertThat(codec.encode(twice).length).isGreaterThan(b.length + p.learnerHtml().length());
    assertThat(codec.decode(codec.encode(twice))).contains(twice);
    byte[] cut = Arrays.copyOf(b, b.length - 1);
    assertThat(codec.decode(cut)).isEmpty();
  }

  @Test
  void decodesAnEntryInsideALargerArrayAndItsHtmlWhenAskedFor() throws IOException {
    RenderedPage p = page();
    byte[] entry = codec.encode(p);
    byte[] pack = new byte[entry.length + 20];
    Arrays.fill(pack, (byte) 0x55);
    System.arraycopy(entry, 0, pack, 7, entry.length);
    RenderedPage read = codec.decode(ByteBuffer.wrap(pack, 7, entry.length), null).orElseThrow();
    assertThat(read.toString()).contains("(stored)"); // the HTML is not decoded yet
    assertThat(read.hasInstructorNotes()).isTrue();
    assertThat(read.headings()).isEqualTo(p.headings());
    assertThat(read.instructorNotes()).isEqualTo(p.instructorNotes());
    assertThat(read.toString()).doesNotContain("(stored)");
    assertThat(read).isEqualTo(p);
    assertThat(codec.decode(ByteBuffer.wrap(pack, 7, entry.length - 1), null)).isEmpty();
    assertThat(codec.decode(ByteBuffer.wrap(pack, 6, entry.length), null)).isEmpty();
    ByteBuffer direct = ByteBuffer.allocateDirect(pack.length).put(pack).position(7).limit(7 + entry.length);
    assertThat(codec.decode(direct, null)).contains(p); // as from a mapped pack: no array behind it
  }

  @Test
  void truncatedOrExtendedEntryReadsAsMissing() throws IOException {
    byte[] b = codec.encode(page());
    for (int n = 0; n < b.length; n++) {
      assertThat(codec.decode(Arrays.copyOf(b, n))).as("cut to %d bytes", n).isEmpty();
    }
    assertThat(codec.decode(Arrays.copyOf(b, b.length + 1))).isEmpty();
  }

  @Test
  void entryOfAnotherFormatReadsAsMissing() throws IOException {
    RenderedPage p = page();
    String earlier = "{\"learnerHtml\":\"" + p.learnerHtml().replace("\"", "\\\"") + "\",\"headings\":[]}";
    assertThat(codec.decode(earlier.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty(); // JSON entries of old
    byte[] b = codec.encode(p);
    ByteBuffer.wrap(b).putInt(4, BodyCodec.VERSION + 1);
    assertThat(codec.decode(b)).isEmpty();
  }

  @Test
  void spoiledLengthReadsAsMissing() throws IOException {
    byte[] b = codec.encode(page());
    ByteBuffer.wrap(b).putInt(8, Integer.MAX_VALUE);
    assertThat(codec.decode(b)).isEmpty();
    ByteBuffer.wrap(b).putInt(8, -1);
    assertThat(codec.decode(b)).isEmpty();
  }
}
