package org.starkit.render;

import java.util.List;

/** The records kit and event templates receive. Paths are relative to the site root. */
public final class KitViews {
  private KitViews() {}

  /** A kit as listings and the finder show it. */
  public record KitCard(String id, String title, String summary, String level, String levelTitle, String format,
      String formatTitle, String length, String mode, String path) {}

  /** A cell of the "What can you run?" finder: the kits of one level and time commitment. */
  public record FinderCell(String formatTitle, List<KitCard> kits) {}

  public record FinderRow(String level, String title, List<FinderCell> cells) {}

  public record Finder(List<Views.GridColumn> columns, List<FinderRow> rows) {}

  public record KitIndexView(Finder finder, List<KitCard> kits) {}

  /** One row of a schedule table. {@code path} links a lesson's page, empty for other rows. */
  public record SlotView(String kind, String start, String end, String length, String title, String path) {}

  /** One day or evening of a schedule; {@code date} is empty on kit pages. */
  public record SessionView(String title, String date, String start, String end, String length, List<SlotView> slots) {}

  /** A checklist task; {@code due} is a real date on event pages, empty on kit pages. */
  public record ChecklistRow(String when, String due, String title, String detail) {}

  /** Something learners must install or bring, and the lessons that need it. */
  public record SetupNeed(String item, List<Views.LessonCard> lessons) {}

  public record MessageView(String id, String title, String when, String due, String subject, String body) {}

  /** The instructor notes of one lesson of a kit. */
  public record LessonNotes(Views.LessonCard lesson, String notes) {}

  /** A lesson of a kit with its learner body, for the printable kit. */
  public record LessonBody(Views.LessonCard lesson, String body) {}

  /** Links between the pages of one kit. */
  public record KitLinks(String kit, String setup, String checklist, String coaches, String messages,
      String instructor, String print, String zip) {}

  /**
   * Everything about one kit. Sub-pages (setup, checklist, coaches, messages, instructor notes,
   * print) receive the same record and show their part.
   *
   * @param timeline the schedule drawn as inline SVG, already safe
   */
  public record KitView(String id, String title, String summary, String level, String levelTitle, String levelPath,
      String formatTitle, String formatPath, String formatLength, String totalLength, String teachingLength,
      String audience, List<Views.LessonCard> assumes, int capacity, int learnersPerCoach, int coaches,
      int signupCap, int noShowPercent, String mode, boolean remote, String badge, String notes,
      List<SessionView> sessions, String timeline, List<Views.LessonCard> lessons, List<SetupNeed> setup,
      List<ChecklistRow> checklist, List<MessageView> messages, List<LessonNotes> instructorNotes,
      List<LessonBody> lessonBodies, String coachGuide, String coachGuidePath, KitLinks links) {}

  /** An event as listings show it. */
  public record EventCard(String id, String title, String date, String place, String kitTitle, String path) {}

  public record EventIndexView(String today, List<EventCard> upcoming, List<EventCard> past) {}

  /**
   * An event: its kit's view with real dates, checklist due dates and filled-in messages.
   *
   * @param calendar path of the event's .ics file
   */
  public record EventView(String id, String title, String dates, String place, boolean online, String timezone,
      String organizer, String contact, String signup, String calendar, KitCard kitCard, KitView kit) {}

  /** An achievement as listings show it. */
  public record BadgeCard(String id, String name, String description, String image, String path) {}

  public record BadgeIndexView(List<BadgeCard> badges, String verifyPath) {}

  /**
   * An achievement's permanent page.
   *
   * @param earnedBy lessons whose project earns it
   * @param kit the kit whose project earns it, or null
   */
  public record BadgeView(String id, String name, String description, String narrative, String image, String level,
      List<String> tags, String validity, List<Views.LessonCard> earnedBy, KitCard kit, String achievementJson,
      String badgeClassJson, String verifyPath, String issuer) {}
}
