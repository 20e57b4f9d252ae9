package org.starkit.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.starkit.badge.BadgePublisher;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.markdown.LinkTargets;
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
import org.starkit.validate.AnchorChecker;
import org.starkit.validate.BadgeChecker;
import org.starkit.validate.PrerequisiteChecker;
import org.starkit.validate.TranslationChecker;

/**
 * The stages between loading and templates, the same for a build and for the live preview: checks
 * across files (prerequisites, translations, kits, events, badges, anchors), publishing the badges,
 * rendering the Markdown bodies (however the caller renders or reuses them) and planning the
 * catalog. In: the loaded curriculum; out: a {@link Plan}.
 */
public final class SitePlanner {
  /** The planned site: the problems found (paths as the user sees them) and what to render. */
  public record Plan(List<Diagnostic> problems, Curriculum curriculum, Catalog catalog, BadgePublisher.Result badges) {}

  /** How a caller renders the Markdown bodies of a curriculum, by source path. */
  public interface Bodies {
    Map<String, RenderedPage> render(List<MarkdownBatch.Body> bodies, LinkTargets targets);
  }

  private SitePlanner() {}

  public static Plan plan(BuildOptions options, CurriculumLoader.Result loaded, Bodies markdown) {
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
    // Drawing and publishing the badges needs only the badges: on another core while Markdown renders.
    Curriculum planned = curriculum;
    CompletableFuture<BadgePublisher.Result> published = BackgroundWork.start("badges",
        () -> new BadgePublisher().publish(planned.badges(), planned.config()));
    Map<String, RenderedPage> pages = markdown.render(bodies(curriculum), targets(curriculum));
    BadgePublisher.Result badges;
    try {
      badges = BackgroundWork.join(published);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // publishing reads no files
    }
    problems.addAll(badges.diagnostics());
    pages.values().forEach(p -> problems.addAll(p.diagnostics()));
    problems.addAll(AnchorChecker.check(pages));
    List<Diagnostic> shown = new ArrayList<>(problems.stream().map(d -> d.withFile(prefix + d.file())).toList());
    Catalog catalog = new CatalogPlanner().plan(curriculum, pages, kits, events.events(), options.today());
    return new Plan(shown, curriculum, catalog, badges);
  }

  /** Every Markdown body of the curriculum (lessons, then guides) with the page it renders into. */
  static List<MarkdownBatch.Body> bodies(Curriculum curriculum) {
    List<MarkdownBatch.Body> bodies = new ArrayList<>();
    for (Lesson l : curriculum.lessons()) {
      bodies.add(new MarkdownBatch.Body(l.path(), l.body(), SitePaths.rootFor(SitePaths.lesson(l.id()))));
    }
    for (Guide g : curriculum.guides()) {
      bodies.add(new MarkdownBatch.Body(g.path(), g.body(), SitePaths.rootFor(SitePaths.guide(g.id()))));
    }
    return bodies;
  }

  /** Where links between source files lead on the site. */
  static LinkTargets targets(Curriculum curriculum) {
    Map<String, String> pageTargets = new HashMap<>();
    for (Lesson l : curriculum.lessons()) {
      pageTargets.put(l.path(), SitePaths.lesson(l.id()));
    }
    for (Guide g : curriculum.guides()) {
      pageTargets.put(g.path(), SitePaths.guide(g.id()));
    }
    Map<String, String> assets = new HashMap<>();
    curriculum.assets().forEach(a -> assets.put(a.file().path(), a.sitePath()));
    return new LinkTargets(pageTargets, assets);
  }
}
