package org.starkit.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.starkit.build.BuildOptions;
import org.starkit.build.MarkdownBatch;
import org.starkit.build.SitePlanner;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.markdown.Heading;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.RenderedPage;
import org.starkit.model.Curriculum;
import org.starkit.model.Lesson;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.render.SitePaths;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;
import org.starkit.validate.AnchorChecker;
import org.starkit.validate.TranslationChecker;

/**
 * The commonest save, planned without the whole-curriculum stages: lessons whose front matter is
 * as it was and only whose Markdown body changed. The last plan is kept and each such lesson's
 * body rendered again and swapped in, together with everything a body decides in a clean build:
 * the lesson itself (its body and its fingerprint), its rendered page (HTML, headings, links,
 * search words, instructor notes: the catalog hands these to every page, kit pack and index that
 * shows them), the page's own problems, the anchor checks of its links (and of every link, when
 * its headings changed) and, when other lessons translate it, the translation checks that compare
 * its fingerprint. Anything else (a front-matter change, a changed parse problem, a file added,
 * removed or not a lesson, a read problem) returns empty, and the caller plans the whole site.
 */
final class BodyEditPlanner {
  /** The last plan with what it was made from, and what the next edit needs of it, found when first needed. */
  private static final class Last {
    private final SourceSet sources;
    private final SitePlanner.Plan plan;
    private final LinkTargets targets;
    private final Map<String, RenderedPage> pages;
    private List<Diagnostic> anchors;
    private Map<String, int[]> positions;
    private Set<String> translated;

    Last(SourceSet sources, SitePlanner.Plan plan, LinkTargets targets, Map<String, RenderedPage> pages) {
      this.sources = sources;
      this.plan = plan;
      this.targets = targets;
      this.pages = pages;
    }

    /** The anchor problems of the plan: what {@link AnchorChecker#check} found in it. */
    List<Diagnostic> anchors() {
      if (anchors == null) {
        anchors = AnchorChecker.check(pages);
      }
      return anchors;
    }

    /** Where each lesson is in the curriculum's and in the catalog's list, by source path. */
    Map<String, int[]> positions() {
      if (positions == null) {
        positions = new HashMap<>();
        List<Lesson> lessons = plan.curriculum().lessons();
        for (int i = 0; i < lessons.size(); i++) {
          positions.put(lessons.get(i).path(), new int[] {i, -1});
        }
        List<PlannedLesson> planned = plan.catalog().lessons();
        for (int i = 0; i < planned.size(); i++) {
          int[] where = positions.get(planned.get(i).lesson().path());
          if (where != null) {
            where[1] = i;
          }
        }
        positions.values().removeIf(w -> w[1] < 0);
      }
      return positions;
    }

    /** Ids of the lessons that some lesson translates. */
    Set<String> translated() {
      if (translated == null) {
        translated = new HashSet<>();
        plan.curriculum().lessons().forEach(l -> l.translationOf().ifPresent(r -> translated.add(r.id())));
      }
      return translated;
    }
  }

  private final PreviewLoader loader;
  private final SitePlanner.Bodies markdown;
  private Last last;

  /** @param markdown renders the bodies of edited lessons */
  BodyEditPlanner(PreviewLoader loader, SitePlanner.Bodies markdown) {
    this.loader = loader;
    this.markdown = markdown;
  }

  /** Keeps a plan made whole, with what it was made from, for the next edit. */
  void keep(SourceSet sources, SitePlanner.Plan plan, LinkTargets targets, Map<String, RenderedPage> pages) {
    last = new Last(sources, plan, targets, pages);
  }

  /** Forgets the last plan, so that the next edit is planned whole. */
  void forget() {
    last = null;
  }

