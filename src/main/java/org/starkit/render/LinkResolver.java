package org.starkit.render;

import java.util.ArrayDeque;
import java.util.Deque;
import org.starkit.markdown.UrlPaths;

/**
 * Resolves the URL of a link on a page of the site to the site path it names, as an offline pack
 * must to know what a page uses and which of its links leave the pack. Plain character checks, no
 * regular expressions: a pack resolves every link of every page it carries.
 */
final class LinkResolver {
  private LinkResolver() {}

  /** The site path a relative URL on {@code page} names, or null for absolute URLs and same-page anchors. */
  static String resolve(String page, String url) {
    if (url.isEmpty() || url.startsWith("#") || url.startsWith("/") || UrlPaths.hasScheme(url)) {
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
    return UrlPaths.decode(joined);
  }
}
