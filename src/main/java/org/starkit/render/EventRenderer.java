package org.starkit.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.calendar.CalendarWriter;
import org.starkit.plan.Catalog;
import org.starkit.plan.EventPlan;
import org.starkit.plan.SessionPlan;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/** Renders the events listing, each event's page and its calendar file. */
final class EventRenderer {
  private final Catalog catalog;
  private final KitViewBuilder kits;
  private final KitRenderer.PageFactory pages;
  private final MessageBundle text;

  EventRenderer(Catalog catalog, KitRenderer.PageFactory pages, KitViewBuilder kits) {
    this.catalog = catalog;
    this.kits = kits;
    this.pages = pages;
    this.text = kits.views().text();
  }

  KitViews.EventCard card(EventPlan e) {
    return new KitViews.EventCard(e.event().id(), e.title(), dates(e), e.event().place(), e.kit().kit().title(),
        KitPaths.event(e.event().id()));
  }

  List<KitViews.EventCard> upcoming() {
    return catalog.upcoming().stream().map(this::card).toList();
  }

  String dates(EventPlan e) {
    List<SessionPlan> sessions = e.kit().sessions();
    String first = e.event().date().format(text.dates());
    String times = sessions.get(0).start() + "\u2013" + sessions.get(0).end();
    if (sessions.size() == 1) {
      return first + ", " + times;
    }
    return text.text("event.weekly", sessions.size(), first, e.lastDay().format(text.dates()), times);
  }

  List<OutputFile> render() throws ThemeException {
    List<OutputFile> out = new ArrayList<>();
    if (catalog.events().isEmpty()) {
      return out;
    }
    String today = catalog.today().format(text.dates());
    out.add(pages.page(KitPaths.events(), text.text("nav.events"), text.text("page.events.description"), "events.peb",
        "events",
        new KitViews.EventIndexView(today, upcoming(), catalog.past().stream().map(this::card).toList()),
        catalog.config().language()));
    String base = catalog.config().baseUrl();
    String host = base.isEmpty() ? "starkit.local" : java.net.URI.create(base).getHost();
    for (EventPlan e : catalog.events()) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("place", e.event().place().isEmpty() ? text.text("placeholder.place") : e.event().place());
      if (!e.event().signup().isEmpty()) {
        values.put("signup", e.event().signup());
      }
      if (!e.event().organizerName().isEmpty()) {
        values.put("organizer", e.event().organizerName());
      }
      if (!e.event().organizerEmail().isEmpty()) {
        values.put("contact", e.event().organizerEmail());
      }
      KitViews.KitView kit = kits.view(e.kit(), Optional.of(e.event().date()), values);
      KitViews.EventView view = new KitViews.EventView(e.event().id(), e.title(), dates(e), e.event().place(),
          e.event().online(), e.event().timezone().getId(), e.event().organizerName(), e.event().organizerEmail(),
          e.event().signup(), KitPaths.calendar(e.event().id()), kits.card(e.kit()), kit);
      out.add(pages.page(KitPaths.event(e.event().id()), e.title(), e.kit().kit().summary(), "event.peb", "event", view,
          catalog.config().language()));
      String pageUrl = base.isEmpty() ? "" : base + SitePaths.publicPath(KitPaths.event(e.event().id()));
      out.add(OutputFile.text(KitPaths.calendar(e.event().id()), new CalendarWriter().write(e, pageUrl, host)));
    }
    return out;
  }
}
