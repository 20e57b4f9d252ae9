package org.starkit.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.model.Format;
import org.starkit.model.SiteConfig;
import org.starkit.plan.Catalog;
import org.starkit.plan.KitPlan;
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

  /** Every page of the site, each with a way to render it ({@link PagePlanner}). */
  public Map<String, PagePlanner.Page> plan(Catalog catalog) throws ThemeException {
    return new PagePlanner(templates, this).plan(catalog);
  }

  /** Every HTML page of the site, rendered on all cores; the first failure in page order is the one thrown. */
  public List<OutputFile> render(Catalog catalog) throws ThemeException {
    return ParallelPages.render(List.copyOf(plan(catalog).values()), page -> List.of(page.render()));
  }

  /**
   * The HTML pages of the site but those {@code keep} accepts, rendered as {@link #render} renders
   * them; {@code kept} lists, in page order, the paths accepted and not rendered.
   */
  public List<OutputFile> render(Catalog catalog, Keeper keep, List<String> kept) throws ThemeException {
    PagePlanner.Listing listing = new PagePlanner(templates, this).list(catalog);
    List<PagePlanner.Page> pages = new ArrayList<>();
    for (Map.Entry<String, PagePlanner.Page> e : listing.pages().entrySet()) {
      java.util.Set<String> bodies = listing.bodies().get(e.getKey());
      if (bodies != null && keep.keeps(e.getKey(), bodies)) {
        kept.add(e.getKey());
      } else {
        pages.add(e.getValue());
      }
    }
    return ParallelPages.render(pages, page -> List.of(page.render()));
  }

  /** Decides which pages need not be rendered again. */
  public interface Keeper {
    /** Whether the page at {@code path}, which shows the Markdown bodies of {@code bodies} only, is kept. */
    boolean keeps(String path, java.util.Set<String> bodies);
  }

  /** Each kit's offline zip, made from the finished site's files. */
  public List<OutputFile> offlinePacks(Catalog catalog, List<OutputFile> site) {
    MessageBundle text;
    try {
      text = templates.messages().bundle(catalog.config().language());
    } catch (ThemeException e) {
      throw new IllegalStateException("offline packs are made only after the pages rendered", e);
    }
    OfflinePacker packer = new OfflinePacker(catalog.config().baseUrl(), text, site);
    return packer.packAll(catalog.kits()); // in catalog order
  }

  /**
   * A kit's offline zip, as {@link #offlinePacks} makes it, reading only the files it packs.
   *
   * @param paths every path of the site
   * @param files the site's file at a path
   */
  public OutputFile offlinePack(Catalog catalog, KitPlan kit, java.util.Set<String> paths,
      java.util.function.Function<String, OutputFile> files) throws ThemeException {
    List<OutputFile> subset = OfflinePacker.reads(kit, paths).stream().map(files).toList();
    return new OfflinePacker(catalog.config().baseUrl(), templates.messages().bundle(catalog.config().language()),
        subset).pack(kit);
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
    KitViewBuilder kitViews = new KitViewBuilder(catalog, views);
    KitRenderer kits = new KitRenderer(catalog, null, kitViews);
    return new Views.HomeView(config.description(), catalog.lessons().size(), columns, rows, tagLinks(catalog), guides,
        kits.finder(), catalog.kits().size(), new EventRenderer(catalog, null, kitViews).upcoming(),
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
