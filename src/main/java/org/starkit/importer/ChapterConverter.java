package org.starkit.importer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The conversion every imported chapter goes through, in two steps so that importers can read
 * fields out of the cleaned text in between: {@link #clean} rewrites Pandoc and Workbench syntax,
 * {@link #finish} rewrites links and renumbers headings.
 */
final class ChapterConverter {
  private final LinkRewriter links;
  private final PandocCleaner cleaner = new PandocCleaner();

  ChapterConverter(LinkRewriter links) {
    this.links = links;
  }

  String clean(String markdown) {
    return cleaner.clean(markdown);
  }

  /**
   * @param from the chapter's path in the source, which its links are relative to
   * @param takeTitle whether the first level-1 heading is the title, to be taken out of the body
   */
  HeadingLeveler.Result finish(String from, String cleaned, boolean takeTitle) {
    HeadingLeveler.Result leveled = HeadingLeveler.level(links.rewrite(from, cleaned), takeTitle);
    return new HeadingLeveler.Result(leveled.text().strip().replaceAll("\n{3,}", "\n\n"), leveled.title());
  }

  /** What cleaning changed, over every chapter so far, then what link rewriting did. */
  List<String> notes() {
    Set<String> all = new LinkedHashSet<>(cleaner.notes());
    all.addAll(links.notes());
    return List.copyOf(all);
  }
}
