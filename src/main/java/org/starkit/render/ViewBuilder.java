package org.starkit.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.model.Author;
import org.starkit.model.Format;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.SiteConfig;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.plan.TimeBudget;
import org.starkit.render.Views.AuthorView;
import org.starkit.render.Views.LessonCard;
import org.starkit.render.Views.LessonView;

/** Builds the view records of lessons and listings from the catalog, for pages in one language. */
final class ViewBuilder {
  private static final Map<String, String> LICENSE_URLS = Map.of(
      "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
      "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
      "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/");

  private final Catalog catalog;
  private final SiteConfig config;
  private final Map<String, PlannedLesson> byId;
  private final Map<String, List<PlannedLesson>> translations;
  private final MessageBundle text;
  /** What a lesson's edit link starts with, before its path; empty without a repository. */
  private final String editPrefix;

  ViewBuilder(Catalog catalog, MessageBundle text) {
    this.catalog = catalog;
    this.config = catalog.config();
    this.text = text;
    this.editPrefix = config.repository().isEmpty() ? ""
        : config.repository().replaceAll("/+$", "") + "/edit/" + config.branch() + "/"
            + (config.contentPath().isEmpty() ? "" : config.contentPath().replaceAll("^/+|/+$", "") + "/");
    Map<String, PlannedLesson> m = new java.util.HashMap<>();
    catalog.lessons().forEach(p -> m.put(p.id(), p));
    this.byId = m;
    Map<String, List<PlannedLesson>> t = new java.util.HashMap<>();
    for (PlannedLesson p : catalog.lessons()) {
      original(p).ifPresent(o -> t.computeIfAbsent(o.id(), k -> new ArrayList<>()).add(p));
    }
    t.values().forEach(list -> list.sort(java.util.Comparator.comparing(x -> x.lesson().language())));
    this.translations = t;
  }

  /** The lesson with this id, from a table: kits and badges look up many, so never by scanning the catalog. */
  java.util.Optional<PlannedLesson> lesson(String id) {
    return java.util.Optional.ofNullable(byId.get(id));
  }

  /** The strings of the language these views are for. */
  MessageBundle text() {
    return text;
  }

  LessonCard card(PlannedLesson p) {
    Lesson l = p.lesson();
    String languageName = l.language().equalsIgnoreCase(text.lang()) ? "" : MessageBundle.languageName(l.language());
    return new LessonCard(l.id(), l.title(), l.summary(), l.level(), text.level(l.level()),
        l.duration().toString(), SitePaths.lesson(l.id()), l.language(), languageName);
  }

  /** The original a lesson translates, when {@code translation_of} names a lesson that is no translation. */
  private Optional<PlannedLesson> original(PlannedLesson p) {
    return p.lesson().translationOf().map(r -> byId.get(r.id()))
        .filter(o -> o != p && !o.lesson().isTranslation());
  }

  private static Views.TranslationLink link(PlannedLesson p) {
    Lesson l = p.lesson();
    return new Views.TranslationLink(l.language(), MessageBundle.languageName(l.language()), l.title(),
        SitePaths.lesson(l.id()));
  }

  List<LessonCard> cards(List<PlannedLesson> lessons) {
    return lessons.stream().map(this::card).toList();
  }

  LessonView lesson(PlannedLesson p, boolean instructor) {
    Lesson l = p.lesson();
    List<LessonCard> prereqs = l.prerequisiteIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
        .map(this::card).toList();
    List<LessonCard> dependents = p.dependents().stream().map(byId::get).filter(java.util.Objects::nonNull)
        .map(this::card).toList();
    List<AuthorView> authors = l.authors().stream().map(ViewBuilder::author).toList();
    String editUrl = editPrefix.isEmpty() ? "" : editPrefix + l.path();
    Optional<Format> format = p.format();
    String body = CalloutLabeler.localize(instructor ? p.page().instructorHtml() : p.page().learnerHtml(), text);
    return new LessonView(l.id(), l.title(), l.level(), text.level(l.level()), SitePaths.level(l.level()),
        l.duration().toString(), LessonDuration.format(l.duration().teaching()),
        l.duration().exercises() == 0 ? "" : LessonDuration.format(l.duration().exercises()), l.summary(),
        l.objectives(), prereqs, dependents, l.tags(), l.setup(), authors, l.license(),
        LICENSE_URLS.getOrDefault(l.license(), "https://spdx.org/licenses/" + l.license() + ".html"),
        l.attribution(), editUrl, body, instructor, p.page().hasInstructorNotes(),
        instructor ? SitePaths.lesson(l.id()) : SitePaths.instructor(l.id()),
        format.map(this::formatTitle).orElse(""), format.map(f -> SitePaths.format(f.id())).orElse(""),
        LessonDuration.format(TimeBudget.withBreaks(p.pathMinutes())), l.badge().map(r -> r.id()).orElse(""),
        l.language(), original(p).map(ViewBuilder::link).orElse(null),
        translations.getOrDefault(l.id(), List.of()).stream().map(ViewBuilder::link).toList());
  }

  /** A time commitment's title in these views' language. */
  String formatTitle(Format f) {
    return text.format(f, config.language());
  }

  private static AuthorView author(Author a) {
    String url = !a.github().isEmpty() ? "https://github.com/" + a.github()
        : !a.orcid().isEmpty() ? "https://orcid.org/" + a.orcid() : "";
    return new AuthorView(a.name(), url);
  }

  /** Groups lessons by level, in the vocabulary's order, leaving out empty levels. */
  List<Views.ListingGroup> byLevel(List<PlannedLesson> lessons) {
    List<Views.ListingGroup> groups = new ArrayList<>();
    for (String level : config.levels()) {
      List<PlannedLesson> of = lessons.stream().filter(p -> p.lesson().level().equals(level)).toList();
      if (!of.isEmpty()) {
        groups.add(new Views.ListingGroup("level-" + level, text.level(level), "", cards(of)));
      }
    }
    return groups;
  }

  /** Groups lessons by time commitment, shortest first; lessons too long for every format come last. */
  List<Views.ListingGroup> byFormat(List<PlannedLesson> lessons) {
    List<Views.ListingGroup> groups = new ArrayList<>();
    for (Format f : config.formats()) {
      List<PlannedLesson> of = lessons.stream().filter(p -> p.format().map(x -> x.id().equals(f.id())).orElse(false))
          .toList();
      if (!of.isEmpty()) {
        groups.add(new Views.ListingGroup("format-" + f.id(), formatTitle(f), length(f), cards(of)));
      }
    }
    List<PlannedLesson> longer = lessons.stream().filter(p -> p.format().isEmpty()).toList();
    if (!longer.isEmpty()) {
      groups.add(new Views.ListingGroup("format-longer", text.text("listing.longer"), "", cards(longer)));
    }
    return groups;
  }

  String length(Format f) {
    String each = LessonDuration.format(f.minutes());
    return f.multiSession() ? text.text("length.sessions", f.sessions(), each) : each;
  }

  Catalog catalog() {
    return catalog;
  }
}
