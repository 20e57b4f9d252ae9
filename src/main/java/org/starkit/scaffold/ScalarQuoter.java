package org.starkit.scaffold;

import java.util.regex.Pattern;

/** Writes text as a YAML scalar that reads back unchanged: plain when that is safe, else double-quoted. */
final class ScalarQuoter {
  /** Plain scalars people can edit comfortably; anything else is quoted. */
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ,.'()?!/_-]*");
  private static final Pattern SPECIAL_WORD = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~");

  private ScalarQuoter() {}

  /** The text as a block-context scalar. */
  static String quote(String text) {
    boolean plain = PLAIN.matcher(text).matches() && !text.endsWith(" ") && !SPECIAL_WORD.matcher(text).matches()
        && !text.matches("[0-9.]+");
    return plain ? text : quoted(text);
  }

  /** The text as a flow-context scalar, such as an item of {@code [a, b]}: no commas or brackets unquoted. */
  static String quoteInFlow(String text) {
    String q = quote(text);
    return q.indexOf(',') >= 0 && !q.startsWith("\"") ? quoted(text) : q;
  }

  private static String quoted(String text) {
    StringBuilder s = new StringBuilder("\"");
    text.codePoints().forEach(cp -> {
      if (cp == '"' || cp == '\\') {
        s.append('\\').appendCodePoint(cp);
      } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029
          || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF) {
        s.append(String.format("\\u%04x", cp));
      } else {
        s.appendCodePoint(cp);
      }
    });
    return s.append('"').toString();
  }
}
