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
  private final KitViewBuilder kits;
  private final KitRenderer.PageFactory pages;
  private final MessageBundle text;

  BadgeRenderer(Catalog catalog, KitRenderer.PageFactory pages, KitViewBuilder kits) {
    this.catalog = catalog;
    this.pages = pages;
    this.kits = kits;
    this.text = kits.views().text();
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
    out.add(pages.page(INDEX, text.text("nav.badges"), text.text("page.badges.description"), "badges.peb", "badges",
        new KitViews.BadgeIndexView(cards, VERIFY), lang));
    ViewBuilder views = kits.views();
    for (Achievement a : achievements) {
      List<Views.LessonCard> lessons = a.lessons().stream().map(r -> views.lesson(r.id()))
          .flatMap(java.util.Optional::stream).map(views::card).toList();
      KitViews.KitCard kit = a.kit().flatMap(r -> catalog.kits().stream().filter(k -> k.kit().id().equals(r.id()))
          .findFirst()).map(kits::card).orElse(null);
      String validity = a.validity().map(p -> p.getYears() > 0 ? text.text("badge.years", p.getYears())
          : p.getMonths() > 0 ? text.text("badge.months", p.getMonths()) : text.text("badge.days", p.getDays()))
          .orElse("");
      out.add(pages.page(page(a.id()), a.name(), a.description(), "badge.peb", "badge", new KitViews.BadgeView(a.id(),
          a.name(), a.description(), a.narrative(), "badges/" + a.id() + "/image.svg", a.level(), a.tags(), validity,
          lessons, kit, "badges/" + a.id() + "/achievement.json", "badges/" + a.id() + "/badgeclass.json", VERIFY,
          catalog.config().issuer().name()), lang));
    }
    out.add(pages.page(VERIFY, text.text("verify.heading"), text.text("page.verify.description"), "verify.peb",
        "verify", Map.of(), lang));
    return out;
  }

}
