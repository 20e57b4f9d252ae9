package org.starkit.markdown;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The text of the URLs the site's pages link with, shared by what writes links (the Markdown
 * stage) and what reads them back (offline packs): percent-encoding of site paths, its lenient
 * inverse, and whether a URL names a scheme.
 */
public final class UrlPaths {
  private UrlPaths() {}

  /** A site path percent-encoded for a link: unreserved characters and "/" stay, every other byte is escaped. */
  public static String encode(String path) {
    StringBuilder s = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
        s.append(c);
      } else {
        s.append('%').append(String.format("%02X", (int) c));
      }
    }
    return s.toString();
  }

  /**
   * The path a link's percent-encoded path names: "+" stays a plus (it is a space only in query
   * strings), and a path with a malformed escape, which a hostile page may hold, is taken as written.
   */
  public static String decode(String path) {
    if (path.indexOf('%') < 0) {
      return path;
    }
    try {
      return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  /** Whether a URL starts with a scheme ({@code https:}, {@code JavaScript:}): {@code ^[a-zA-Z][a-zA-Z0-9+.-]*:}. */
  public static boolean hasScheme(CharSequence url) {
    if (url.length() == 0 || !isAsciiLetter(url.charAt(0))) {
      return false;
    }
    for (int i = 1; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    return false;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
