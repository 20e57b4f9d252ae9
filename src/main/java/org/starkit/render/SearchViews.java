package org.starkit.render;

import java.util.List;

/** The view records of the search page. */
public final class SearchViews {
  private SearchViews() {}

  /** A choice of a filter: a level or a time commitment. */
  public record Option(String id, String title) {}

  /**
   * A lesson in the catalog the page lists for readers without JavaScript.
   *
   * @param format the time commitment's id, matching the search index
   * @param formatTitle the time commitment's title
   */
  public record Entry(String id, String title, String summary, String level, String levelTitle, String format,
      String formatTitle, String duration, String path) {}

  /** The lessons of one level. */
  public record Group(String id, String title, List<Entry> lessons) {}

  /**
   * The search page.
   *
   * @param indexPath the search index script, relative to the site root
   * @param lunrPath the lunr script, relative to the site root
   */
  public record SearchView(int count, List<Group> groups, List<Option> levels, List<Option> formats,
      String indexPath, String lunrPath) {}
}
