package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.write.OutputFile;

class OfflinePackTest {
  @TempDir
  Path tmp;

  private Map<String, byte[]> zip() throws IOException {
    return entries(new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("site"))));
  }

  private static Map<String, byte[]> entries(BuildResult result) throws IOException {
    OutputFile zip = result.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow();
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  @Test
  void containsTheKitItsLessonsTheirImagesAndTheStylesheet() throws IOException {
    assertThat(zip().keySet()).contains("index.html", "kits/tiny/index.html", "kits/tiny/setup.html",
        "kits/tiny/checklist.html", "kits/tiny/print.html", "lessons/hello/index.html", "lessons/second/index.html",
        "files/basics/images/hello.png", "assets/style.css").doesNotContain("lessons/deeper/index.html");
  }

  /** The site's file at {@code path}. */
  private static String page(BuildResult result, String path) {
    return result.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().text();
  }

  @Test
  void packedPageIsTheSitePageExceptItsRelinkedLinks() throws IOException {
    BuildResult result = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("site")));
    Map<String, byte[]> entries = entries(result);
    java.util.regex.Pattern link = java.util.regex.Pattern.compile("(href|action)=\"([^\"]*)\"");
    int relinked = 0;
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!e.getKey().endsWith(".html") || e.getKey().equals("index.html")) {
        continue;
      }
      String packed = new String(e.getValue(), StandardCharsets.UTF_8);
      String site = page(result, e.getKey());
      // with every link's value blanked, page and packed page are the same text
      assertThat(link.matcher(packed).replaceAll("$1=\"\"")).as(e.getKey())
          .isEqualTo(link.matcher(site).replaceAll("$1=\"\""));
      java.util.regex.Matcher a = link.matcher(site);
      java.util.regex.Matcher b = link.matcher(packed);
      while (a.find() && b.find()) {
        if (!a.group(2).equals(b.group(2))) {
          relinked++;
          assertThat(b.group(2)).as("%s in %s", a.group(2), e.getKey()).startsWith("https://example.org/workshops/");
        }
      }
    }
    assertThat(relinked).isPositive();
  }

  @Test
  void linkToALessonOutsideThePackPointsToThePublishedSiteWithItsFragment() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp.resolve("outside"));
    java.nio.file.Files.writeString(source.resolve("lessons/basics/second.md"),
        "\nLater: [going deeper](../more/deeper.md#combining).\n", java.nio.file.StandardOpenOption.APPEND);
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("outside-site")));
    String packed = new String(entries(result).get("lessons/second/index.html"), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(packed).select("a:contains(going deeper)").attr("href"))
        .isEqualTo("https://example.org/workshops/lessons/deeper/#combining");
    assertThat(Jsoup.parse(page(result, "lessons/second/index.html")).select("a:contains(going deeper)").attr("href"))
        .isEqualTo("../../lessons/deeper/index.html#combining");
  }

  @Test
  void linkOutsideThePackLosesItsHrefWithoutABaseUrl() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp.resolve("no-base"));
    Path config = source.resolve("starkit.yml");
    java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config).replaceAll("(?m)^base_url:.*\n", ""));
    java.nio.file.Files.writeString(source.resolve("lessons/basics/second.md"),
        "\nLater: [going deeper](../more/deeper.md#combining).\n", java.nio.file.StandardOpenOption.APPEND);
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("no-base-site")));
    String packed = new String(entries(result).get("lessons/second/index.html"), StandardCharsets.UTF_8);
    Element deeper = Jsoup.parse(packed).selectFirst("a:contains(going deeper)");
    assertThat(deeper).isNotNull();
    assertThat(deeper.hasAttr("href")).isFalse();
    assertThat(packed).contains("<a>going deeper</a>");
    assertThat(Jsoup.parse(packed).select("a[href*=lessons/hello/index.html#]")).as("links inside the pack stay").isNotEmpty();
  }

  @Test
  void lessonHtmlLinkWithAMalformedEscapePacksInsteadOfFailingTheBuild() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp.resolve("escapes"));
    java.nio.file.Files.writeString(source.resolve("lessons/basics/second.md"),
        "\nSee <a href=\"notes%zz.html\">the notes</a> and <a href=\"a+b%41.html\">more</a>.\n",
        java.nio.file.StandardOpenOption.APPEND);
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("escapes-site")));
    assertThat(result.errors()).isZero();
    assertThat(entries(result)).containsKey("lessons/second/index.html");
  }

  @Test
  void noLinkInsideThePackPointsOutsideIt() throws IOException {
    Map<String, byte[]> entries = zip();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (!e.getKey().endsWith(".html")) {
        continue;
      }
      for (Element el : Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8)).select("[href], [src], [action]")) {
        String url = el.hasAttr("href") ? el.attr("href") : el.hasAttr("src") ? el.attr("src") : el.attr("action");
        if (url.isEmpty() || url.startsWith("#") || url.startsWith("https://") || url.startsWith("http://")
            || url.startsWith("mailto:")) {
          continue;
        }
        Path page = Path.of("/zip").resolve(e.getKey()).getParent();
        String target = Path.of("/zip").relativize(page.resolve(url.replaceAll("[#?].*$", "")).normalize()).toString();
        assertThat(entries).as("link %s in %s", url, e.getKey()).containsKey(target);
      }
    }
  }

  @Test
  void searchBoxPointsToThePublishedSiteOrIsLeftOut() throws IOException {
    String page = new String(zip().get("lessons/hello/index.html"), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(page).select("form[role=search]").attr("action"))
        .isEqualTo("https://example.org/workshops/search/");

    Path source = Fixtures.copy(Fixtures.SMALL, tmp.resolve("no-base"));
    Path config = source.resolve("starkit.yml");
    java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config).replaceAll("(?m)^base_url:.*\n", ""));
    BuildResult result = new SiteBuilder().check(Fixtures.options(source, tmp.resolve("no-base-site")));
    OutputFile zip = result.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (e.getName().endsWith(".html")) {
          assertThat(Jsoup.parse(text).select("form")).as(e.getName()).isEmpty();
        }
      }
    }
    assertThat(result.files()).extracting(OutputFile::path).contains("search/index.html");
  }

  @Test
  void packIsReproducible() throws IOException {
    assertThat(zip()).containsOnlyKeys(zip().keySet());
    BuildResult a = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("a")));
    BuildResult b = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("b")));
    byte[] za = a.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow().bytes();
    byte[] zb = b.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow().bytes();
    assertThat(za).isEqualTo(zb);
  }
}
