package org.starkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page weight budget: every lesson page of the shipped site (learner and instructor view)
 * transfers under 60 KB, counting the gzip-compressed HTML and every stylesheet and script it loads,
 * and not the lesson's own images. PageLoadBrowserTest measures the same in Chromium.
 */
class PageWeightTest {
  static final int BUDGET = 60 * 1024;
  private static ShippedSite site;

  @BeforeAll
  static void build() throws IOException {
    site = ShippedSite.build();
  }

  @AfterAll
  static void clean() throws IOException {
    if (site != null) {
      site.close();
    }
  }

  @Test
  void everyLessonPageTransfersLessThan60Kilobytes() throws IOException {
    Map<String, Integer> weights = new TreeMap<>();
    for (String page : site.pages()) {
      if (page.startsWith("lessons/") && !page.equals("lessons/index.html")) {
        weights.put(page, transferred(page));
      }
    }
    assertThat(weights).hasSizeGreaterThanOrEqualTo(34);
    List<Integer> sorted = new ArrayList<>(weights.values());
    sorted.sort(null);
    System.out.printf("lesson pages: %d, median %.1f KB, largest %.1f KB (%s), HTML of %s %.1f KB, style.css %.1f KB%n",
        sorted.size(), sorted.get(sorted.size() / 2) / 1024.0, sorted.get(sorted.size() - 1) / 1024.0,
        weights.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey(), ShippedSite.LESSON,
        gzipped(ShippedSite.LESSON) / 1024.0, gzipped("assets/style.css") / 1024.0);
    assertThat(weights).allSatisfy((page, bytes) -> assertThat(bytes).as(page).isLessThan(BUDGET));
  }

  /** gzip size of the page and of every stylesheet and script it loads (images excluded). */
  private static int transferred(String page) throws IOException {
    Document doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
    int bytes = gzipped(page);
    for (Element e : doc.select("link[rel~=stylesheet][href], script[src]")) {
      Path file = site.resolve(page).getParent().resolve(e.hasAttr("src") ? e.attr("src") : e.attr("href")).normalize();
      assertThat(file).as("loaded by " + page).isRegularFile();
      bytes += StaticServer.gzip(Files.readAllBytes(file)).length;
    }
    return bytes;
  }

  private static int gzipped(String file) throws IOException {
    return StaticServer.gzip(Files.readAllBytes(site.resolve(file))).length;
  }
}
