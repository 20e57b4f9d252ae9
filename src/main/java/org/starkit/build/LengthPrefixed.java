package org.starkit.build;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The fields the build cache's binary files ({@link BodyCodec}, {@link IndexCodec}) are made of:
 * big-endian ints, and byte strings and UTF-8 text after their length. Every length and count is
 * checked against what is left, so a spoiled one fails the read with an
 * {@link IllegalArgumentException} instead of reading past the end or allocating for it.
 */
final class LengthPrefixed {
  private LengthPrefixed() {}

  static void write(DataOutputStream out, String s) throws IOException {
    write(out, s.getBytes(StandardCharsets.UTF_8)); // a null is refused here: the file is not written
  }

  static void write(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /** A count of items that follow, each at least four bytes. */
  static int count(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 4) {
      throw new IllegalArgumentException("count " + n + " past the end");
    }
    return n;
  }

  /** A length of bytes that follow. */
  static int length(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("length " + n + " past the end");
    }
    return n;
  }

  /** The UTF-8 text of the length that comes first. */
  static String string(ByteBuffer in) {
    int n = length(in);
    String s = string(in, in.position(), n);
    in.position(in.position() + n);
    return s;
  }

  /** The bytes of the length that comes first. */
  static byte[] bytes(ByteBuffer in) {
    byte[] b = new byte[length(in)];
    in.get(b);
    return b;
  }

  /** The UTF-8 text of {@code n} bytes at {@code at}, read without moving the buffer (any thread). */
  static String string(ByteBuffer in, int at, int n) {
    if (in.hasArray()) {
      return new String(in.array(), in.arrayOffset() + at, n, StandardCharsets.UTF_8);
    }
    byte[] b = new byte[n];
    in.get(at, b, 0, n);
    return new String(b, StandardCharsets.UTF_8);
  }
}
