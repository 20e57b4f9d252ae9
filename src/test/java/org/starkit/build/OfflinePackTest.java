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
      for (Element el : Jsoup.parse(new String(e.getValue(), StandardCharsets.UTF_8)).select("[href], [src]")) {
        String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
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
  void packIsReproducible() throws IOException {
    assertThat(zip()).containsOnlyKeys(zip().keySet());
    BuildResult a = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("a")));
    BuildResult b = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("b")));
    byte[] za = a.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow().bytes();
    byte[] zb = b.files().stream().filter(f -> f.path().equals("kits/tiny.zip")).findFirst().orElseThrow().bytes();
    assertThat(za).isEqualTo(zb);
  }
}
