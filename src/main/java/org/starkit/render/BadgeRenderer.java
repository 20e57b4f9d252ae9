package org.starkit.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.starkit.model.Achievement;
import org.starkit.plan.Catalog;

import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/** Renders the badge listing, each achievement's permanent page and the verify page. */
final class BadgeRenderer {
  static final String INDEX = "badges/index.html";
  static final String VERIFY = "verify/index.html";

  private final Catalog catalog;
  private final KitRenderer.PageFactory pages;

  BadgeRenderer(Catalog catalog, KitRenderer.PageFactory pages) {
    this.catalog = catalog;
    this.pages = pages;
  }

  static String page(String id) {
    return "badges/" + id + "/index.html";
  }

  List<OutputFile> render(TemplateRenderer templates) throws ThemeException {
    List<OutputFile> out = new ArrayList<>();
    List<Achievement> achievements = catalog.badges().achievements();
    if (achievements.isEmpty()) {
      return out;
    }
    String lang = catalog.config().language();
    List<KitViews.BadgeCard> cards = achievements.stream().map(a -> new KitViews.BadgeCard(a.id(), a.name(),
        a.description(), "badges/" + a.id() + "/image.svg", page(a.id()))).toList();
    out.add(pages.page(INDEX, "Badges", "Badges learners can earn, and how to verify them.", "badges.peb", "badges",
        new KitViews.BadgeIndexView(cards, VERIFY), lang));
    ViewBuilder views = new ViewBuilder(catalog);
    KitViewBuilder kits = new KitViewBuilder(catalog);
    for (Achievement a : achievements) {
      List<Views.LessonCard> lessons = a.lessons().stream().map(r -> catalog.lesson(r.id()))
          .flatMap(java.util.Optional::stream).map(views::card).toList();
      KitViews.KitCard kit = a.kit().flatMap(r -> catalog.kits().stream().filter(k -> k.kit().id().equals(r.id()))
          .findFirst()).map(kits::card).orElse(null);
      String validity = a.validity().map(p -> p.getYears() > 0 ? p.getYears() + " years" : p.getMonths() > 0
          ? p.getMonths() + " months" : p.getDays() + " days").orElse("");
      out.add(pages.page(page(a.id()), a.name(), a.description(), "badge.peb", "badge", new KitViews.BadgeView(a.id(),
          a.name(), a.description(), a.narrative(), "badges/" + a.id() + "/image.svg", a.level(), a.tags(), validity,
          lessons, kit, "badges/" + a.id() + "/achievement.json", "badges/" + a.id() + "/badgeclass.json", VERIFY,
          catalog.config().issuer().name()), lang));
    }
    out.add(pages.page(VERIFY, "Verify a badge", "Check a badge from this site in your browser.", "verify.peb",
        "verify", Map.of(), lang));
    return out;
  }

}
