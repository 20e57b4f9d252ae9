package org.starkit.render;

/** Where each page lives in the built site. Every path is relative to the site root. */
public final class SitePaths {
  private SitePaths() {}

  public static String home() {
    return "index.html";
  }

  public static String lesson(String id) {
    return "lessons/" + id + "/index.html";
  }

  public static String instructor(String id) {
    return "lessons/" + id + "/instructor.html";
  }

  public static String allLessons() {
    return "lessons/index.html";
  }

  public static String level(String level) {
    return "levels/" + level + "/index.html";
  }

  public static String format(String format) {
    return "formats/" + format + "/index.html";
  }

  public static String tags() {
    return "tags/index.html";
  }

  public static String tag(String tag) {
    return "tags/" + tag + "/index.html";
  }

  public static String guide(String id) {
    return "guides/" + id + "/index.html";
  }

  /** The relative path from a page back to the root, such as {@code ../../} for {@code a/b/index.html}. */
  public static String rootFor(String path) {
    int depth = (int) path.chars().filter(c -> c == '/').count();
    return "../".repeat(depth);
  }

  /** The public URL of a page: directory pages end in a slash instead of {@code index.html}. */
  public static String publicPath(String path) {
    if (path.equals("index.html")) {
      return "";
    }
    return path.endsWith("/index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
  }
}
