package org.starkit.render;

/** Where kit and event pages live in the site. */
public final class KitPaths {
  private KitPaths() {}

  public static String index() {
    return "kits/index.html";
  }

  public static String kit(String id) {
    return "kits/" + id + "/index.html";
  }

  /** A sub-page of a kit: setup, checklist, coaches, messages, instructor or print. */
  public static String page(String id, String name) {
    return "kits/" + id + "/" + name + ".html";
  }

  public static String zip(String id) {
    return "kits/" + id + ".zip";
  }

  public static String events() {
    return "events/index.html";
  }

  public static String event(String id) {
    return "events/" + id + "/index.html";
  }

  public static String calendar(String id) {
    return "events/" + id + "/" + id + ".ics";
  }
}
