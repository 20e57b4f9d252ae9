package org.starkit.build;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.starkit.badge.BadgePublisher;
import org.starkit.badge.SecretScanner;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.model.Asset;
import org.starkit.model.Curriculum;
import org.starkit.plan.Catalog;
import org.starkit.render.CatalogExporter;
import org.starkit.render.SiteRenderer;
import org.starkit.render.SitemapBuilder;
import org.starkit.render.TemplateRenderer;
import org.starkit.search.LunrAsset;
import org.starkit.search.SearchIndexBuilder;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;
import org.starkit.write.OutputFile;
import org.starkit.write.SiteCommitter;
import org.starkit.write.SiteManifest;
import org.starkit.write.SiteWriter;

/**
 * The build pipeline: read sources, parse and validate, render Markdown, plan the catalog, render
 * templates, and (for {@code build}, not {@code check}) write. Each stage hands immutable records
 * to the next.
 */
public final class SiteBuilder {
  private final MarkdownRenderer markdown = Shared.MARKDOWN;

  /** The Markdown renderer every builder uses (one instance serves all threads), made on first use. */
  private static final class Shared {
    static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
  }

  /**
   * Starts making the Markdown renderer on a thread of its own, and renders a line of Markdown with
   * it, so the classes of Flexmark and jsoup are loaded and initialised on another core while the
   * command line is still being read. Optional: a build that finds no renderer made yet makes it.
   */
  public static void prepare() {
    Thread t = new Thread(() -> Shared.MARKDOWN.render("prepare.md", "Some *text* with a [link](https://example.org).\n",
        "", new LinkTargets(Map.of(), Map.of())), "starkit-prepare");
    t.setDaemon(true);
    t.start();
  }
  private final DiskCache disk;

  /** A builder that renders everything on every call. */
  public SiteBuilder() {
    this.disk = null;
  }

  /**
   * A builder that reuses what earlier builds left in the cache folder on disk: rendered Markdown
   * bodies, the files of the site in the output folder (updated in place when only bodies changed,
   * see {@link SiteCommitter}), and, when no input changed and the site is still as written, the whole site.
   */
  public SiteBuilder(DiskCache disk) {
    this.disk = java.util.Objects.requireNonNull(disk, "disk");
  }

  /** Runs every stage but writing. */
  public BuildResult check(BuildOptions options) throws IOException {
    CompletableFuture<TemplateRenderer> templates = templates(options);
    if (disk != null) {
      CachedSources read = CachedSources.read(disk, options.source());
      try {
        Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
        return assemble(options, templates, read.sources(), plan(options, read, keys, new HashMap<>()),
            NOTHING_KEPT).result();
      } finally {
        read.finishWrites(); // a failed check too ends only when the cache files are on disk
      }
    }
    SourceSet sources = new SourceReader().read(options.source());
    SitePlanner.Plan plan = SitePlanner.plan(options, new CurriculumLoader().load(sources),
        (bodies, targets) -> MarkdownJobs.run(markdown, bodies, targets));
    return assemble(options, templates, sources, plan, NOTHING_KEPT).result();
  }

  /** Keeps no page of an earlier site. */
  private static final Kept NOTHING_KEPT = new Kept((path, bodies) -> false, null, null);

  /**
   * Which pages of the site in the output folder a build keeps, where that site is and its manifest,
   * which the disk was checked against.
   */
  private record Kept(SiteRenderer.Keeper keeper, java.nio.file.Path site, SiteManifest manifest) {}

  /** A checked site: the result, and the pages kept from the site being replaced (not in the result's files). */
  private record Assembled(BuildResult result, List<String> kept) {}

  /**
   * Compiles the theme's templates on another core while the build reads, loads and renders
   * Markdown: they need nothing from the curriculum (a few tenths of a second of a short build).
   */
  private CompletableFuture<TemplateRenderer> templates(BuildOptions options) {
    return BackgroundWork.start("templates", () -> {
      TemplateRenderer t = new TemplateRenderer(options.theme().dir(), options.theme().label());
      t.prepare();
      return t;
    });
  }

  /**
   * Loads (reusing the parses the cache remembers) and plans the site; fills {@code keys} with the
   * bodies' keys and {@code declared} with the lessons' declared digests, by path.
   */
  private SitePlanner.Plan plan(BuildOptions options, CachedSources read, Map<String, String> keys,
      Map<String, String> declared) {
    Map<String, LessonCache.Entry> remembered = read.lessons();
    LessonCache lessons = new LessonCache(read.digests(), remembered);
    CurriculumLoader.Result loaded = new CurriculumLoader(lessons).load(read.sources());
    Map<String, LessonCache.Entry> entries = lessons.entries();
    declared.putAll(lessons.declaredDigests());
    if (!entries.equals(remembered)) {
      read.writeLater(() -> disk.writeLessons(options.source(), entries));
    }
    return SitePlanner.plan(options, loaded, (bodies, targets) -> MarkdownJobs.run(markdown, bodies, targets, disk,
        read.digests(), keys, lessons::withText));
  }

