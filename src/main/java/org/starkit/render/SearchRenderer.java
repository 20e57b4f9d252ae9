package org.starkit.render;

import java.util.ArrayList;
import java.util.List;
import org.starkit.model.Format;
import org.starkit.plan.Catalog;
import org.starkit.plan.PlannedLesson;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.search.LunrAsset;
import org.starkit.search.SearchIndexBuilder;
import org.starkit.write.OutputFile;

/**
 * Renders {@code search/index.html}: the search form and, for readers without JavaScript, the
 * whole catalog by level with each lesson's level and time commitment.
 */
final class SearchRenderer {
  static final String PAGE = "search/index.html";

  private final Catalog catalog;
  private final KitRenderer.PageFactory pages;
  private final MessageBundle text;

  SearchRenderer(Catalog catalog, KitRenderer.PageFactory pages, MessageBundle text) {
    this.catalog = catalog;
    this.pages = pages;
    this.text = text;
  }

  OutputFile render() throws ThemeException {
    return pages.page(PAGE, text.text("search.title"), text.text("search.description"), "search.peb",
        "search", view(), catalog.config().language());
  }

  SearchViews.SearchView view() {
    List<SearchViews.Group> groups = new ArrayList<>();
    List<SearchViews.Option> levels = new ArrayList<>();
    for (String level : catalog.config().levels()) {
      levels.add(new SearchViews.Option(level, text.level(level)));
      List<SearchViews.Entry> entries = catalog.withLevel(level).stream().map(this::entry).toList();
      if (!entries.isEmpty()) {
        groups.add(new SearchViews.Group("level-" + level, text.level(level), entries));
      }
    }
    List<SearchViews.Option> formats = new ArrayList<>(catalog.config().formats().stream()
        .map(f -> new SearchViews.Option(f.id(), text.format(f, catalog.config().language()))).toList());
    if (catalog.lessons().stream().anyMatch(p -> p.format().isEmpty())) {
      formats.add(new SearchViews.Option(SearchIndexBuilder.LONGER, text.text("listing.longer")));
    }
    return new SearchViews.SearchView(catalog.lessons().size(), groups, levels, formats, SearchIndexBuilder.PATH,
        LunrAsset.SCRIPT);
  }

  private SearchViews.Entry entry(PlannedLesson p) {
    String level = p.lesson().level();
    return new SearchViews.Entry(p.id(), p.lesson().title(), p.lesson().summary(), level, text.level(level),
        p.format().map(Format::id).orElse(SearchIndexBuilder.LONGER),
        p.format().map(f -> text.format(f, catalog.config().language())).orElse(text.text("listing.longer")), p.lesson().duration().toString(),
        SitePaths.lesson(p.id()));
  }
}
