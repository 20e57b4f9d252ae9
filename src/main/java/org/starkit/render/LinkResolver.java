package org.starkit.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves the URL of a link on a page of the site to the site path it names, as an offline pack
 * must to know what a page uses and which of its links leave the pack. Plain character checks, no
 * regular expressions: a pack resolves every link of every page it carries.
 */
final class LinkResolver {
  private LinkResolver() {}

  /** The site path a relative URL on {@code page} names, or null for absolute URLs and same-page anchors. */
  static String resolve(String page, String url) {
    if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || hasScheme(url)) {
      return null;
    }
    int query = 0;
    while (query < url.length() && url.charAt(query) != '#' && url.charAt(query) != '?') {
      query++;
    }
    String path = url.substring(0, query);
    Deque<String> parts = new ArrayDeque<>();
    String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : "";
    for (String s : (dir.isEmpty() ? path : dir + "/" + path).split("/", -1)) {
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else if (!s.equals(".") && !s.isEmpty()) {
        parts.addLast(s);
      }
    }
    String joined = String.join("/", parts) + (path.endsWith("/") ? "/" : "");
    return joined.indexOf('%') < 0 && joined.indexOf('+') < 0 ? joined : java.net.URLDecoder.decode(joined, StandardCharsets.UTF_8);
  }

  /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}): a letter, then letters, digits, "+", "." or "-", then ":". */
  private static boolean hasScheme(String url) {
    if (!isAsciiLetter(url.charAt(0))) {
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
