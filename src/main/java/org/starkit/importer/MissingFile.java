package org.starkit.importer;

/**
 * A file that an imported chapter refers to and the source lacks: what the lesson shows in place of
 * the reference, and the to-do item that names it in the lesson's {@code todo} field.
 *
 * @param kind "page" for Markdown pages, "file" otherwise
 * @param shown the path as the lesson would use it, relative to the lesson
 * @param where why it is missing, such as "missing from the source (episodes/fig/x.png)"
 */
record MissingFile(String kind, String shown, String where) {
  private static final int MAX_QUOTE = 60;

  /**
   * @param shown the path relative to the lesson
   * @param sourcePath the path in the source, named too when it differs from {@code shown}
   * @param why "missing from the source" or "outside the imported folder"
   */
  static MissingFile of(String shown, String sourcePath, String why) {
    boolean page = sourcePath.endsWith(".md") || sourcePath.endsWith(".Rmd");
    return new MissingFile(page ? "page" : "file", shown, shown.equals(sourcePath) ? why : why + " (" + sourcePath + ")");
  }

  /** What replaces an image: its alt text, marked so that readers and authors see the gap. */
  String imageText(String alt) {
    String fence = shown.contains("`") ? "`` " : "`";
    String text = alt.strip();
    return "*\\[image missing: " + fence + shown + new StringBuilder(fence).reverse()
        + (text.isEmpty() ? "" : " — " + text) + "\\]*";
  }

  String imageTodo() {
    return "the image " + shown + ", " + where + ": the text says 'image missing' where it goes";
  }

  /** @param label the link's text, as Markdown */
  String linkTodo(String label) {
    String plain = ProseReader.plain(label);
    String quoted = plain.length() <= MAX_QUOTE ? plain : plain.substring(0, MAX_QUOTE - 1).strip() + "…";
    return "the " + kind + " " + shown + " that '" + quoted + "' linked to, " + where
        + ": the link text is kept without the link";
  }

  /** @param label the definition's label, such as {@code [data]} */
  String definitionTodo(String label) {
    return "the " + kind + " " + shown + " that the link definition " + label + " pointed to, " + where
        + ": the definition was removed, so links that use it show as plain text";
  }
}