  private Assembled assemble(BuildOptions options, CompletableFuture<TemplateRenderer> templates, SourceSet sources,
      SitePlanner.Plan plan, Kept keep) throws IOException {
    Curriculum curriculum = plan.curriculum();
    Catalog catalog = plan.catalog();
    BadgePublisher.Result badges = plan.badges();
    List<Diagnostic> shown = new ArrayList<>(plan.problems());
    List<OutputFile> files = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    SiteRenderer renderer = new SiteRenderer(BackgroundWork.join(templates));
    try {
      files.addAll(renderer.render(catalog, keep.keeper(), kept));
      files.addAll(options.theme().assets());
    } catch (TemplateRenderer.ThemeException e) {
      shown.add(e.diagnostic());
      files.clear();
      kept.clear();
    }
    if (!files.isEmpty()) {
      if (keep.keeper().keeps(CatalogExporter.PATH, Set.of())) { // lesson metadata only, no body
        kept.add(CatalogExporter.PATH);
      } else {
        files.add(new CatalogExporter().export(catalog));
      }
      files.add(new SearchIndexBuilder().write(catalog));
      Set<String> themed = files.stream().map(OutputFile::path).collect(Collectors.toSet());
      LunrAsset.files().stream().filter(f -> !themed.contains(f.path())).forEach(files::add); // a theme may ship its own
      if (!catalog.config().baseUrl().isEmpty()) {
        List<String> paths = new ArrayList<>(kept);
        files.forEach(f -> paths.add(f.path()));
        files.add(new SitemapBuilder().buildFor(catalog.config().baseUrl(), paths));
      }
      // an asset is part of the structure: when pages are kept, its bytes are those the site holds;
      // else read now if the cache left it unread (on all cores: ten thousand images are many reads)
      List<Asset> copied = new ArrayList<>();
      for (Asset a : curriculum.assets()) {
        if (keep.keeper().keeps(a.sitePath(), Set.of())) {
          kept.add(a.sitePath());
        } else {
          copied.add(a);
        }
      }
      files.addAll(copied.parallelStream().map(a -> new OutputFile(a.sitePath(), a.file().bytes())).toList());
      files.addAll(badges.files());
      files.addAll(kept.isEmpty() ? renderer.offlinePacks(catalog, files) : KeptFiles.packs(renderer, catalog, files,
          kept, keep.site()));
      files.sort(Comparator.comparing(OutputFile::path));
    }
    // Kept files need no scan: they are byte for byte those of a site that was written, so passed it.
    shown.addAll(SecretScanner.scan(files));
    shown.sort(null);
    BuildResult result = new BuildResult(shown, files, sources, curriculum.lessons().size(), files.size() + kept.size(),
        false);
    return new Assembled(result, kept);
  }

  /** Checks, then writes the site when the result passes. */
  public BuildResult build(BuildOptions options) throws IOException {
    if (disk == null) {
      BuildResult result = check(options);
      if (result.passes(options.strict()) && !result.files().isEmpty()) {
        new SiteWriter().write(options.out(), result.files());
      }
      return result;
    }
    CompletableFuture<TemplateRenderer> templates = templates(options); // unused when nothing changed
    CompletableFuture<java.util.Optional<BuildRecord>> record = BackgroundWork.start("cache-record",
        () -> disk.readRecord(options.out()));
    CachedSources read = CachedSources.read(disk, options.source());
    try {
      return build(options, templates, record, read);
    } finally {
      read.finishWrites(); // a failed build too ends only when the cache files are on disk
    }
  }

  private BuildResult build(BuildOptions options, CompletableFuture<TemplateRenderer> templates,
      CompletableFuture<java.util.Optional<BuildRecord>> record, CachedSources read) throws IOException {
    SourceSet sources = read.sources();
    String theme = Fingerprints.theme(options.theme().dir());
    String inputs = Fingerprints.inputs(options, sources, read.digests(), theme);
    java.util.Optional<BuildRecord> last = BackgroundWork.join(record);
    if (last.isPresent() && last.get().inputs().equals(inputs) && last.get().site().matches(options.out())) {
      return new BuildResult(last.get().diagnostics(), List.of(), sources, last.get().lessons(), last.get().files(),
          true);
    }
    Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, String> declared = new HashMap<>();
    SitePlanner.Plan plan = plan(options, read, keys, declared);
    String structure = Fingerprints.structure(options, sources, read.digests(), theme, plan.curriculum(), declared);
    Kept keep = last.filter(r -> r.structure().equals(structure) && r.site().matches(options.out())
            && !SiteCommitter.interrupted(options.out()))
        .map(r -> new Kept(KeptFiles.keeper(r.site().files().keySet(), r.bodies(), keys), options.out(), r.site()))
        .orElse(NOTHING_KEPT);
    Assembled site = assemble(options, templates, sources, plan, keep);
    BuildResult result = site.result();
    if (result.passes(options.strict()) && !result.files().isEmpty()) {
      SiteManifest written = keep == NOTHING_KEPT ? new SiteWriter().writeSite(options.out(), result.files())
          : new SiteCommitter().commit(options.out(), result.files(), site.kept(), keep.manifest());
      disk.writeRecord(options.out(), new BuildRecord(Fingerprints.code(), inputs, structure, keys, result.lessons(),
          result.diagnostics(), result.fileCount(), written));
    }
    return result;
  }
}
