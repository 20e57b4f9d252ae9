package org.starkit.importer;

import java.util.List;

/** Writes text as YAML scalars: plain when YAML reads it back unchanged, double-quoted otherwise. */
final class YamlQuoter {
  private static final String SPECIAL_START = "-?:,[]{}#&*!|>'\"%@`";

  private YamlQuoter() {}

  static String scalar(String v) {
    boolean plain = !v.isEmpty() && v.equals(v.strip()) && v.chars().allMatch(c -> c >= 0x20 && c != 0x7f)
        && SPECIAL_START.indexOf(v.charAt(0)) < 0 && !v.contains(": ") && !v.contains(" #") && !v.endsWith(":")
        && !v.matches("(?i)y|n|yes|no|true|false|on|off|null|~|[-+.0-9].*");
    return plain ? v : quoted(v);
  }

  static String quoted(String v) {
    StringBuilder s = new StringBuilder("\"");
    v.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        s.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7f || cp == 0x85 || cp == 0x2028 || cp == 0x2029 || cp == 0xfeff) {
        s.append(String.format("\\u%04x", cp));
      } else {
        s.appendCodePoint(cp);
      }
    });
    return s.append('"').toString();
  }

  /** {@code key:} and one {@code - item} line per item, or nothing for an empty list. */
  static void list(StringBuilder y, String key, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    y.append(key).append(":\n");
    items.forEach(i -> y.append("  - ").append(scalar(i)).append('\n'));
  }

  /** {@code [a, b]} for ids, which never need quotes. */
  static String flow(List<String> ids) {
    return "[" + String.join(", ", ids) + "]";
  }
}
