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
    BuildResult result = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("site")));
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
