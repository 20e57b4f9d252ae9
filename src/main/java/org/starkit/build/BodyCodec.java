package org.starkit.build;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.starkit.markdown.RenderedPage;

/**
 * The stored form of one rendered body in the build cache. A build reads every body it shows (ten
 * thousand for a large curriculum), and decoding the HTML, most of the bytes, through a JSON parser
 * was most of that time; so the HTML and the search words are stored as length-prefixed UTF-8,
 * and only the small rest (headings, links, diagnostics) as JSON. The instructor's HTML of a body
 * without instructor notes is the learner's, stored once (a length of {@value #SAME_AS_LEARNER}).
 * An entry starts with a magic number and {@link #VERSION}: one of another format, truncated, with
 * bytes after its end or otherwise not as written reads as missing, never as another body.
 */
final class BodyCodec {
  /** "SKBD": a starkit body. */
  private static final int MAGIC = 0x534B4244;
  /** Bumped whenever the layout below changes. */
  static final int VERSION = 2;
  /** The length that stands for "the instructor's HTML is the learner's". */
  private static final int SAME_AS_LEARNER = -1;

  private final JsonMapper json;

  BodyCodec(JsonMapper json) {
    this.json = json;
  }

  byte[] encode(RenderedPage page) throws IOException {
    byte[] rest = json.writeValueAsBytes(new RenderedPage("", "", "", page.headings(), page.pageLinks(),
        page.diagnostics(), ""));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(rest.length + page.learnerHtml().length()
        + page.instructorHtml().length() + page.instructorNotes().length() + page.searchWords().length() + 64);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    write(out, rest);
    write(out, page.learnerHtml().getBytes(StandardCharsets.UTF_8));
    if (page.instructorHtml().equals(page.learnerHtml())) {
      out.writeInt(SAME_AS_LEARNER);
    } else {
      write(out, page.instructorHtml().getBytes(StandardCharsets.UTF_8));
    }
    for (String s : new String[] {page.instructorNotes(), page.searchWords()}) {
      write(out, s.getBytes(StandardCharsets.UTF_8));
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The body stored in {@code bytes}, or empty when they are not a whole entry of this format. */
  Optional<RenderedPage> decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.getInt() != MAGIC || in.getInt() != VERSION) {
        return Optional.empty();
      }
      int restLength = checked(in, in.getInt());
      RenderedPage rest = json.readValue(bytes, in.position(), restLength, RenderedPage.class);
      in.position(in.position() + restLength);
      String learner = string(in);
      int instructorLength = in.getInt();
      String instructor = instructorLength == SAME_AS_LEARNER ? learner : string(in, instructorLength);
      String notes = string(in);
      String words = string(in);
      if (rest == null || in.hasRemaining()) {
        return Optional.empty();
      }
      return Optional.of(new RenderedPage(learner, instructor, notes, rest.headings(), rest.pageLinks(),
          rest.diagnostics(), words));
    } catch (IOException | RuntimeException e) { // BufferUnderflowException, a length past the end, a bad JSON part
      return Optional.empty();
    }
  }

  private static void write(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static int checked(ByteBuffer in, int n) {
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("length " + n + " past the end of the entry");
    }
    return n;
  }

  private static String string(ByteBuffer in) {
    return string(in, in.getInt());
  }

  /** The UTF-8 string of {@code length} bytes that follows, its length already read. */
  private static String string(ByteBuffer in, int length) {
    int n = checked(in, length);
    String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }
}
