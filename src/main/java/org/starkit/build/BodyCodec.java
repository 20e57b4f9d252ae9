package org.starkit.build;

import static org.starkit.build.LengthPrefixed.count;
import static org.starkit.build.LengthPrefixed.string;
import static org.starkit.build.LengthPrefixed.write;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Severity;
import org.starkit.markdown.Heading;
import org.starkit.markdown.PageLink;
import org.starkit.markdown.RenderedPage;

/**
 * The stored form of one rendered body in the build cache, as length-prefixed UTF-8 and numbers.
 * A rebuild reads every body it shows (ten thousand for a large curriculum) but needs the HTML of
 * only the pages it renders again, so an entry is a head (the lengths of the HTML parts, the
 * search words, headings, links and diagnostics), decoded when the entry is read, then the HTML,
 * decoded when a page first asks for it ({@link RenderedPage#withStoredHtml}). The instructor's
 * HTML of a body without instructor notes is the learner's, stored once (a length of
 * {@value #SAME_AS_LEARNER}). An entry starts with a magic number and {@link #VERSION}: one of
 * another format, truncated, with bytes after its end or otherwise not as written reads as
 * missing, never as another body.
 */
final class BodyCodec {
  /** "SKBD": a starkit body. */
  private static final int MAGIC = 0x534B4244;
  /** Bumped whenever the layout below changes. */
  static final int VERSION = 3;
  /** The length that stands for "the instructor's HTML is the learner's". */
  private static final int SAME_AS_LEARNER = -1;
  private static final Severity[] SEVERITIES = Severity.values();

  byte[] encode(RenderedPage page) throws IOException {
    byte[] learner = page.learnerHtml().getBytes(StandardCharsets.UTF_8);
    byte[] instructor = page.instructorHtml().equals(page.learnerHtml()) ? null
        : page.instructorHtml().getBytes(StandardCharsets.UTF_8);
    byte[] notes = page.instructorNotes().getBytes(StandardCharsets.UTF_8);
    int html = learner.length + (instructor == null ? 0 : instructor.length) + notes.length;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(html + page.searchWords().length() + 1024);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(learner.length);
    out.writeInt(instructor == null ? SAME_AS_LEARNER : instructor.length);
    out.writeInt(notes.length);
    write(out, page.searchWords());
    out.writeInt(page.headings().size());
    for (Heading h : page.headings()) {
      out.writeInt(h.level());
      write(out, h.text());
      write(out, h.id());
    }
    out.writeInt(page.pageLinks().size());
    for (PageLink l : page.pageLinks()) {
      write(out, l.target());
      write(out, l.anchor());
      out.writeInt(l.line());
      out.writeInt(l.column());
    }
    out.writeInt(page.diagnostics().size());
    for (Diagnostic d : page.diagnostics()) {
      write(out, d.file());
      out.writeInt(d.line());
      out.writeInt(d.column());
      out.writeByte(d.severity().ordinal());
      write(out, d.code());
      write(out, d.message());
      write(out, d.hint());
    }
    out.write(learner);
    if (instructor != null) {
      out.write(instructor);
    }
    out.write(notes);
    out.flush();
    return bytes.toByteArray();
  }

  /** The body stored in {@code bytes}, or empty when they are not a whole entry of this format. */
  Optional<RenderedPage> decode(byte[] bytes) {
    return decode(ByteBuffer.wrap(bytes), null);
  }

  /**
   * The body stored in the bytes from the buffer's position to its limit, or empty when they are
   * not a whole entry of this format. Its HTML is decoded from the same bytes when first asked
   * for (absolute reads, from any thread); nobody changes them meanwhile.
   *
   * @param file the file the buffer maps, named if it was cut short meanwhile; null for bytes in the heap
   */
  Optional<RenderedPage> decode(ByteBuffer entry, Path file) {
    try {
      ByteBuffer in = entry.slice();
      if (in.getInt() != MAGIC || in.getInt() != VERSION) {
        return Optional.empty();
      }
      int learner = in.getInt();
      int instructor = in.getInt();
      int notes = in.getInt();
      if (learner < 0 || instructor < SAME_AS_LEARNER || notes < 0) {
        return Optional.empty();
      }
      String words = string(in);
      List<Heading> headings = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        headings.add(new Heading(in.getInt(), string(in), string(in)));
      }
      List<PageLink> links = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        links.add(new PageLink(string(in), string(in), in.getInt(), in.getInt()));
      }
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (int i = count(in); i > 0; i--) {
        diagnostics.add(new Diagnostic(string(in), in.getInt(), in.getInt(), SEVERITIES[in.get()], string(in),
            string(in), string(in)));
      }
      long htmlBytes = (long) learner + Math.max(instructor, 0) + notes;
      if (htmlBytes != in.remaining()) { // short, or bytes after the end
        return Optional.empty();
      }
      int at = in.position();
      return Optional.of(RenderedPage.withStoredHtml(() -> html(in, at, learner, instructor, notes, file), notes > 0,
          headings, links, diagnostics, words));
    } catch (RuntimeException e) { // BufferUnderflowException, a length past the end, a bad severity
      return Optional.empty();
    }
  }

  /** The HTML parts that follow the head, their lengths checked against the entry when it was read. */
  private static RenderedPage.Html html(ByteBuffer in, int at, int learner, int instructor, int notes, Path file) {
    try {
      String l = string(in, at, learner);
      int next = at + learner;
      String i = l;
      if (instructor != SAME_AS_LEARNER) {
        i = string(in, next, instructor);
        next += instructor;
      }
      return new RenderedPage.Html(l, i, string(in, next, notes));
    } catch (InternalError e) { // a mapped file cut short by someone else since it was mapped
      throw new UncheckedIOException(new FileSystemException(String.valueOf(file), null,
          "it was cut short while the build read it; build again"));
    }
  }
}
