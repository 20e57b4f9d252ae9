package org.starkit.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.markdown.CalloutTypes;
import org.starkit.model.Format;
import org.starkit.model.LessonField;
import org.starkit.model.SiteConfig;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/**
 * Lists every HTML page of the site, each with a way to render it: the one list of pages, which a
 * build renders whole ({@link SiteRenderer#render}) and the live preview page by page as browsers ask.
 * Planning costs what listing the pages costs, plus the views of the few kit, event and badge pages;
 * rendering a page costs what rendering it costs.
 */
public final class PagePlanner {
  /** A page not rendered yet. */
  public interface Page {
    OutputFile render() throws ThemeException;
  }

  /**
   * The pages by path, and for each the source paths of the Markdown bodies its view shows:
   * a page whose path is missing from {@code bodies} may show any body (kit, event and badge pages,
   * made files), so it may change whenever any body does. Everything else a page shows comes from
   * the catalog without the bodies, and the theme.
   */
  public record Listing(Map<String, Page> pages, Map<String, java.util.Set<String>> bodies) {}

  private final TemplateRenderer templates;
  private final SiteRenderer site;
  /** What {@link Listing#bodies} says, filled while planning. */
  private final Map<String, java.util.Set<String>> bodies = new HashMap<>();

  PagePlanner(TemplateRenderer templates, SiteRenderer site) {
    this.templates = templates;
    this.site = site;
  }

  /** Every page of the site by path, in a fixed order. */
  public Map<String, Page> plan(Catalog catalog) throws ThemeException {
    return list(catalog).pages();
  }

  /** Every page of the site by path, in a fixed order, with the bodies each shows. */
  public Listing list(Catalog catalog) throws ThemeException {
    bodies.clear();
    try {
      Map<String, Page> pages = planPages(catalog);
      return new Listing(pages, Map.copyOf(bodies));
    } catch (MessageBundle.MissingMessageException e) {
      throw missing(e);
    }
  }

  private static ThemeException missing(MessageBundle.MissingMessageException e) {
    return new ThemeException(Diagnostic.error(e.file(), 0, 0, "theme-error", e.getMessage(),
        "Add the message to the theme's English message file; themes/default/messages/en.properties has them all."));
  }

