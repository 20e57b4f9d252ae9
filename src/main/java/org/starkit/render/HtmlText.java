package org.starkit.render;

/**
 * Escapes text for HTML element content and quoted attribute values: the five markup-significant
 * characters, exactly as Pebble's default {@code html} strategy (unbescape's
 * {@code escapeHtml4Xml}) does. Templates use it as that strategy: unbescape builds its tables of
 * every HTML entity on first use, a tenth of a second at start-up that only five of them need.
 */
final class HtmlText {
  private HtmlText() {}

  static String escape(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && replacement(s.charAt(i)) == null) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char c = s.charAt(i);
      String r = replacement(c);
      if (r == null) {
        out.append(c);
      } else {
        out.append(r);
      }
    }
    return out.toString();
  }

  private static String replacement(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    };
  }
}
