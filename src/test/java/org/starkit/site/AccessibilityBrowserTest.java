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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * axe-core (WCAG 2.1 A and AA rules) on the main kinds of page of the shipped site, in the light and
 * the dark colour scheme, and keyboard checks: skip link, visible focus, solutions that open from the
 * keyboard, and no keyboard trap.
 */
class AccessibilityBrowserTest {
  private static final List<String> PAGES = List.of("index.html", ShippedSite.LESSON, ShippedSite.INSTRUCTOR,
      ShippedSite.KIT, ShippedSite.EVENT, ShippedSite.SEARCH, ShippedSite.VERIFY);

  private static BrowsedSite browsed;
  private static ShippedSite site;
  private static StaticServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    browsed = BrowsedSite.start("starkit-a11y-");
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

  /** The pages to check: the search page only once the theme has one. */
  private static List<String> pages() {
    return PAGES.stream().filter(p -> !p.equals(ShippedSite.SEARCH) || site.has(p)).toList();
  }

  @Test
  void mainPagesHaveNoWcagViolationsInLightScheme() throws IOException {
    assertNoViolations("light");
  }

  @Test
  void mainPagesHaveNoWcagViolationsInDarkScheme() throws IOException {
    assertNoViolations("dark");
  }

  private void assertNoViolations(String scheme) throws IOException {
    browser.colorScheme(scheme);
    Map<String, List<String>> found = new LinkedHashMap<>();
    try {
      for (String page : pages()) {
        browser.open(server.base() + page);
        // the emulation must really take effect: the page's own background follows the scheme
        assertThat(browser.script("return matchMedia('(prefers-color-scheme: dark)').matches"))
            .isEqualTo(scheme.equals("dark"));
        long brightness = (Long) browser.script("""
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
            return Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);""");
        assertThat(brightness).as("background brightness of " + page + " in the " + scheme + " scheme")
            .matches(v -> scheme.equals("dark") ? v < 60 : v > 200);
        List<String> violations = browser.axeViolations();
        if (!violations.isEmpty()) {
          found.put(page, violations);
        }
      }
    } finally {
      browser.colorScheme("light");
    }
    assertThat(found).as("WCAG 2.1 A/AA violations in the " + scheme + " scheme").isEmpty();
  }

  @Test
  void axeFindsViolationsInABrokenPage() throws IOException {
    // guards the check itself: axe must run and report
    Path broken = site.resolve("broken-for-test.html");
    Files.writeString(broken, "<!DOCTYPE html><html><head><title>x</title></head><body>"
        + "<img src=\"x.png\"><p style=\"color:#777;background:#888\">low contrast</p></body></html>");
    try {
      browser.open(server.base() + "broken-for-test.html");
      assertThat(browser.axeViolations()).anySatisfy(v -> assertThat(v).startsWith("image-alt"))
          .anySatisfy(v -> assertThat(v).startsWith("html-has-lang"))
          .anySatisfy(v -> assertThat(v).startsWith("color-contrast"));
    } finally {
      Files.delete(broken);
    }
  }

  @Test
  void skipLinkIsFirstAndMovesFocusToMain() {
    for (String page : pages()) {
      browser.open(server.base() + page);
      tab();
      assertThat(browser.script("return document.activeElement.className + ' ' + document.activeElement.getAttribute('href')"))
          .as(page).isEqualTo("skip-link #main");
      assertThat(browser.script("return document.activeElement.getBoundingClientRect().top >= 0"))
          .as("the focused skip link is on screen on " + page).isEqualTo(true);
      new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
      assertThat(browser.script("return document.activeElement.id")).as(page).isEqualTo("main");
      tab();
      assertThat(browser.script("return document.getElementById('main').contains(document.activeElement)"))
          .as("the next Tab after the skip link stays in main on " + page).isEqualTo(true);
    }
  }

  @Test
  void tabbingReachesEveryControlWithVisibleFocusAndLeavesThePage() {
    for (String page : List.of("index.html", ShippedSite.LESSON, ShippedSite.KIT, ShippedSite.VERIFY)) {
      browser.open(server.base() + page);
      long tabbable = (Long) browser.script("""
          const all = document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]),'
            + ' select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])');
          let n = 0;
          for (const e of all) {
            if (e.getClientRects().length > 0 || e.classList.contains('skip-link')) { e.dataset.tabTest = n++; }
          }
          return n;""");
      assertThat(tabbable).as(page).isGreaterThan(3);
      List<String> visited = new ArrayList<>();
      List<String> invisible = new ArrayList<>();
      boolean left = false;
      for (int i = 0; i < tabbable + 10 && !left; i++) {
        tab();
        String id = (String) browser.script("""
            const e = document.activeElement;
            return e && e !== document.body && e.dataset ? (e.dataset.tabTest ?? 'untracked:' + e.outerHTML.slice(0, 80)) : null;""");
        if (id == null || (!visited.isEmpty() && id.equals(visited.get(0)))) {
          left = true; // focus went back to the browser, or wrapped around to the skip link
        } else {
          visited.add(id);
          if (!focusIsVisible()) {
            invisible.add((String) browser.script("return document.activeElement.outerHTML.slice(0, 120)"));
          }
        }
      }
      assertThat(left).as("Tab leaves " + page + " after its last control (no keyboard trap)").isTrue();
      assertThat(visited).as("every control of " + page + " is reached by Tab, once").doesNotHaveDuplicates()
          .hasSize((int) tabbable);
      assertThat(invisible).as("controls on " + page + " without a visible focus indicator").isEmpty();
    }
  }

  @Test
  void solutionsOpenAndCloseFromTheKeyboard() {
    browser.open(server.base() + ShippedSite.LESSON);
    List<WebElement> solutions = browser.driver().findElements(org.openqa.selenium.By.cssSelector("details.callout"));
    assertThat(solutions).isNotEmpty();
    WebElement details = solutions.get(0);
    assertThat(details.getAttribute("open")).isNull();
    // reach the summary with Tab as a keyboard user does
    tab();
    for (int i = 0; i < 300 && !(Boolean) browser.script(
        "return document.activeElement === arguments[0].querySelector('summary')", details); i++) {
      tab();
    }
    assertThat(browser.script("return document.activeElement.tagName")).isEqualTo("SUMMARY");
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    assertThat(details.getAttribute("open")).isNotNull();
    assertThat(browser.script("return arguments[0].lastElementChild.getClientRects().length > 0", details))
        .isEqualTo(true);
    new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
    assertThat(details.getAttribute("open")).isNull();
    new Actions(browser.driver()).sendKeys(Keys.SPACE).perform();
    assertThat(details.getAttribute("open")).isNotNull();
  }

  private static void tab() {
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
  }

  /** Whether the focused element looks different from its unfocused self: outline or box shadow. */
  private static boolean focusIsVisible() {
    return (Boolean) browser.script("""
        const e = document.activeElement;
        const look = () => { const s = getComputedStyle(e);
          return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.textDecorationLine].join('|'); };
        const focused = look();
        const hasRing = getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2
          || getComputedStyle(e).boxShadow !== 'none';
        e.blur();
        const blurred = look();
        e.focus();
        return hasRing && focused !== blurred;""");
  }
}
