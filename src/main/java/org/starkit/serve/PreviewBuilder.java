package org.starkit.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.starkit.badge.SecretScanner;
import org.starkit.build.BuildOptions;
import org.starkit.build.SitePlanner;
import org.starkit.build.BuildResult;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Asset;
import org.starkit.plan.Catalog;
import org.starkit.plan.KitPlan;
import org.starkit.render.CatalogExporter;
import org.starkit.render.PagePlanner;
import org.starkit.render.SiteRenderer;
import org.starkit.render.SitemapBuilder;
import org.starkit.render.TemplateRenderer;
import org.starkit.search.LunrAsset;
import org.starkit.search.SearchIndexBuilder;
import org.starkit.source.SourceSet;
import org.starkit.write.OutputFile;

/**
 * Builds the site for the preview, again after each burst of changes, doing only what the change
 * needs: it reads again only the files the watcher names (everything when it lost track), parses
 * again only lessons whose file changed, renders again only Markdown bodies that changed, runs the
 * cross-file checks whole, and renders no page at all: each page, and each whole-site file (search
 * index, catalog export, sitemap, offline packs), is made when a browser asks for it, once per
 * build. A changed theme reloads the templates and renders every page once, so that theme errors
 * fail the build as they fail {@code starkit build}. A build that fails, even by throwing, becomes
 * a snapshot that shows its problems and keeps the last good site.
 */
final class PreviewBuilder {
  private final BuildOptions options;
  private final SourceTree tree;
  private final PreviewPlanner planner = new PreviewPlanner();
  private final String session;
  private TemplateRenderer templates;
  private List<OutputFile> themeAssets = List.of();
  private long generation;
  private boolean retry;
  private int lessons;
  private volatile Snapshot current;
  private Frame frame;

  PreviewBuilder(BuildOptions options) {
    this.options = options;
    this.tree = new SourceTree(options.source());
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.session = HexFormat.of().formatHex(random);
  }

  /** What to serve now; null before the first build. */
  Snapshot current() {
    return current;
  }

  /** The planner, for tests that count what was parsed and rendered. */
  PreviewPlanner planner() {
    return planner;
  }

  /** Reads and builds everything again, theme included. */
  synchronized boolean rebuild() {
    return rebuild(SourceChanges.all());
  }

  /** Builds again after {@code changes}; true when what the preview serves changed, so open pages should reload. */
  synchronized boolean rebuild(SourceChanges changes) {
    Snapshot before = current;
    BuildResult result;
    PreviewSite site = PreviewSite.EMPTY;
    boolean changed;
    try {
      boolean everything = changes.everything() || retry;
      retry = false;
      boolean theme = templates == null || everything || touches(changes, options.theme().dir());
      if (theme) {
        templates = new TemplateRenderer(options.theme().dir(), options.theme().label());
        themeAssets = options.theme().assets();
      }
      Set<String> sources = everything || before == null ? tree.readAll()
          : tree.read(inside(changes, options.source()));
      if (!theme && sources.isEmpty() && before != null) {
        return false; // saved as it was, or a change outside what the site is made from
      }
      changed = theme || !sources.isEmpty();
      List<Diagnostic> problems = new ArrayList<>();
      site = build(tree.sources(), theme || everything || before == null ? null : sources, theme, problems);
      problems.sort(null);
      result = new BuildResult(problems, List.of(), tree.sources(), lessons, site.paths().size(), false);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      result = stopped(e);
      site = PreviewSite.EMPTY;
      changed = true;
      retry = true; // what was read may be half done: read everything next time
    }
    boolean failing = !result.passes(options.strict()) || site.isEmpty();
    PreviewSite served = failing ? (before == null ? PreviewSite.EMPTY : before.site()) : site;
    boolean reload = before == null || failing != before.failing()
        || (failing ? !result.diagnostics().equals(before.result().diagnostics()) : changed);
    if (reload) {
      generation++;
    }
    current = new Snapshot(session + "-" + generation, served, result, failing);
    return reload;
  }

  /**
   * What a build found out about its site that depends only on which files it has and on the theme
   * and assets, not on what the pages say: the next build after an edit of lesson bodies alone,
   * which has the same files, reuses it.
   *
   * @param sitemapped the files the sitemap lists, in the order it is given them
   * @param lunr the files of the search library the site has no other file at the path of
   * @param assets the curriculum's files copied to the site, which lesson edits do not change
   * @param secrets what the key scan found in the files it scans (theme, search library, assets, badges)
   */
  private record Parts(List<OutputFile> sitemapped, List<OutputFile> lunr, List<OutputFile> assets,
      List<Diagnostic> secrets) {}

  /** The parts, and every path of the site, offline packs included, which the packs link within. */
  private record Frame(Parts parts, Set<String> paths) {}