  /**
   * The plan after {@code changed} (source paths whose content changed since the last plan), or
   * empty when that is not an edit of lesson bodies alone, or there is no last plan. {@code files}
   * finds a file of {@code sources} by path, without a scan of them all.
   */
  Optional<SitePlanner.Plan> plan(BuildOptions options, SourceSet sources, Set<String> changed,
      Function<String, Optional<SourceFile>> files) {
    Last before = last;
    last = null; // kept again once this edit is planned: a failure half way plans the next one whole
    if (before == null || changed.isEmpty() || !sources.diagnostics().equals(before.sources.diagnostics())) {
      return Optional.empty();
    }
    List<Lesson[]> edits = new ArrayList<>();
    Map<String, int[]> at = before.positions();
    Curriculum curriculum = before.plan.curriculum();
    Catalog catalog = before.plan.catalog();
    for (String path : changed) {
      Optional<Lesson[]> edit = bodyEdit(files.apply(path), path);
      int[] where = at.get(path);
      if (edit.isEmpty() || where == null || curriculum.lessons().get(where[0]) != edit.get()[0]
          || catalog.lessons().get(where[1]).lesson() != edit.get()[0]) {
        return Optional.empty(); // not a body edit, or a lesson the plan left out, such as one with a duplicate id
      }
      edits.add(edit.get());
    }
    List<MarkdownBatch.Body> bodies = edits.stream().map(e -> new MarkdownBatch.Body(e[1].path(), e[1].body(),
        SitePaths.rootFor(SitePaths.lesson(e[1].id())))).toList();
    Map<String, RenderedPage> fresh = markdown.render(bodies, before.targets);
    Map<String, RenderedPage> pages = new HashMap<>(before.pages);
    List<Lesson> lessons = new ArrayList<>(curriculum.lessons());
    List<PlannedLesson> planned = new ArrayList<>(catalog.lessons());
    List<Diagnostic> removed = new ArrayList<>();
    List<Diagnostic> added = new ArrayList<>();
    boolean headingsChanged = false;
    for (Lesson[] e : edits) {
      RenderedPage old = before.pages.get(e[0].path());
      RenderedPage now = fresh.get(e[1].path());
      if (old == null || now == null) {
        return Optional.empty();
      }
      removed.addAll(old.diagnostics());
      added.addAll(now.diagnostics());
      headingsChanged |= !ids(old).equals(ids(now));
      pages.put(e[1].path(), now);
      int[] where = at.get(e[0].path());
      lessons.set(where[0], e[1]);
      PlannedLesson p = planned.get(where[1]);
      planned.set(where[1], new PlannedLesson(e[1], now, p.pathMinutes(), p.format(), p.dependents()));
    }
    Curriculum next = new Curriculum(curriculum.config(), lessons, curriculum.guides(), curriculum.assets(),
        curriculum.kits(), curriculum.organizing(), curriculum.events(), curriculum.badges());
    List<Diagnostic> anchors = anchors(before, pages, edits, headingsChanged);
    removed.addAll(before.anchors());
    added.addAll(anchors);
    String prefix = options.sourceLabel().isEmpty() ? "" : options.sourceLabel().replaceAll("/+$", "") + "/";
    if (edits.stream().anyMatch(e -> before.translated().contains(e[0].id()))) {
      // A translation records its original's fingerprint, which every edit of the original changes.
      removed.addAll(new TranslationChecker(curriculum.lessonsById(), prefix).check());
      added.addAll(new TranslationChecker(next.lessonsById(), prefix).check());
    }
    List<Diagnostic> problems = new ArrayList<>(before.plan.problems());
    for (Diagnostic d : removed) {
      if (!problems.remove(d.withFile(prefix + d.file()))) {
        return Optional.empty(); // not what the last plan found: plan it whole
      }
    }
    added.forEach(d -> problems.add(d.withFile(prefix + d.file())));
    Catalog nextCatalog = new Catalog(catalog.config(), planned, catalog.tags(), catalog.guides(), catalog.kits(),
        catalog.organizing(), catalog.events(), catalog.today(), catalog.badges());
    SitePlanner.Plan plan = new SitePlanner.Plan(problems, next, nextCatalog, before.plan.badges());
    Last now = new Last(sources, plan, before.targets, pages);
    now.anchors = anchors;
    now.positions = at; // the same lessons in the same places
    now.translated = before.translated; // which lessons translate which is front matter, unchanged
    last = now;
    return Optional.of(plan);
  }

  /** The lesson at {@code path} before and after a body-only edit, or empty when it is not one. */
  private Optional<Lesson[]> bodyEdit(Optional<SourceFile> file, String path) {
    PreviewLoader.Parse old = loader.kept(path);
    if (file.isEmpty() || old == null || old.lesson().isEmpty() || !file.get().isUnder("lessons")
        || !path.endsWith(".md") || !CurriculumLoader.isLesson(file.get())) {
      return Optional.empty();
    }
    PreviewLoader.Parse now = loader.reparse(file.get());
    if (now.lesson().isEmpty() || !now.problems().equals(old.problems())) {
      return Optional.empty();
    }
    Lesson before = old.lesson().get();
    Lesson after = now.lesson().get();
    return after.withBody(before.body(), before.fingerprint()).equals(before)
        ? Optional.of(new Lesson[] {before, after}) : Optional.empty();
  }

  /** The anchor problems with the edited pages in: only their own links, unless their headings changed. */
  private static List<Diagnostic> anchors(Last before, Map<String, RenderedPage> pages, List<Lesson[]> edits,
      boolean headingsChanged) {
    if (headingsChanged) {
      return AnchorChecker.check(pages); // links from other pages to the edited ones may break or mend
    }
    Set<String> edited = edits.stream().map(e -> e[0].path()).collect(Collectors.toSet());
    List<Diagnostic> now = new ArrayList<>(before.anchors().stream().filter(d -> !edited.contains(d.file())).toList());
    for (String path : edited) {
      now.addAll(AnchorChecker.checkFrom(path, pages));
    }
    return now;
  }

  private static Set<String> ids(RenderedPage page) {
    return page.headings().stream().map(Heading::id).collect(Collectors.toSet());
  }
}
