package org.starkit.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.markdown.CalloutTypes;
import org.starkit.model.Format;
import org.starkit.model.LessonField;
import org.starkit.model.SiteConfig;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.render.Views.Layout;
import org.starkit.render.Views.NavLink;
import org.starkit.write.OutputFile;

/** Renders every HTML page of the site from the catalog with the theme's templates. */
public final class SiteRenderer {
  private final TemplateRenderer templates;

  public SiteRenderer(TemplateRenderer templates) {
    this.templates = templates;
  }

  public List<OutputFile> render(Catalog catalog) throws ThemeException {
    Messages messages = templates.messages();
    try {
      return render(catalog, messages);
    } catch (MessageBundle.MissingMessageException e) {
      throw new ThemeException(org.starkit.diagnostic.Diagnostic.error(e.file(), 0, 0, "theme-error", e.getMessage(),
          "Add the message to the theme's English message file; themes/default/messages/en.properties has them all."));
    }
  }

  private List<OutputFile> render(Catalog catalog, Messages messages) throws ThemeException {
    SiteConfig config = catalog.config();
    Map<String, ViewBuilder> byLanguage = new HashMap<>();
    ViewBuilder views = new ViewBuilder(catalog, messages.bundle(config.language()));
    byLanguage.put(config.language(), views);
    MessageBundle text = views.text();
    List<OutputFile> out = new ArrayList<>();
    out.add(page(catalog, SitePaths.home(), config.title(), config.description(), "home.peb", "home", home(catalog, views)));
    String all = text.text("nav.all-lessons");
    out.add(page(catalog, SitePaths.allLessons(), all, text.text("page.all-lessons.description"), "listing.peb",
        "listing", new Views.ListingView(all, text.text("page.all-lessons.intro"),
            catalog.lessons().size(), views.byLevel(catalog.lessons()))));
    for (PlannedLesson p : catalog.lessons()) {
      byLanguage.computeIfAbsent(p.lesson().language(), l -> new ViewBuilder(catalog, messages.bundle(l)));
    }
    // The two pages of each lesson are most of the site: rendered on all cores, kept in catalog order, and
    // the first failure in that order is the one reported, so output and errors do not depend on timing.
    List<Rendered> lessonPages = catalog.lessons().parallelStream().map(p -> {
      String lang = p.lesson().language();
      ViewBuilder own = byLanguage.get(lang);
      try {
        return new Rendered(List.of(
            page(catalog, SitePaths.lesson(p.id()), p.lesson().title(), p.lesson().summary(), "lesson.peb", "lesson",
                own.lesson(p, false), lang),
            page(catalog, SitePaths.instructor(p.id()), own.text().text("page.instructor", p.lesson().title()),
                p.lesson().summary(), "lesson.peb", "lesson", own.lesson(p, true), lang)), null);
      } catch (ThemeException | RuntimeException e) {
        return new Rendered(List.of(), e);
      }
    }).toList();
    for (Rendered r : lessonPages) {
      if (r.failure() instanceof ThemeException e) {
        throw e;
      } else if (r.failure() instanceof RuntimeException e) {
        throw e;
      }
      out.addAll(r.files());
    }
    for (String level : config.levels()) {
      List<PlannedLesson> of = catalog.withLevel(level);
      String title = text.text("listing.level", text.level(level));
      String name = text.level(level).toLowerCase(text.locale());
      out.add(page(catalog, SitePaths.level(level), title, text.text("page.level.description", name),
          "listing.peb", "listing", new Views.ListingView(title, text.text("page.level.intro", name),
              of.size(), views.byFormat(of))));
    }
    for (Format f : config.formats()) {
      List<PlannedLesson> of = catalog.withFormat(f.id());
      String intro = text.text("page.format.intro", f.title(), views.length(f)) + " "
          + (f.description().isEmpty() ? "" : f.description() + " ") + text.text("page.format.fits");
      out.add(page(catalog, SitePaths.format(f.id()), f.title(), intro, "listing.peb", "listing",
          new Views.ListingView(f.title(), intro, of.size(), views.byLevel(of))));
    }
    out.add(page(catalog, SitePaths.tags(), text.text("nav.tags"), text.text("page.tags.description"), "tags.peb",
        "tags", new Views.TagIndexView(tagLinks(catalog))));
    Map<String, PlannedLesson> byId = new HashMap<>();
    catalog.lessons().forEach(p -> byId.put(p.id(), p)); // one lookup table, not a scan per tagged lesson
    for (Map.Entry<String, List<String>> tag : catalog.tags().entrySet()) {
      List<PlannedLesson> of = tag.getValue().stream().map(id -> java.util.Objects.requireNonNull(byId.get(id), id))
          .toList();
      out.add(page(catalog, SitePaths.tag(tag.getKey()), text.text("page.tag.title", tag.getKey()),
          text.text("page.tag.description", tag.getKey()), "listing.peb", "listing",
          new Views.ListingView(text.text("page.tag.heading", tag.getKey()), "", of.size(), views.byLevel(of))));
    }
    for (Catalog.GuidePage g : catalog.guides()) {
      boolean reference = g.guide().id().equals("contributing");
      List<Views.FieldView> fields = reference
          ? Arrays.stream(LessonField.values())
              .map(f -> new Views.FieldView(f.key(), f.required(), f.type(), f.description(), f.example())).toList()
          : List.of();
      out.add(page(catalog, SitePaths.guide(g.guide().id()), g.guide().title(), g.guide().summary(), "guide.peb", "guide",
          new Views.GuideView(g.guide().title(), g.guide().summary(), CalloutLabeler.localize(g.page().learnerHtml(),
              text), fields,
              config.levels(), config.licenses(), reference ? CalloutTypes.KNOWN : List.of())));
    }
    KitRenderer.PageFactory factory = (path, title, description, template, key, view, lang) ->
        page(catalog, path, title, description, template, key, view, lang);
    out.addAll(new KitRenderer(catalog, factory, text).render());
    out.addAll(new EventRenderer(catalog, factory, text).render());
    out.addAll(new BadgeRenderer(catalog, factory, text).render(templates));
    out.add(new SearchRenderer(catalog, factory, text).render());
    out.add(notFound(catalog, text));
    return out;
  }

