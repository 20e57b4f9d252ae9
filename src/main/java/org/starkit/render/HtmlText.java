package org.starkit.render;

/** Escapes text for HTML element content and quoted attribute values. */
final class HtmlText {
  private HtmlText() {}

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
