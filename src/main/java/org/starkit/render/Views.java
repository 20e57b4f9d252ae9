package org.starkit.render;

import java.util.List;

/**
 * The records templates receive. Templates see only these: plain data, already escaped where it is
 * HTML, with every link given relative to the site root (templates prefix {@code layout.root}).
 */
public final class Views {
  private Views() {}

  /** Site-wide facts every page shows. */
  public record SiteView(String title, String description, String repository, String baseUrl) {}

  /** A link in a navigation list; {@code current} marks the page being shown. */
  public record NavLink(String title, String path, boolean current) {}

  /**
   * What the base layout needs.
   *
   * @param root relative path from the page to the site root, such as {@code ../../}
   * @param canonical absolute URL of the page when the base URL is known, else empty
   * @param chromeKey equal for two pages exactly when their site, root, language and navigation
   *     (which item is current included) are equal: what the site header and footer show. The
   *     default theme's {@code base.peb} renders them once per key with Pebble's {@code cache}
   *     tag, so pages sharing a navigation share its rendering; a theme may cache any part of the
   *     layout that shows only those
   */
  public record Layout(SiteView site, String root, String title, String description, String lang, String canonical,
      List<NavLink> nav, String chromeKey) {
    public Layout(SiteView site, String root, String title, String description, String lang, String canonical,
        List<NavLink> nav) {
      this(site, root, title, description, lang, canonical, nav, chromeKey(site, root, lang, nav));
    }

    private static String chromeKey(SiteView site, String root, String lang, List<NavLink> nav) {
      StringBuilder b = new StringBuilder(256);
      for (String part : new String[] {lang, root, site.title(), site.description(), site.repository(), site.baseUrl()}) {
        b.append(part.length()).append(':').append(part);
      }
      for (NavLink link : nav) {
        b.append(link.current() ? '*' : '-').append(link.title().length()).append(':').append(link.title())
            .append(link.path().length()).append(':').append(link.path());
      }
      return b.toString();
    }
  }

  /**
   * A lesson as listings show it.
   *
   * @param lang the lesson's language
   * @param languageName the name of that language when it is not the page's, else empty
   */
  public record LessonCard(String id, String title, String summary, String level, String levelTitle,
      String duration, String path, String lang, String languageName) {}

  /** A link to a lesson in another language: its tag, the language's own name, the lesson's title. */
  public record TranslationLink(String lang, String name, String title, String path) {}

  /** One group of lessons on a listing page, such as the beginner lessons of a tag. */
  public record ListingGroup(String id, String title, String note, List<LessonCard> lessons) {}

  /** A page listing lessons: a level, a time commitment, a tag or all lessons. */
  public record ListingView(String heading, String intro, int count, List<ListingGroup> groups) {}

  /** A column of the home page grid: one time commitment. */
  public record GridColumn(String id, String title, String length, String path) {}

  /** A cell of the home page grid: how many lessons of a level fit a time commitment. */
  public record GridCell(String formatTitle, int count, String path) {}

  /** A row of the home page grid: one level. */
  public record GridRow(String level, String title, String path, int count, List<GridCell> cells) {}

  /** A tag with its lesson count. */
  public record TagLink(String tag, int count, String path) {}

  /** A guide as linked from the home page. */
  public record GuideLink(String title, String summary, String path) {}

  public record HomeView(String description, int lessonCount, List<GridColumn> columns, List<GridRow> rows,
      List<TagLink> tags, List<GuideLink> guides, KitViews.Finder finder, int kitCount,
      List<KitViews.EventCard> upcoming, String today) {}

  public record TagIndexView(List<TagLink> tags) {}

  /** An author; {@code url} links to their GitHub or ORCID profile, or is empty. */
  public record AuthorView(String name, String url) {}

  /**
   * A lesson page, learner or instructor view.
   *
   * @param body the rendered, sanitized lesson body
   * @param otherViewPath the instructor view from the learner view, and back
   * @param formatTitle the shortest time commitment that can teach it from scratch, or empty
   * @param original the lesson this one translates, or null
   * @param translations the translations of this lesson, by language
   */
  public record LessonView(String id, String title, String level, String levelTitle, String levelPath,
      String duration, String teaching, String exercises, String summary, List<String> objectives,
      List<LessonCard> prerequisites, List<LessonCard> dependents, List<String> tags, List<String> setup,
      List<AuthorView> authors, String license, String licenseUrl, List<String> attribution, String editUrl,
      String body, boolean instructor, boolean hasInstructorNotes, String otherViewPath, String formatTitle,
      String formatPath, String pathDuration, String badge, String lang, TranslationLink original,
      List<TranslationLink> translations) {}

  /** One front-matter field for the contributor guide's reference table. */
  public record FieldView(String key, boolean required, String type, String description, String example) {}

  /** A guide page; {@code fields} is the front-matter reference, shown on the contributor guide. */
  public record GuideView(String title, String summary, String body, List<FieldView> fields,
      List<String> levels, List<String> licenses, List<String> callouts) {}
}