  /** A lesson's pages, or what stopped them. */
  private record Rendered(List<OutputFile> files, Exception failure) {}

  /** Each kit's offline zip, made from the finished site's files. */
  public List<OutputFile> offlinePacks(Catalog catalog, List<OutputFile> site) {
    MessageBundle text;
    try {
      text = templates.messages().bundle(catalog.config().language());
    } catch (ThemeException e) {
      throw new IllegalStateException("offline packs are made only after the pages rendered", e);
    }
    OfflinePacker packer = new OfflinePacker(catalog.config().baseUrl(), text);
    RenderCache cache = templates.cache();
    return catalog.kits().stream().map(k -> cache == null ? packer.pack(k, site)
        : cache.pack(packer.inputs(k, site), () -> packer.pack(k, site))).toList();
  }

  Views.HomeView home(Catalog catalog, ViewBuilder views) {
    SiteConfig config = catalog.config();
    MessageBundle text = views.text();
    List<Views.GridColumn> columns = config.formats().stream()
        .map(f -> new Views.GridColumn(f.id(), f.title(), views.length(f), SitePaths.format(f.id()))).toList();
    List<Views.GridRow> rows = new ArrayList<>();
    for (String level : config.levels()) {
      List<PlannedLesson> of = catalog.withLevel(level);
      List<Views.GridCell> cells = new ArrayList<>();
      for (Format f : config.formats()) {
        long count = of.stream().filter(p -> p.format().map(x -> x.id().equals(f.id())).orElse(false)).count();
        cells.add(new Views.GridCell(f.title(), (int) count, SitePaths.level(level) + "#format-" + f.id()));
      }
      rows.add(new Views.GridRow(level, text.level(level), SitePaths.level(level), of.size(), cells));
    }
    List<Views.GuideLink> guides = catalog.guides().stream().map(g -> new Views.GuideLink(g.guide().title(),
        g.guide().summary(), SitePaths.guide(g.guide().id()))).toList();
    KitRenderer kits = new KitRenderer(catalog, null, text);
    return new Views.HomeView(config.description(), catalog.lessons().size(), columns, rows, tagLinks(catalog), guides,
        kits.finder(), catalog.kits().size(), new EventRenderer(catalog, null, text).upcoming(),
        catalog.events().isEmpty() ? "" : catalog.today().format(text.dates()));
  }