  /**
   * @param changed the source paths that changed since the last build, or null to plan the whole site
   */
  private PreviewSite build(SourceSet sources, Set<String> changed, boolean theme, List<Diagnostic> problems) {
    Frame before = frame;
    frame = null;
    int whole = planner.plannedWhole();
    SitePlanner.Plan plan = changed == null ? planner.plan(options, sources)
        : planner.plan(options, sources, changed, tree::file);
    Frame same = changed != null && planner.plannedWhole() == whole ? before : null; // body edits: the same files
    problems.addAll(plan.problems());
    Catalog catalog = plan.catalog();
    lessons = plan.curriculum().lessons().size();
    SiteRenderer renderer = new SiteRenderer(templates);
    Map<String, PagePlanner.Page> pages;
    try {
      pages = renderer.plan(catalog);
      if (theme) {
        for (PagePlanner.Page p : pages.values()) {
          p.render(); // the build renders every page: a theme error must fail here as it fails there
        }
      }
    } catch (TemplateRenderer.ThemeException e) {
      problems.add(e.diagnostic());
      return PreviewSite.EMPTY;
    }
    // The same files in the same order as SiteBuilder.check, a later one replacing an earlier one.
    Parts parts = same != null ? same.parts() : parts(pages, plan);
    PreviewSite.Builder site = new PreviewSite.Builder(pages);
    themeAssets.forEach(site::add);
    // The catalog export and the search index are not scanned for keys: their JSON has fixed
    // members, none of them "kty", so they cannot hold a JWK.
    site.add(CatalogExporter.PATH, () -> new CatalogExporter().export(catalog));
    site.add(SearchIndexBuilder.PATH, () -> new SearchIndexBuilder().write(catalog));
    parts.lunr().forEach(site::add);
    String baseUrl = catalog.config().baseUrl();
    if (!baseUrl.isEmpty()) {
      site.add(SitemapBuilder.PATH, () -> new SitemapBuilder().build(baseUrl, parts.sitemapped()));
    }
    parts.assets().forEach(site::add);
    plan.badges().files().forEach(site::add);
    PreviewSite[] built = new PreviewSite[1];
    Set<String> paths = same != null ? same.paths() : site.paths();
    for (KitPlan kit : catalog.kits()) {
      paths.add(org.starkit.render.KitPaths.zip(kit.kit().id()));
    }
    for (KitPlan kit : catalog.kits()) {
      site.add(org.starkit.render.KitPaths.zip(kit.kit().id()),
          () -> renderer.offlinePack(catalog, kit, paths, p -> built[0].file(p).orElseThrow()));
    }
    problems.addAll(parts.secrets());
    built[0] = site.build();
    frame = new Frame(parts, paths);
    return built[0];
  }

  /** The parts of a site with these pages, made afresh. */
  private Parts parts(Map<String, PagePlanner.Page> pages, SitePlanner.Plan plan) {
    Set<String> sitemapped = new HashSet<>(pages.keySet());
    themeAssets.forEach(f -> sitemapped.add(f.path()));
    sitemapped.add(CatalogExporter.PATH);
    sitemapped.add(SearchIndexBuilder.PATH);
    List<OutputFile> lunr = new ArrayList<>();
    for (OutputFile f : LunrAsset.files()) {
      if (sitemapped.add(f.path())) {
        lunr.add(f); // what the site has at that path already wins
      }
    }
    List<OutputFile> assets = new ArrayList<>();
    for (Asset a : plan.curriculum().assets()) {
      assets.add(new OutputFile(a.sitePath(), a.file().bytes()));
    }
    List<OutputFile> scanned = new ArrayList<>(themeAssets);
    scanned.addAll(lunr);
    scanned.addAll(assets);
    scanned.addAll(plan.badges().files());
    return new Parts(sitemapped.stream().map(p -> OutputFile.text(p, "")).toList(), lunr, assets,
        SecretScanner.scan(scanned));
  }

  /** Whether any change is at or below {@code dir}. */
  private static boolean touches(SourceChanges changes, Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    return changes.paths().stream().anyMatch(p -> p.toAbsolutePath().normalize().startsWith(root));
  }

  /** The changes at or below {@code dir}. */
  private static Set<Path> inside(SourceChanges changes, Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    Set<Path> in = new HashSet<>();
    changes.paths().stream().filter(p -> p.toAbsolutePath().normalize().startsWith(root)).forEach(in::add);
    return in;
  }

  private BuildResult stopped(Throwable e) {
    String where = options.sourceLabel().isEmpty() ? options.source().toString() : options.sourceLabel();
    Diagnostic d = Diagnostic.error(where, 0, 0, "build-failed", "The build stopped: " + e,
        "Fix the cause and save again; if it persists, run 'starkit check' with STARKIT_DEBUG=1.");
    return new BuildResult(List.of(d), List.of(), new SourceSet(List.of(), List.of()), 0);
  }
}
