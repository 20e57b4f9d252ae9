package org.starkit.badge;

import java.util.List;
import java.util.Map;

/**
 * Writes the JSON of a badge's documents (maps, lists, strings, booleans, whole numbers) byte for
 * byte as Nimbus writes a JWS payload (compact, no HTML escaping), but without Gson's reflection, and
 * pasting documents that are the same in every award (the achievement, the issuer) from text written
 * once: issuing a roster serialises only what differs from one award to the next.
 */
final class JsonEncoder {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Values (by identity) whose JSON text is already known. */
  private final Map<Object, String> known;

  /** @param known JSON text of values met by identity, e.g. from {@link #encode}; not copied, never changed */
  JsonEncoder(Map<Object, String> known) {
    this.known = known;
  }

  String encode(Object value) {
    StringBuilder out = new StringBuilder(1024);
    write(out, value);
    return out.toString();
  }

  private void write(StringBuilder out, Object value) {
    String text = known.isEmpty() || value instanceof String ? null : known.get(value);
    if (text != null) {
      out.append(text);
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) e.getKey());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("no JSON for a " + (value == null ? "null" : value.getClass().getName()));
    }
  }

  /** A JSON string as Gson writes it without HTML escaping. */
  static void string(StringBuilder out, String s) {
    out.append('"');
    int done = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape;
      if (c >= 0x20 && c != '"' && c != '\\' && c != '\u2028' && c != '\u2029') {
        continue;
      }
      switch (c) {
        case '"' -> escape = "\\\"";
        case '\\' -> escape = "\\\\";
        case '\t' -> escape = "\\t";
        case '\b' -> escape = "\\b";
        case '\n' -> escape = "\\n";
        case '\r' -> escape = "\\r";
        case '\f' -> escape = "\\f";
        default -> escape = "\\u" + HEX[c >> 12] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
      }
      out.append(s, done, i).append(escape);
      done = i + 1;
    }
    out.append(s, done, s.length()).append('"');
  }
}
