package org.starkit.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.SiteManifest;

/**
 * The stored form of the two indexes every cached build reads, even one with nothing to do: the
 * source digests ({@link SourceDigests}) and the record of the last site ({@link BuildRecord}).
 * For a large curriculum they are tens of thousands of short strings, which a generic JSON mapper
 * decoded in a few tenths of a second of a one-core, not yet compiled start; here they are
 * length-prefixed UTF-8, read in one pass. Only the record's diagnostics, a list of small records
 * of their own, are JSON. A file starts with a magic number, {@link #VERSION}, its kind and the
 * {@link Fingerprints#code()} of the starkit that wrote it; one of another kind, format or starkit,
 * truncated, or with bytes after its end reads as missing, never as another index.
 */
final class IndexCodec {
  /** "SKIX": a starkit index. */
  private static final int MAGIC = 0x534B4958;
  /** Bumped whenever the layout below changes. */
  static final int VERSION = 1;
  private static final byte SOURCES = 'S';
  private static final byte RECORD = 'R';
  private static final TypeReference<List<Diagnostic>> DIAGNOSTICS = new TypeReference<>() {};

  private final JsonMapper json;

  IndexCodec(JsonMapper json) {
    this.json = json;
  }

  byte[] encodeSources(String code, Map<String, SourceDigests.Entry> files) throws IOException {
    Writer out = new Writer(SOURCES, code, files.size() * 96);
    out.out.writeInt(files.size());
    for (Map.Entry<String, SourceDigests.Entry> e : new TreeMap<>(files).entrySet()) {
      out.string(e.getKey());
      out.string(e.getValue().stamp());
      out.string(e.getValue().sha256());
    }
    return out.bytes();
  }

  /** The source digests in {@code bytes}, when they are a whole index of this format written by {@code code}. */
  Optional<Map<String, SourceDigests.Entry>> decodeSources(byte[] bytes, String code) {
    try {
      Reader in = new Reader(bytes, SOURCES, code);
      int n = in.count();
      Map<String, SourceDigests.Entry> files = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        files.put(in.string(), new SourceDigests.Entry(in.string(), in.string()));
      }
      return in.end(files);
    } catch (RuntimeException e) { // BufferUnderflowException, a length past the end
      return Optional.empty();
    }
  }

  byte[] encodeRecord(BuildRecord r) throws IOException {
    Writer out = new Writer(RECORD, r.code(), (r.bodies().size() + r.site().files().size()) * 96);
    out.string(r.inputs());
    out.string(r.structure());
    out.out.writeInt(r.lessons());
    out.out.writeInt(r.files());
    out.map(r.bodies());
    out.map(r.site().files());
    out.map(r.site().dirs());
    LengthPrefixed.write(out.out, json.writeValueAsBytes(r.diagnostics()));
    return out.bytes();
  }

  /** The build record in {@code bytes}, when it is a whole index of this format written by {@code code}. */
  Optional<BuildRecord> decodeRecord(byte[] bytes, String code) {
    try {
      Reader in = new Reader(bytes, RECORD, code);
      String inputs = in.string();
      String structure = in.string();
      int lessons = in.buffer.getInt();
      int files = in.buffer.getInt();
      Map<String, String> bodies = in.map();
      SiteManifest site = new SiteManifest(in.map(), in.map());
      List<Diagnostic> diagnostics = json.readValue(LengthPrefixed.bytes(in.buffer), DIAGNOSTICS);
      return in.end(new BuildRecord(code, inputs, structure, bodies, lessons, diagnostics, files, site));
    } catch (IOException | RuntimeException e) { // a length past the end, a bad JSON part, a null
      return Optional.empty();
    }
  }

  private static final class Writer {
    private final ByteArrayOutputStream bytes;
    final DataOutputStream out;

    Writer(byte kind, String code, int expected) throws IOException {
      bytes = new ByteArrayOutputStream(Math.max(64, expected));
      out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeByte(kind);
      string(code);
    }

    void string(String s) throws IOException {
      LengthPrefixed.write(out, s);
    }

    void map(Map<String, String> m) throws IOException {
      out.writeInt(m.size());
      for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
        string(e.getKey());
        string(e.getValue());
      }
    }

    byte[] bytes() throws IOException {
      out.flush();
      return bytes.toByteArray();
    }
  }

  private static final class Reader {
    final ByteBuffer buffer;

    Reader(byte[] bytes, byte kind, String code) {
      buffer = ByteBuffer.wrap(bytes);
      if (buffer.getInt() != MAGIC || buffer.getInt() != VERSION || buffer.get() != kind || !string().equals(code)) {
        throw new IllegalArgumentException("not an index of this kind, format or starkit");
      }
    }

    int count() {
      return LengthPrefixed.count(buffer);
    }

    String string() {
      return LengthPrefixed.string(buffer);
    }

    Map<String, String> map() {
      int n = count();
      Map<String, String> m = new HashMap<>(n * 4 / 3 + 1);
      for (int i = 0; i < n; i++) {
        m.put(string(), string());
      }
      return m;
    }

    <T> Optional<T> end(T value) {
      return buffer.hasRemaining() ? Optional.empty() : Optional.of(value);
    }
  }
}
