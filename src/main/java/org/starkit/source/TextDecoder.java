package org.starkit.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;

/**
 * Turns a source file into text: strict UTF-8, a leading byte-order mark dropped, CRLF and CR
 * line endings made LF. Binary files and invalid UTF-8 become diagnostics that say where.
 */
public final class TextDecoder {
  private TextDecoder() {}

  /** The decoded text, or empty with the problem added to {@code problems}. */
  public static Optional<String> decode(SourceFile file, java.util.List<Diagnostic> problems) {
    byte[] bytes = file.bytes();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] pos = position(bytes, i);
        problems.add(Diagnostic.error(file.path(), pos[0], pos[1], "binary-file",
            "This file contains a NUL byte, so it is binary, not text.",
            "Lessons and configuration must be UTF-8 text; give binary files another extension."));
        return Optional.empty();
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out;
    try {
      out = decoder.decode(in);
    } catch (CharacterCodingException e) {
      int bad = firstInvalid(bytes);
      int[] pos = position(bytes, bad);
      problems.add(Diagnostic.error(file.path(), pos[0], pos[1], "invalid-utf8",
          String.format("Byte 0x%02X at offset %d is not valid UTF-8.", bytes[bad] & 0xff, bad),
          "Save the file as UTF-8 in your editor (most editors offer 'Save with encoding')."));
      return Optional.empty();
    }
    return Optional.of(normalized(out.toString()));
  }

  /**
   * The text of a file whose bytes {@link #decode} took without a problem before (the caller knows
   * them by digest): the same text, without checking the bytes again.
   */
  public static String decodeValid(SourceFile file) {
    return normalized(new String(file.bytes(), StandardCharsets.UTF_8));
  }

  private static String normalized(String decoded) {
    String text = decoded;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.indexOf('\r') >= 0) {
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
    return text;
  }

  private static int firstInvalid(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : 0;
  }

  /** 1-based line and column (counted in bytes of that line, plus one) of a byte offset. */
  private static int[] position(byte[] bytes, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
