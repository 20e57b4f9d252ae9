package org.starkit.markdown;

import java.util.Locale;
import org.jsoup.nodes.Attribute;

/**
 * The URL rules of the sanitizer: which link and image URLs may stay in a page, and which of them
 * are plain enough to be decided without jsoup's safelist check.
 */
final class UrlSafety {
  private UrlSafety() {}

  /**
   * Whether a URL the safelist let through may stay: relative, or http(s) or mailto once control
   * characters and spaces are squeezed out (so that {@code java\tscript:} is caught too).
   */
  static boolean isAllowedUrl(String url) {
    StringBuilder v = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        v.append(c);
      }
    }
    String value = v.toString().toLowerCase(Locale.ROOT);
    return !UrlPaths.hasScheme(value) || value.startsWith("http:") || value.startsWith("https:")
        || value.startsWith("mailto:");
  }

  /**
   * Whether an {@code a href} or {@code img src} is a URL the safelist surely allows, decided
   * without its check, which resolves every URL against the base (a few percent of a build). Plain
   * means: an http(s) URL with a host of letters, digits, dots and hyphens, a mailto link (links
   * only), or a relative URL that does not start with {@code //}; after the scheme and host only
   * letters, digits and {@code -._~/?#&=%+!$,;*()'}, so no colon, no second authority, no space or
   * control character. The safelist resolves each of those to an http(s) URL with a host (or keeps
   * the mailto), which it allows. Anything else goes to the safelist, so this only ever saves time,
   * never lets more through; a test compares the two over many generated URLs.
   */
  static boolean isPlainUrl(String tag, Attribute a) {
    boolean link = tag.equals("a") && a.getKey().equals("href");
    if (!link && !(tag.equals("img") && a.getKey().equals("src"))) {
      return false;
    }
    String value = a.getValue();
    int from = 0;
    if (value.startsWith("https://") || value.startsWith("http://")) {
      from = value.indexOf(':') + 3;
      int host = from;
      while (from < value.length() && isHostChar(value.charAt(from))) {
        from++;
      }
      if (from == host) {
        return false;
      }
    } else if (link && value.startsWith("mailto:")) {
      from = 7;
    } else if (value.isEmpty() || value.startsWith("//")) {
      return false;
    }
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/?#&=%+!$,;*()'".indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }
}
