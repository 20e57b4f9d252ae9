package org.starkit.serve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the raw path of a request into the path of a site file. Only names of files in the
 * in-memory site can come out: anything that could climb out of it or be read differently by
 * another program ({@code ..} and {@code .} segments, encoded slashes, backslashes, NUL, bad
 * escapes or bad UTF-8) is refused.
 */
final class RequestPaths {
  private RequestPaths() {}

  /**
   * The site path a raw, still percent-encoded request path names: {@code /} and {@code /dir/}
   * name {@code index.html} in that folder. Empty when the path is refused.
   */
  static Optional<String> resolve(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || rawPath.contains("\\")) {
      return Optional.empty();
    }
    Optional<String> decoded = decode(rawPath);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    String path = decoded.get().substring(1);
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\\') {
        return Optional.empty();
      }
    }
    return Optional.of(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
  }

  /** Decodes percent escapes as UTF-8; empty when an escape or the UTF-8 is malformed. */
  private static Optional<String> decode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        int end = raw.indexOf('%', i);
        end = end < 0 ? raw.length() : end;
        byte[] b = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
        i = end - 1;
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