  static List<Views.TagLink> tagLinks(Catalog catalog) {
    return catalog.tags().entrySet().stream()
        .map(e -> new Views.TagLink(e.getKey(), e.getValue().size(), SitePaths.tag(e.getKey()))).toList();
  }

  OutputFile notFound(Catalog catalog, MessageBundle text) throws ThemeException {
    // Served for any missing address, so links must not depend on the page's own location. They
    // start at the site's own path ("/starkit/" for https://host/starkit/): same host, no request
    // to another site even when the page is served from a preview or a mirror.
    String base = catalog.config().baseUrl();
    String path = base.isEmpty() ? "/" : java.net.URI.create(base).getRawPath();
    String root = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
    Layout layout = layout(catalog, "404.html", root, text.text("notfound.heading"), "", catalog.config().language(), "",
        text);
    return OutputFile.text("404.html", templates.render("404.peb", Map.of("layout", layout)));
  }

  OutputFile page(Catalog catalog, String path, String title, String description, String template, String key,
      Object view) throws ThemeException {
    return page(catalog, path, title, description, template, key, view, catalog.config().language());
  }

  OutputFile page(Catalog catalog, String path, String title, String description, String template, String key,
      Object view, String lang) throws ThemeException {
    String base = catalog.config().baseUrl();
    String canonical = base.isEmpty() ? "" : base + SitePaths.publicPath(path);
    MessageBundle text = templates.messages().bundle(lang);
    Layout layout = layout(catalog, path, SitePaths.rootFor(path), title, description, lang, canonical, text);
    Map<String, Object> context = new HashMap<>();
    context.put("layout", layout);
    context.put(key, view);
    return OutputFile.text(path, templates.render(template, context));
  }

  private static Layout layout(Catalog catalog, String path, String root, String title, String description, String lang,
      String canonical, MessageBundle text) {
    SiteConfig c = catalog.config();
    List<NavLink> nav = new ArrayList<>();
    nav.add(new NavLink(text.text("nav.home"), SitePaths.home(), path.equals(SitePaths.home())));
    if (!catalog.kits().isEmpty()) {
      nav.add(new NavLink(text.text("nav.kits"), KitPaths.index(), path.startsWith("kits/")));
    }
    if (!catalog.events().isEmpty()) {
      nav.add(new NavLink(text.text("nav.events"), KitPaths.events(), path.startsWith("events/")));
    }
    nav.add(new NavLink(text.text("nav.all-lessons"), SitePaths.allLessons(), path.equals(SitePaths.allLessons())));
    for (String level : c.levels()) {
      nav.add(new NavLink(text.level(level), SitePaths.level(level), path.equals(SitePaths.level(level))));
    }
    nav.add(new NavLink(text.text("nav.tags"), SitePaths.tags(), path.startsWith("tags/")));
    if (!catalog.badges().achievements().isEmpty()) {
      nav.add(new NavLink(text.text("nav.badges"), BadgeRenderer.INDEX,
          path.startsWith("badges/") || path.startsWith("verify/")));
    }
    for (Catalog.GuidePage g : catalog.guides()) {
      String p = SitePaths.guide(g.guide().id());
      nav.add(new NavLink(g.guide().title(), p, path.equals(p)));
    }
    return new Layout(new Views.SiteView(c.title(), c.description(), c.repository(), c.baseUrl()), root, title,
        description, lang, canonical, nav);
  }
}