  private Map<String, Page> planPages(Catalog catalog) throws ThemeException {
    Messages messages = templates.messages();
    SiteConfig config = catalog.config();
    Map<String, ViewBuilder> byLanguage = new HashMap<>();
    ViewBuilder views = new ViewBuilder(catalog, messages.bundle(config.language()));
    byLanguage.put(config.language(), views);
    MessageBundle text = views.text();
    Map<String, Page> out = new LinkedHashMap<>();
    java.util.Set<String> none = java.util.Set.of();
    put(out, SitePaths.home(), none, () -> site.page(catalog, SitePaths.home(), config.title(), config.description(),
        "home.peb", "home", site.home(catalog, views)));
    String all = text.text("nav.all-lessons");
    put(out, SitePaths.allLessons(), none, () -> site.page(catalog, SitePaths.allLessons(), all,
        text.text("page.all-lessons.description"), "listing.peb", "listing", new Views.ListingView(all,
            text.text("page.all-lessons.intro"), catalog.lessons().size(), views.byLevel(catalog.lessons()))));
    for (PlannedLesson p : catalog.lessons()) {
      String lang = p.lesson().language();
      ViewBuilder own = byLanguage.computeIfAbsent(lang, l -> new ViewBuilder(catalog, messages.bundle(l)));
      java.util.Set<String> body = java.util.Set.of(p.lesson().path());
      put(out, SitePaths.lesson(p.id()), body, () -> site.page(catalog, SitePaths.lesson(p.id()), p.lesson().title(),
          p.lesson().summary(), "lesson.peb", "lesson", own.lesson(p, false), lang));
      put(out, SitePaths.instructor(p.id()), body, () -> site.page(catalog, SitePaths.instructor(p.id()),
          own.text().text("page.instructor", p.lesson().title()), p.lesson().summary(), "lesson.peb", "lesson",
          own.lesson(p, true), lang));
    }
    for (String level : config.levels()) {
      put(out, SitePaths.level(level), none, () -> {
        List<PlannedLesson> of = catalog.withLevel(level);
        String title = text.text("listing.level", text.level(level));
        String name = text.level(level).toLowerCase(text.locale());
        return site.page(catalog, SitePaths.level(level), title, text.text("page.level.description", name),
            "listing.peb", "listing", new Views.ListingView(title, text.text("page.level.intro", name),
                of.size(), views.byFormat(of)));
      });
    }
    for (Format f : config.formats()) {
      put(out, SitePaths.format(f.id()), none, () -> {
        List<PlannedLesson> of = catalog.withFormat(f.id());
        String intro = text.text("page.format.intro", f.title(), views.length(f)) + " "
            + (f.description().isEmpty() ? "" : f.description() + " ") + text.text("page.format.fits");
        return site.page(catalog, SitePaths.format(f.id()), f.title(), intro, "listing.peb", "listing",
            new Views.ListingView(f.title(), intro, of.size(), views.byLevel(of)));
      });
    }
    put(out, SitePaths.tags(), none, () -> site.page(catalog, SitePaths.tags(), text.text("nav.tags"),
        text.text("page.tags.description"), "tags.peb", "tags", new Views.TagIndexView(SiteRenderer.tagLinks(catalog))));
    Map<String, PlannedLesson> byId = new HashMap<>();
    catalog.lessons().forEach(p -> byId.put(p.id(), p));
    for (Map.Entry<String, List<String>> tag : catalog.tags().entrySet()) {
      put(out, SitePaths.tag(tag.getKey()), none, () -> {
        List<PlannedLesson> of = tag.getValue().stream()
            .map(id -> java.util.Objects.requireNonNull(byId.get(id), id)).toList();
        return site.page(catalog, SitePaths.tag(tag.getKey()), text.text("page.tag.title", tag.getKey()),
            text.text("page.tag.description", tag.getKey()), "listing.peb", "listing",
            new Views.ListingView(text.text("page.tag.heading", tag.getKey()), "", of.size(), views.byLevel(of)));
      });
    }
    for (Catalog.GuidePage g : catalog.guides()) {
      put(out, SitePaths.guide(g.guide().id()), java.util.Set.of(g.guide().path()), () -> {
        boolean reference = g.guide().id().equals("contributing");
        List<Views.FieldView> fields = reference
            ? Arrays.stream(LessonField.values())
                .map(f -> new Views.FieldView(f.key(), f.required(), f.type(), f.description(), f.example())).toList()
            : List.of();
        return site.page(catalog, SitePaths.guide(g.guide().id()), g.guide().title(), g.guide().summary(),
            "guide.peb", "guide", new Views.GuideView(g.guide().title(), g.guide().summary(),
                CalloutLabeler.localize(g.page().learnerHtml(), text), fields, config.levels(), config.licenses(),
                reference ? CalloutTypes.KNOWN : List.of()));
      });
    }
    // Kits, events and badges are few pages: their views are built now, their templates later.
    // The renderers hand every templated page to the factory, which lists it here; what else they
    // return (the events' calendar files, made without templates) is kept as made.
    KitRenderer.PageFactory direct = (path, title, description, template, key, view, lang) ->
        site.page(catalog, path, title, description, template, key, view, lang);
    KitRenderer.PageFactory deferring = (path, title, description, template, key, view, lang) -> {
      put(out, path, () -> direct.page(path, title, description, template, key, view, lang));
      return OutputFile.text(path, ""); // what the renderer returns for a listed page is not used
    };
    List<OutputFile> made = new ArrayList<>();
    KitViewBuilder kits = new KitViewBuilder(catalog, views);
    made.addAll(new KitRenderer(catalog, deferring, kits).render());
    made.addAll(new EventRenderer(catalog, deferring, kits).render());
    made.addAll(new BadgeRenderer(catalog, deferring, kits).render(templates));
    // The search page lists every lesson: its view too is built only when it is asked for.
    put(out, SearchRenderer.PAGE, none, () -> new SearchRenderer(catalog, direct, text).render());
    for (OutputFile f : made) {
      if (!out.containsKey(f.path())) {
        put(out, f.path(), () -> f);
      }
    }
    put(out, "404.html", none, () -> site.notFound(catalog, text));
    return out;
  }

  /** Lists a page that shows only the bodies of {@code shown}. */
  private void put(Map<String, Page> pages, String path, java.util.Set<String> shown, Page page) {
    put(pages, path, page);
    bodies.put(path, shown);
  }

  /** Lists a page that may show any body. */
  private void put(Map<String, Page> pages, String path, Page page) {
    bodies.remove(path);
    pages.put(path, () -> {
      try {
        return page.render();
      } catch (MessageBundle.MissingMessageException e) {
        throw missing(e);
      }
    });
  }
}
