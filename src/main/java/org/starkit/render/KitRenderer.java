package org.starkit.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.model.Format;
import org.starkit.plan.Catalog;
import org.starkit.plan.KitPlan;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/** Renders the kit finder, each kit's pages, and each kit's offline pack. */
final class KitRenderer {
  /** Sub-pages of a kit, each with its template; the title is message {@code kit.page.<name>}. */
  private static final List<String[]> PAGES = List.of(
      new String[] {"setup", "kit-setup.peb"},
      new String[] {"checklist", "kit-checklist.peb"},
      new String[] {"coaches", "kit-coaches.peb"},
      new String[] {"messages", "kit-messages.peb"},
      new String[] {"instructor", "kit-instructor.peb"},
      new String[] {"print", "kit-print.peb"});

  private final Catalog catalog;
  private final KitViewBuilder kits;
  private final PageFactory pages;
  private final MessageBundle text;

  KitRenderer(Catalog catalog, PageFactory pages, KitViewBuilder kits) {
    this.catalog = catalog;
    this.kits = kits;
    this.pages = pages;
    this.text = kits.views().text();
  }

  KitViews.Finder finder() {
    List<Views.GridColumn> columns = catalog.config().formats().stream()
        .map(f -> new Views.GridColumn(f.id(), f.title(), kits.views().length(f), SitePaths.format(f.id()))).toList();
    List<KitViews.FinderRow> rows = new ArrayList<>();
    for (String level : catalog.config().levels()) {
      List<KitViews.FinderCell> cells = new ArrayList<>();
      for (Format f : catalog.config().formats()) {
        cells.add(new KitViews.FinderCell(f.title(), catalog.kits().stream()
            .filter(k -> k.kit().level().equals(level) && k.format().id().equals(f.id())).map(kits::card).toList()));
      }
      rows.add(new KitViews.FinderRow(level, text.level(level), cells));
    }
    return new KitViews.Finder(columns, rows);
  }

  List<OutputFile> render() throws ThemeException {
    List<OutputFile> out = new ArrayList<>();
    out.add(pages.page(KitPaths.index(), text.text("nav.kits.title"), text.text("page.kits.description"), "kits.peb",
        "kits",
        new KitViews.KitIndexView(finder(), catalog.kits().stream().map(kits::card).toList()), catalog.config().language()));
    // A kit's view gathers every lesson of the kit: made on all cores, then handed to the page
    // factory in catalog order on this thread (a planning factory keeps the pages in that order).
    List<KitViews.KitView> views = catalog.kits().parallelStream()
        .map(plan -> kits.view(plan, Optional.empty(), Map.of())).toList();
    for (int i = 0; i < views.size(); i++) {
      KitPlan plan = catalog.kits().get(i);
      KitViews.KitView view = views.get(i);
      out.add(pages.page(KitPaths.kit(plan.kit().id()), plan.kit().title(), plan.kit().summary(), "kit.peb", "kit",
          view, catalog.config().language()));
      for (String[] p : PAGES) {
        out.add(pages.page(KitPaths.page(plan.kit().id(), p[0]),
            text.text("page.kit-sub", plan.kit().title(), text.text("kit.page." + p[0])),
            plan.kit().summary(), p[1], "kit", view, catalog.config().language()));
      }
    }
    return out;
  }

  /** Renders pages with the shared layout. */
  interface PageFactory {
    OutputFile page(String path, String title, String description, String template, String key, Object view,
        String lang) throws ThemeException;
  }
}
