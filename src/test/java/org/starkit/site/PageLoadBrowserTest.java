package org.starkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the pages of the shipped site in headless Chromium from a local static server: no page asks
 * for anything outside the site, every page fits a 320 px wide phone without sideways scrolling,
 * printing drops the navigation and shows link targets, and a lesson page stays under its weight
 * budget as transferred.
 */
class PageLoadBrowserTest {
  /** The pages shown at 320 px: every kind of page a reader lands on. */
  private static final List<String> NARROW = List.of("index.html", "404.html", "lessons/index.html",
      ShippedSite.LESSON, ShippedSite.INSTRUCTOR, "lessons/guessing-game/index.html", "levels/beginner/index.html",
      "formats/full-day/index.html", "tags/index.html", "kits/index.html", ShippedSite.KIT,
      "kits/python-full-day-beginners/index.html", "kits/python-evening-course/index.html",
      "kits/python-half-day-beginners/print.html", "kits/python-half-day-beginners/checklist.html",
      "kits/python-half-day-beginners/messages.html", "kits/python-half-day-beginners/setup.html",
      "kits/python-half-day-beginners/coaches.html", "kits/python-half-day-beginners/instructor.html",
      ShippedSite.EVENT, "events/index.html", "guides/organizing/index.html", "badges/index.html",
      ShippedSite.VERIFY, ShippedSite.SEARCH);

