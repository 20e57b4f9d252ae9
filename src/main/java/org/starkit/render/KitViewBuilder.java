package org.starkit.render;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.starkit.model.Kit;
import org.starkit.model.LessonDuration;
import org.starkit.plan.Catalog;
import org.starkit.plan.KitPlan;
import org.starkit.plan.PlannedLesson;
import org.starkit.plan.SessionPlan;
import org.starkit.plan.Slot;
import org.starkit.render.KitViews.KitView;
import org.starkit.render.Views.LessonCard;

/** Builds kit views; given an event's first day, with real dates for sessions, tasks and messages. */
final class KitViewBuilder {
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final Catalog catalog;
  private final ViewBuilder views;

  KitViewBuilder(Catalog catalog) {
    this.catalog = catalog;
    this.views = new ViewBuilder(catalog);
  }

  KitViews.KitCard card(KitPlan p) {
    Kit k = p.kit();
    return new KitViews.KitCard(k.id(), k.title(), k.summary(), k.level(), Titles.of(k.level()), p.format().id(),
        p.format().title(), length(p), k.mode().id(), KitPaths.kit(k.id()));
  }

  static String length(KitPlan p) {
    return p.sessions().size() == 1 ? LessonDuration.format(p.totalMinutes())
        : p.sessions().size() + " sessions, " + LessonDuration.format(p.totalMinutes()) + " in all";
  }

  /**
   * @param firstDay the event's first day, or empty for the kit's own pages
   * @param values placeholder values for messages; missing ones are shown as [placeholders]
   */
  KitView view(KitPlan plan, Optional<LocalDate> firstDay, Map<String, String> values) {
    Kit k = plan.kit();
    List<PlannedLesson> lessons = plan.lessonIds().stream().map(id -> catalog.lesson(id).orElseThrow()).toList();
    List<LessonCard> cards = lessons.stream().map(views::card).toList();
    List<LessonCard> assumes = k.assumes().stream().map(r -> catalog.lesson(r.id())).flatMap(Optional::stream)
        .map(views::card).toList();
    List<KitViews.SessionView> sessions = new ArrayList<>();
    for (SessionPlan s : plan.sessions()) {
      String date = firstDay.map(d -> d.plusWeeks(s.number() - 1L).format(DATE)).orElse("");
      List<KitViews.SlotView> slots = s.slots().stream().map(slot -> new KitViews.SlotView(slot.kind().id(),
          slot.start().toString(), slot.end().toString(), LessonDuration.format(slot.minutes()), slot.title(),
          slot.kind() == Slot.Kind.LESSON ? SitePaths.lesson(slot.lessonId()) : "")).toList();
      sessions.add(new KitViews.SessionView(s.title(), date, s.start().toString(), s.end().toString(),
          LessonDuration.format(s.minutes()), slots));
    }
    Map<String, List<LessonCard>> setup = new LinkedHashMap<>();
    for (PlannedLesson l : lessons) {
      for (String item : l.lesson().setup()) {
        setup.computeIfAbsent(item, x -> new ArrayList<>()).add(views.card(l));
      }
    }
    List<KitViews.ChecklistRow> checklist = catalog.organizing().checklist().stream()
        .filter(i -> i.appliesTo(plan.format().id(), k.mode()))
        .map(i -> new KitViews.ChecklistRow(when(i.days()), due(firstDay, i.days()), i.title(), i.detail())).toList();
    Map<String, String> fill = placeholders(plan, firstDay, values);
    List<KitViews.MessageView> messages = catalog.organizing().messages().stream()
        .map(m -> new KitViews.MessageView(m.id(), m.title(), when(m.days()), due(firstDay, m.days()),
            fill(m.subject(), fill), fill(m.body(), fill))).toList();
    List<KitViews.LessonNotes> notes = lessons.stream().filter(l -> l.page().hasInstructorNotes())
        .map(l -> new KitViews.LessonNotes(views.card(l), scoped(l.id(), l.page().instructorNotes()))).toList();
    List<KitViews.LessonBody> bodies = lessons.stream()
        .map(l -> new KitViews.LessonBody(views.card(l), scoped(l.id(), l.page().learnerHtml()))).toList();
    Optional<Catalog.GuidePage> coaching = catalog.guides().stream().filter(g -> g.guide().id().equals("coaching"))
        .findFirst();
    String id = k.id();
    KitViews.KitLinks links = new KitViews.KitLinks(KitPaths.kit(id), KitPaths.page(id, "setup"),
        KitPaths.page(id, "checklist"), KitPaths.page(id, "coaches"), KitPaths.page(id, "messages"),
        KitPaths.page(id, "instructor"), KitPaths.page(id, "print"), KitPaths.zip(id));
    return new KitView(id, k.title(), k.summary(), k.level(), Titles.of(k.level()), SitePaths.level(k.level()),
        plan.format().title(), SitePaths.format(plan.format().id()), ViewBuilder.length(plan.format()), length(plan),
        LessonDuration.format(plan.teachingMinutes()), k.audience(), assumes, k.capacity(), k.learnersPerCoach(),
        plan.coaches(), plan.signupCap(), (int) Math.round(KitPlan.NO_SHOW_RATE * 100), k.mode().id(),
        k.mode() == Kit.Mode.REMOTE, k.badge().map(r -> r.id()).orElse(""), k.notes(), sessions,
        TimelineDrawer.draw(id, plan.sessions()), cards, setup.entrySet().stream()
            .map(e -> new KitViews.SetupNeed(e.getKey(), e.getValue())).toList(),
        checklist, messages, notes, bodies, coaching.map(g -> g.page().learnerHtml()).orElse(""),
        coaching.map(g -> SitePaths.guide(g.guide().id())).orElse(""), links);
  }

  /**
   * Prefixes the ids and same-page anchors of a lesson body with the lesson's id, so several
   * lessons can share one page without clashing ids. The body comes from the sanitizer, so
   * {@code id="} and {@code href="#} only occur as attributes.
   */
  static String scoped(String lessonId, String html) {
    return html.replace(" id=\"", " id=\"" + lessonId + "--").replace(" href=\"#", " href=\"#" + lessonId + "--");
  }

  static String when(int days) {
    int abs = Math.abs(days);
    String unit;
    if (days == 0) {
      return "On the day";
    } else if (abs == 1) {
      return days < 0 ? "The day before" : "The day after";
    } else if (abs % 7 == 0) {
      unit = abs / 7 == 1 ? "1 week" : abs / 7 + " weeks";
    } else {
      unit = abs + " days";
    }
    return unit + (days < 0 ? " before" : " after");
  }

  private static String due(Optional<LocalDate> firstDay, int days) {
    return firstDay.map(d -> d.plusDays(days).format(DATE)).orElse("");
  }

  private Map<String, String> placeholders(KitPlan plan, Optional<LocalDate> firstDay, Map<String, String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kit", plan.kit().title());
    m.put("summary", plan.kit().summary());
    m.put("level", plan.kit().level());
    m.put("format", plan.format().title().toLowerCase(Locale.ROOT));
    m.put("date", firstDay.map(d -> d.format(DATE)).orElse("[date]"));
    m.put("start", plan.sessions().get(0).start().toString());
    m.put("end", plan.sessions().get(0).end().toString());
    m.put("place", "[place]");
    m.put("signup", "[sign-up link]");
    m.put("organizer", "[your name]");
    m.put("contact", "[your email]");
    String base = catalog.config().baseUrl();
    m.put("setup", base.isEmpty() ? "[link to the setup page]" : base + KitPaths.page(plan.kit().id(), "setup"));
    m.putAll(values);
    return m;
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }
}
