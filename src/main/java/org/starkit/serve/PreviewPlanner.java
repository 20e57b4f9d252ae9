package org.starkit.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.badge.BadgePublisher;
import org.starkit.build.BuildOptions;
import org.starkit.build.MarkdownBatch;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;
import org.starkit.model.Curriculum;
import org.starkit.model.Guide;
import org.starkit.model.Kit;
import org.starkit.model.Lesson;
import org.starkit.plan.Catalog;
import org.starkit.plan.CatalogPlanner;
import org.starkit.plan.EventPlanner;
import org.starkit.plan.KitPlan;
import org.starkit.plan.KitPlanner;
import org.starkit.render.SitePaths;
import org.starkit.source.SourceSet;
import org.starkit.validate.AnchorChecker;
import org.starkit.validate.BadgeChecker;
import org.starkit.validate.PrerequisiteChecker;
import org.starkit.validate.TranslationChecker;

/**
 * The stages of {@code SiteBuilder.check} before templates, for the preview: loads (through
 * {@link PreviewLoader}), validates across files, renders only the Markdown bodies that changed and
 * plans the catalog. The cross-file checks (prerequisites, translations, kits, events, badges,
 * anchors) run over the whole curriculum every time: they are linear and cheap next to parsing and
 * rendering, and running them whole keeps them exactly as the build runs them.
 */
final class PreviewPlanner {
  /** The planned site: problems found so far (paths as the user sees them), and what to render. */
  record Plan(List<Diagnostic> problems, Curriculum curriculum, Catalog catalog, BadgePublisher.Result badges) {}

  /** A rendered body with what it was rendered from. */
  private record Body(String markdown, String root, RenderedPage page) {}

  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final PreviewLoader loader = new PreviewLoader();
  private Map<String, Body> bodies = new HashMap<>();
  private LinkTargets targets;
  private int rendered;

  /** How many Markdown bodies were rendered, over all plans. */
  int rendered() {
    return rendered;
  }

  /** How many lesson files were parsed, over all plans. */
  int parsed() {
    return loader.parsed();
  }

  Plan plan(BuildOptions options, SourceSet sources) {
    CurriculumLoader.Result loaded = loader.load(sources);
    Curriculum curriculum = loaded.curriculum();
    if (options.baseUrl().isPresent()) {
      curriculum = curriculum.withConfig(curriculum.config().withBaseUrl(options.baseUrl().get()));
    }
    List<Diagnostic> problems = new ArrayList<>(loaded.diagnostics());
    Map<String, Lesson> byId = curriculum.lessonsById();
    problems.addAll(new PrerequisiteChecker(byId, curriculum.config().levels()).check());
    String prefix = options.sourceLabel().isEmpty() ? "" : options.sourceLabel().replaceAll("/+$", "") + "/";
    problems.addAll(new TranslationChecker(byId, prefix).check());
    List<KitPlan> kits = new ArrayList<>();
    KitPlanner kitPlanner = new KitPlanner(curriculum.config(), byId);
    for (Kit kit : curriculum.kits()) {
      KitPlanner.Result r = kitPlanner.plan(kit);
      problems.addAll(r.diagnostics());
      r.plan().ifPresent(kits::add);
    }
    Map<String, Kit> kitsById = new HashMap<>();
    curriculum.kits().forEach(k -> kitsById.put(k.id(), k));
    Map<String, KitPlan> plansById = new HashMap<>();
    kits.forEach(k -> plansById.put(k.kit().id(), k));
    EventPlanner.Result events = new EventPlanner(kitsById, plansById, kitPlanner).plan(curriculum.events());
    problems.addAll(events.diagnostics());
    problems.addAll(BadgeChecker.check(curriculum));
    BadgePublisher.Result badges = new BadgePublisher().publish(curriculum.badges(), curriculum.config());
    problems.addAll(badges.diagnostics());
    Map<String, RenderedPage> pages = renderMarkdown(curriculum);
    pages.values().forEach(p -> problems.addAll(p.diagnostics()));
    problems.addAll(AnchorChecker.check(pages));
    List<Diagnostic> shown = new ArrayList<>(problems.stream().map(d -> d.withFile(prefix + d.file())).toList());
    Catalog catalog = new CatalogPlanner().plan(curriculum, pages, kits, events.events(), options.today());
    return new Plan(shown, curriculum, catalog, badges);
  }

  /** Every body's rendering, rendering only bodies that changed since the last plan. */
  private Map<String, RenderedPage> renderMarkdown(Curriculum curriculum) {
    Map<String, String> pageTargets = new HashMap<>();
    List<MarkdownBatch.Body> all = new ArrayList<>();
    for (Lesson l : curriculum.lessons()) {
      pageTargets.put(l.path(), SitePaths.lesson(l.id()));
      all.add(new MarkdownBatch.Body(l.path(), l.body(), SitePaths.rootFor(SitePaths.lesson(l.id()))));
    }
    for (Guide g : curriculum.guides()) {
      pageTargets.put(g.path(), SitePaths.guide(g.id()));
      all.add(new MarkdownBatch.Body(g.path(), g.body(), SitePaths.rootFor(SitePaths.guide(g.id()))));
    }
    Map<String, String> assets = new HashMap<>();
    curriculum.assets().forEach(a -> assets.put(a.file().path(), a.sitePath()));
    LinkTargets next = new LinkTargets(pageTargets, assets);
    if (!next.equals(targets)) {
      bodies = new HashMap<>(); // links render differently: every body again
    }
    targets = next;
    Map<String, RenderedPage> pages = new HashMap<>();
    Map<String, Body> kept = new HashMap<>();
    List<MarkdownBatch.Body> misses = new ArrayList<>();
    for (MarkdownBatch.Body b : all) {
      Body known = bodies.get(b.path());
      if (known != null && known.root().equals(b.root())
          && (known.markdown() == b.markdown() || known.markdown().equals(b.markdown()))) {
        pages.put(b.path(), known.page());
        kept.put(b.path(), known);
      } else {
        misses.add(b);
      }
    }
    Map<String, RenderedPage> fresh = MarkdownBatch.render(markdown, misses, next);
    rendered += misses.size();
    for (MarkdownBatch.Body b : misses) {
      RenderedPage page = fresh.get(b.path());
      pages.put(b.path(), page);
      kept.put(b.path(), new Body(b.markdown(), b.root(), page));
    }
    bodies = kept;
    return pages;
  }
}