  private static BrowsedSite browsed;
  private static ShippedSite site;
  private static StaticServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    browsed = BrowsedSite.start("starkit-page-load-");
    site = browsed.site;
    server = browsed.server;
    browser = browsed.browser;
  }

  @AfterAll
  static void stop() throws IOException {
    if (browsed != null) {
      browsed.close();
    }
  }

  @Test
  void noPageRequestsAnythingOutsideTheSite() throws IOException {
    Map<String, List<String>> outside = new LinkedHashMap<>();
    // one page of each kind (lessons/*/index.html, kits/*/print.html, ...); LinkCrawlTest checks the
    // resource addresses of every page without a browser
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String page : site.pages()) {
      kinds.putIfAbsent(page.replaceAll("^([^/]+)/[^/]+/", "$1/*/"), page);
    }
    List<String> pages = List.copyOf(kinds.values());
    browser.requestedUrls(); // drop what came before
    for (String page : pages) {
      List<String> leaving = externalRequests(page);
      if (!leaving.isEmpty()) {
        outside.put(page, leaving);
      }
    }
    assertThat(pages).hasSizeGreaterThan(15).contains("index.html", "404.html", ShippedSite.VERIFY);
    assertThat(outside).as("requests leaving the site").isEmpty();
  }

  @Test
  void externalRequestsAreNoticed() throws IOException {
    // guards the check itself: an image, a stylesheet and a font on other hosts must all be seen
    Files.writeString(site.resolve("external-for-test.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>x</title>"
        + "<link rel=\"stylesheet\" href=\"https://cdn.example.invalid/x.css\">"
        + "<style>@font-face{font-family:X;src:url(http://fonts.example.invalid/x.woff2)} p{font-family:X}</style>"
        + "</head><body><p>text</p><img src=\"//img.example.invalid/a.png\" alt=\"a\"></body></html>");
    try {
      browser.requestedUrls();
      assertThat(externalRequests("external-for-test.html")).anySatisfy(u -> assertThat(u).contains("cdn.example"))
          .anySatisfy(u -> assertThat(u).contains("img.example"));
    } finally {
      Files.delete(site.resolve("external-for-test.html"));
    }
  }

  /** Loads {@code page} and returns every address it asked for, or refers to, outside the local server. */
  @SuppressWarnings("unchecked")
  private static List<String> externalRequests(String page) {
    browser.open(server.base() + page);
    List<String> urls = new ArrayList<>(browser.requestedUrls());
    // what resource timing saw, and every address the loaded document and its stylesheets point resources at
    urls.addAll((List<String>) browser.script("""
        const urls = performance.getEntriesByType('resource').map(e => e.name);
        const loading = '[src], link[href]:is([rel~=stylesheet], [rel~=icon], [rel~=preload], [rel~=modulepreload],'
          + ' [rel~=manifest], [rel~=prefetch]), object[data], video[poster], image, use';
        for (const e of document.querySelectorAll(loading)) {
          const u = e.src || e.href?.baseVal || e.href || e.data || e.poster || e.getAttribute('href');
          if (u) urls.push(String(u));
        }
        for (const sheet of document.styleSheets) {
          let rules;
          try { rules = sheet.cssRules; } catch (e) { urls.push('unreadable stylesheet ' + sheet.href); continue; }
          for (const rule of rules) {
            for (const m of rule.cssText.matchAll(/url\\(["']?([^"')]+)/g)) urls.push(new URL(m[1], sheet.href || location.href).href);
          }
        }
        return urls;"""));
    String local = server.base();
    // chrome:// addresses are the browser's own resources (Chromium 156 loads the clear icon of a
    // search field, which every page's header has, from chrome://resources on the first page that
    // shows one); they never leave the machine
    return urls.stream().filter(u -> !u.startsWith(local) && !u.startsWith("data:") && !u.startsWith("about:")
        && !u.startsWith("blob:") && !u.startsWith("chrome:")).distinct().toList();
  }

  @Test
  void mainPagesFitA320PixelScreenWithoutSidewaysScrolling() {
    Map<String, String> tooWide = new LinkedHashMap<>();
    browser.viewport(320, 640);
    try {
      for (String page : NARROW) {
        if (!site.has(page)) {
          continue; // the search page, until the theme has one
        }
        browser.open(server.base() + page);
        assertThat(browser.script("return document.documentElement.clientWidth")).isEqualTo(320L);
        long width = (Long) browser.script("return document.documentElement.scrollWidth");
        if (width > 320) {
          tooWide.put(page, width + " px, widest: " + browser.script("""
              return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 321)
                .slice(0, 3).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"""));
        }
      }
    } finally {
      browser.desktopViewport();
    }
    assertThat(tooWide).as("pages wider than a 320 px screen").isEmpty();
  }

  @Test
  void printingDropsNavigationAndShowsLinkTargets() {
    browser.media("print");
    try {
      for (String page : List.of(ShippedSite.LESSON, ShippedSite.KIT, "kits/python-half-day-beginners/print.html")) {
        browser.open(server.base() + page);
        assertThat(browser.script("""
            return [...document.querySelectorAll('.site-header nav, .skip-link, .site-footer, .kit-nav, .view-switch')]
              .filter(e => getComputedStyle(e).display !== 'none').map(e => e.outerHTML.slice(0, 60))"""))
            .as("navigation printed on " + page).asList().isEmpty();
        List<?> shown = (List<?>) browser.script("""
            return [...document.querySelectorAll('main a[href^="http"]')]
              .map(a => getComputedStyle(a, '::after').content)""");
        List<?> anchors = (List<?>) browser.script("""
            return [...document.querySelectorAll('main a[href^="#"], main a:not([href*=":"])')]
              .map(a => getComputedStyle(a, '::after').content).filter(c => c.includes('('))""");
        if (page.equals(ShippedSite.LESSON)) {
          assertThat(shown).as("external links on " + page).isNotEmpty();
        }
        assertThat(shown).as("printed targets of external links on " + page)
            .allSatisfy(c -> assertThat((String) c).startsWith("\" (").contains("http"));
        assertThat(anchors).as("in-site links and anchors get no printed target on " + page).isEmpty();
      }
    } finally {
      browser.media(null);
    }
  }

  @Test
  void lessonPageTransfersLessThanItsBudget() {
    browser.open(server.base() + ShippedSite.LESSON);
    long transferred = (Long) browser.script("""
        const nav = performance.getEntriesByType('navigation')[0];
        const res = performance.getEntriesByType('resource').filter(e => e.initiatorType !== 'img'
          && !/\\.(png|jpe?g|gif|svg|webp)$/.test(e.name));
        return Math.round(nav.transferSize + res.reduce((n, e) => n + e.transferSize, 0));""");
    long decoded = (Long) browser.script("return Math.round(performance.getEntriesByType('navigation')[0].decodedBodySize)");
    System.out.printf("%s in Chromium: %d bytes transferred (HTML, CSS, JS, gzip, with headers), HTML %d bytes decoded%n",
        ShippedSite.LESSON, transferred, decoded);
    assertThat(transferred).as("bytes transferred (gzip) for " + ShippedSite.LESSON).isPositive()
        .isLessThan(decoded).isLessThan(PageWeightTest.BUDGET);
  }
}
