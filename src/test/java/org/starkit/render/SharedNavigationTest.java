package org.starkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.render.Views.Layout;
import org.starkit.render.Views.NavLink;
import org.starkit.render.Views.SiteView;

/**
 * The site header and footer are rendered once per navigation ({@code layout.chromeKey} with
 * Pebble's {@code cache} tag) and must come out exactly as rendering them for every page would.
 */
class SharedNavigationTest {
  private static final Path THEME = Path.of("themes/default");
  private static final SiteView SITE = new SiteView("Workshops", "Lessons.", "https://example.org/repo", "");

  private static List<NavLink> nav(String current) {
    List<NavLink> nav = new ArrayList<>();
    for (String path : List.of("index.html", "kits/index.html", "lessons/index.html", "tags/index.html")) {
      nav.add(new NavLink(path.substring(0, path.indexOf('.')), path, path.equals(current)));
    }
    return nav;
  }

  @Test
  void pagesDifferingOnlyInTitleShareAChromeKey() {
    Layout a = new Layout(SITE, "../", "Loops", "About loops.", "en", "https://example.org/a", nav("none"));
    Layout b = new Layout(SITE, "../", "Lists", "", "en", "", nav("none"));
    assertThat(a.chromeKey()).isEqualTo(b.chromeKey());
  }

  @Test
  void anythingTheHeaderOrFooterShowsChangesTheChromeKey() {
    Layout base = new Layout(SITE, "../", "Loops", "", "en", "", nav("none"));
    List<Layout> others = List.of(
        new Layout(SITE, "../../", "Loops", "", "en", "", nav("none")),
        new Layout(SITE, "../", "Loops", "", "fr", "", nav("none")),
        new Layout(SITE, "../", "Loops", "", "en", "", nav("lessons/index.html")),
        new Layout(new SiteView("Other", "Lessons.", "https://example.org/repo", ""), "../", "Loops", "", "en", "",
            nav("none")),
        new Layout(new SiteView("Workshops", "Lessons.", "", ""), "../", "Loops", "", "en", "", nav("none")),
        new Layout(SITE, "../", "Loops", "", "en", "", nav("none").subList(0, 3)));
    for (Layout other : others) {
      assertThat(other.chromeKey()).as(other.toString()).isNotEqualTo(base.chromeKey());
    }
    // no separator tricks: a title that holds the next field's text is still another key
    Layout shifted = new Layout(new SiteView("Workshops5:Less", "ons.", "https://example.org/repo", ""), "../",
        "Loops", "", "en", "", nav("none"));
    assertThat(shifted.chromeKey()).isNotEqualTo(base.chromeKey());
  }

  @Test
  void cachedHeaderAndFooterEqualRenderingThemForEveryPage(@TempDir Path dir) throws Exception {
    Path uncached = dir.resolve("theme");
    copyTheme(uncached);
    Path base = uncached.resolve("base.peb");
    String withoutCache = Files.readString(base).replaceAll("\\{% (end)?cache[^%]*%\\}\n", "");
    assertThat(withoutCache).doesNotContain("cache").contains("<header", "<footer");
    Files.writeString(base, withoutCache);

    TemplateRenderer cached = new TemplateRenderer(THEME, "themes/default");
    TemplateRenderer plain = new TemplateRenderer(uncached, "theme");
    List<Layout> pages = List.of(
        new Layout(SITE, "", "Home", "", "en", "", nav("index.html")),
        new Layout(SITE, "../", "Loops", "", "en", "", nav("none")),
        new Layout(SITE, "../", "Lists", "", "en", "", nav("none")),
        new Layout(SITE, "../../", "Deeper", "", "en", "", nav("none")),
        new Layout(SITE, "../../", "Kit", "", "en", "", nav("kits/index.html")),
        new Layout(SITE, "../", "Boucles", "", "fr", "", nav("none")),
        new Layout(new SiteView("Renamed", "", "", ""), "../", "Loops", "", "en", "", nav("none")));
    for (int round = 0; round < 2; round++) { // the second round is served from the cache
      for (Layout layout : pages) {
        String expected = plain.render("404.peb", Map.of("layout", layout));
        assertThat(cached.render("404.peb", Map.of("layout", layout))).as(layout.title()).isEqualTo(expected);
      }
    }
  }

  private static void copyTheme(Path to) throws IOException {
    try (Stream<Path> files = Files.walk(THEME)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(THEME.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
