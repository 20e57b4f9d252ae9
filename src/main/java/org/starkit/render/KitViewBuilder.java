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
  private final Catalog catalog;
  private final ViewBuilder views;
  private final MessageBundle text;
  private final DateTimeFormatter dates;

  /** Kit views over the lesson views {@code views} makes (which index every lesson once). */
  KitViewBuilder(Catalog catalog, ViewBuilder views) {
    this.catalog = catalog;
    this.views = views;
    this.text = views.text();
    this.dates = text.dates();
  }

  ViewBuilder views() {
    return views;
  }

  KitViews.KitCard card(KitPlan p) {
    Kit k = p.kit();
    return new KitViews.KitCard(k.id(), k.title(), k.summary(), k.level(), text.level(k.level()), p.format().id(),
        p.format().title(), length(p), k.mode().id(), KitPaths.kit(k.id()));
  }

  String length(KitPlan p) {
    return p.sessions().size() == 1 ? LessonDuration.format(p.totalMinutes())
        : text.text("kit.length.sessions", p.sessions().size(), LessonDuration.format(p.totalMinutes()));
  }

  /** A slot's title: the lesson's, a break's own, or the schedule's words for welcome, breaks and wrap-up. */
  String slotTitle(List<SessionPlan> sessions, SessionPlan s, Slot slot) {
    return switch (slot.kind()) {
      case LESSON -> slot.title();
      case WELCOME -> text.text(s == sessions.get(0) ? "schedule.welcome" : "schedule.welcome-back");
      case WRAPUP -> text.text(s == sessions.get(sessions.size() - 1) ? "schedule.share-out" : "schedule.next-steps");
      case LUNCH -> text.text("schedule.lunch");
      case BREAK -> slot.title().equals(org.starkit.model.BreakPolicy.DEFAULT_TITLE) ? text.text("schedule.break") : slot.title();
    };
  }

  /**
   * @param firstDay the event's first day, or empty for the kit's own pages
   * @param values placeholder values for messages; missing ones are shown as [placeholders]
   */
  KitView view(KitPlan plan, Optional<LocalDate> firstDay, Map<String, String> values) {
    Kit k = plan.kit();
    List<PlannedLesson> lessons = plan.lessonIds().stream().map(id -> views.lesson(id).orElseThrow()).toList();
    List<LessonCard> cards = lessons.stream().map(views::card).toList();
    List<LessonCard> assumes = k.assumes().stream().map(r -> views.lesson(r.id())).flatMap(Optional::stream)
        .map(views::card).toList();
    List<KitViews.SessionView> sessions = new ArrayList<>();
    for (SessionPlan s : plan.sessions()) {
      String date = firstDay.map(d -> d.plusWeeks(s.number() - 1L).format(dates)).orElse("");
      List<KitViews.SlotView> slots = s.slots().stream().map(slot -> new KitViews.SlotView(slot.kind().id(),
          slot.start().toString(), slot.end().toString(), LessonDuration.format(slot.minutes()),
          slotTitle(plan.sessions(), s, slot),
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
        .map(l -> new KitViews.LessonNotes(views.card(l), scoped(l.id(), localized(l.page().instructorNotes()))))
        .toList();
    List<KitViews.LessonBody> bodies = lessons.stream()
        .map(l -> new KitViews.LessonBody(views.card(l), scoped(l.id(), localized(l.page().learnerHtml())))).toList();
    Optional<Catalog.GuidePage> coaching = catalog.guides().stream().filter(g -> g.guide().id().equals("coaching"))
        .findFirst();
    String id = k.id();
    KitViews.KitLinks links = new KitViews.KitLinks(KitPaths.kit(id), KitPaths.page(id, "setup"),
        KitPaths.page(id, "checklist"), KitPaths.page(id, "coaches"), KitPaths.page(id, "messages"),
        KitPaths.page(id, "instructor"), KitPaths.page(id, "print"), KitPaths.zip(id));
    return new KitView(id, k.title(), k.summary(), k.level(), text.level(k.level()), SitePaths.level(k.level()),
        plan.format().title(), SitePaths.format(plan.format().id()), views.length(plan.format()), length(plan),
        LessonDuration.format(plan.teachingMinutes()), k.audience(), assumes, k.capacity(), k.learnersPerCoach(),
        plan.coaches(), plan.signupCap(), (int) Math.round(KitPlan.NO_SHOW_RATE * 100), k.mode().id(),
        k.mode() == Kit.Mode.REMOTE, k.badge().map(r -> r.id()).orElse(""), k.notes(), sessions,
        new TimelineDrawer(text, this).draw(id, plan.sessions()), cards, setup.entrySet().stream()
            .map(e -> new KitViews.SetupNeed(e.getKey(), e.getValue())).toList(),
        checklist, messages, notes, bodies, coaching.map(g -> localized(g.page().learnerHtml())).orElse(""),
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

  private String localized(String html) {
    return CalloutLabeler.localize(html, text);
  }

  String when(int days) {
    int abs = Math.abs(days);
    String side = days < 0 ? "before" : "after";
    if (days == 0) {
      return text.text("when.day-of");
    } else if (abs == 1) {
      return text.text("when.day-" + side);
    } else if (abs % 7 == 0) {
      return text.text("when.weeks-" + side, abs / 7);
    }
    return text.text("when.days-" + side, abs);
  }

  private String due(Optional<LocalDate> firstDay, int days) {
    return firstDay.map(d -> d.plusDays(days).format(dates)).orElse("");
  }

  private Map<String, String> placeholders(KitPlan plan, Optional<LocalDate> firstDay, Map<String, String> values) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kit", plan.kit().title());
    m.put("summary", plan.kit().summary());
    m.put("level", plan.kit().level());
    m.put("format", plan.format().title().toLowerCase(text.locale()));
    m.put("date", firstDay.map(d -> d.format(dates)).orElse(text.text("placeholder.date")));
    m.put("start", plan.sessions().get(0).start().toString());
    m.put("end", plan.sessions().get(0).end().toString());
    m.put("place", text.text("placeholder.place"));
    m.put("signup", text.text("placeholder.signup"));
    m.put("organizer", text.text("placeholder.organizer"));
    m.put("contact", text.text("placeholder.contact"));
    String base = catalog.config().baseUrl();
    m.put("setup", base.isEmpty() ? text.text("placeholder.setup") : base + KitPaths.page(plan.kit().id(), "setup"));
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
