package org.starkit.serve;

import java.util.Locale;
import java.util.Map;

/** The media type of a site file, from its extension; text types say they are UTF-8. */
final class ContentTypes {
  private static final String UTF8 = "; charset=utf-8";
  static final String HTML = "text/html" + UTF8;
  static final String TEXT = "text/plain" + UTF8;
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", HTML),
      Map.entry("css", "text/css" + UTF8),
      Map.entry("js", "text/javascript" + UTF8),
      Map.entry("json", "application/json" + UTF8),
      Map.entry("xml", "application/xml" + UTF8),
      Map.entry("svg", "image/svg+xml" + UTF8),
      Map.entry("ics", "text/calendar" + UTF8),
      Map.entry("txt", TEXT),
      Map.entry("csv", "text/csv" + UTF8),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("zip", "application/zip"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("woff2", "font/woff2"));

  private ContentTypes() {}

  /** The Content-Type for a site path; {@code application/octet-stream} when the extension is unknown. */
  static String of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
  }

  /** Whether a site path is a page, which the preview gives the reload script. */
  static boolean isHtml(String path) {
    return of(path).equals(HTML);
  }
}
