package org.starkit.badge;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Bakes a credential into a PNG as one uncompressed {@code iTXt} chunk before {@code IEND}, and
 * reads it back. Every other chunk is copied byte for byte, so the image stays the same.
 * Reading refuses truncated files, bad checksums, compressed badge chunks and duplicates.
 */
public final class PngBaker {
  public static final String OB3 = "openbadgecredential";
  public static final String OB2 = "openbadges";
  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] ITXT = {'i', 'T', 'X', 't'};

  private PngBaker() {}

  /** The PNG cannot be read as a baked badge; the message says why. */
  public static final class BakeException extends Exception {
    private static final long serialVersionUID = 1L;

    BakeException(String message) {
      super(message);
    }
  }

  /** A badge found in an image: which keyword (3.0 or 2.0) and its text. */
  public record Baked(String keyword, String text) {}

  public static byte[] bake(byte[] png, String keyword, String text) throws BakeException {
    return bake(prepare(png), keyword, text);
  }

  /**
   * An image read and checked once, to bake many badges into: its chunks up to {@code IEND}, and
   * the keyword of each {@code iTXt} one (null for other chunks).
   */
  public record Template(byte[][] chunks, String[] keywords) {}

  public static Template prepare(byte[] png) throws BakeException {
    java.util.List<byte[]> chunks = new java.util.ArrayList<>();
    java.util.List<String> keywords = new java.util.ArrayList<>();
    forEachChunk(png, (type, data, raw) -> {
      chunks.add(raw);
      keywords.add(type.equals("iTXt") ? keyword(data) : null);
    });
    return new Template(chunks.toArray(new byte[0][]), keywords.toArray(new String[0]));
  }

  /**
   * The template with {@code text} as its one uncompressed {@code iTXt} chunk named
   * {@code keyword}, just before {@code IEND}, replacing any chunk of that name.
   */
  public static byte[] bake(Template png, String keyword, String text) {
    byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    int dataLength = k.length + 5 + t.length;
    byte[][] chunks = png.chunks();
    int size = SIGNATURE.length + 12 + dataLength;
    for (int i = 0; i < chunks.length; i++) {
      size += keyword.equals(png.keywords()[i]) ? 0 : chunks[i].length;
    }
    byte[] out = new byte[size];
    System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
    int pos = SIGNATURE.length;
    int last = chunks.length - 1; // IEND
    for (int i = 0; i < last; i++) {
      if (!keyword.equals(png.keywords()[i])) {
        System.arraycopy(chunks[i], 0, out, pos, chunks[i].length);
        pos += chunks[i].length;
      }
    }
    ByteBuffer b = ByteBuffer.wrap(out, pos, 12 + dataLength);
    b.putInt(dataLength).put(ITXT).put(k).put(new byte[5]).put(t);
    CRC32 crc = new CRC32();
    crc.update(out, pos + 4, 4 + dataLength);
    b.putInt((int) crc.getValue());
    pos += 12 + dataLength;
    System.arraycopy(chunks[last], 0, out, pos, chunks[last].length);
    return out;
  }

  public static Baked unbake(byte[] png) throws BakeException {
    Baked[] found = new Baked[1];
    forEachChunk(png, (type, data, raw) -> {
      if (!type.equals("iTXt")) {
        return;
      }
      String k = keyword(data);
      if (!k.equals(OB3) && !k.equals(OB2)) {
        return;
      }
      if (found[0] != null) {
        throw new BakeException("the image holds more than one badge chunk; a baked badge has exactly one");
      }
      int p = k.length() + 1;
      if (data.length < p + 2 || data[p] != 0) {
        throw new BakeException("the badge chunk is compressed, which the Open Badges baking rules forbid");
      }
      int lang = indexOf(data, p + 2);
      int translated = lang < 0 ? -1 : indexOf(data, lang + 1);
      if (translated < 0) {
        throw new BakeException("the badge chunk is malformed");
      }
      found[0] = new Baked(k, new String(data, translated + 1, data.length - translated - 1, StandardCharsets.UTF_8));
    });
    if (found[0] == null) {
      throw new BakeException("the image holds no badge (no iTXt chunk 'openbadgecredential' or 'openbadges')");
    }
    return found[0];
  }

  private interface ChunkVisitor {
    void visit(String type, byte[] data, byte[] raw) throws BakeException;
  }

  private static void forEachChunk(byte[] png, ChunkVisitor visitor) throws BakeException {
    if (png.length < 8 || !Arrays.equals(Arrays.copyOf(png, 8), SIGNATURE)) {
      throw new BakeException("the file is not a PNG image");
    }
    int pos = 8;
    boolean ended = false;
    while (pos < png.length) {
      if (pos + 12 > png.length) {
        throw new BakeException("the PNG is truncated");
      }
      long length = ByteBuffer.wrap(png, pos, 4).getInt() & 0xffffffffL;
      if (length > png.length - pos - 12L) {
        throw new BakeException("the PNG is truncated");
      }
      int len = (int) length;
      String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
      byte[] data = Arrays.copyOfRange(png, pos + 8, pos + 8 + len);
      CRC32 crc = new CRC32();
      crc.update(png, pos + 4, 4 + len);
      if ((int) crc.getValue() != ByteBuffer.wrap(png, pos + 8 + len, 4).getInt()) {
        throw new BakeException("the PNG chunk '" + type + "' has a bad checksum");
      }
      visitor.visit(type, data, Arrays.copyOfRange(png, pos, pos + 12 + len));
      pos += 12 + len;
      if (type.equals("IEND")) {
        ended = true;
        break;
      }
    }
    if (!ended) {
      throw new BakeException("the PNG is truncated (no IEND chunk)");
    }
  }

  private static String keyword(byte[] data) {
    int zero = indexOf(data, 0);
    return zero < 0 ? "" : new String(data, 0, zero, StandardCharsets.ISO_8859_1);
  }

  private static int indexOf(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
