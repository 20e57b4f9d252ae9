package org.starkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Crawls the built shipped site from its home page over the files, as a reader opening
 * {@code index.html} from disk would: every internal link and anchor resolves, and every page can
 * be reached.
 */
class LinkCrawlTest {
  /** Pages no link leads to on purpose: the server shows 404.html for a missing address. */
  private static final Set<String> UNLINKED = Set.of("404.html");

  private static ShippedSite site;
  private static final Map<String, Document> PARSED = new HashMap<>();

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
  void crawlFromHomeFindsNoBrokenLinkOrAnchorAndNoOrphan() throws IOException {
    Set<String> reached = new TreeSet<>();
    List<String> broken = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
    int links = 0;
    while (!queue.isEmpty()) {
      String page = queue.removeFirst();
      if (!reached.add(page)) {
        continue;
      }
      Document doc = parse(page);
      for (Element e : doc.select("a[href], link[href], img[src], script[src], source[src], iframe[src], form[action]")) {
        String attr = e.hasAttr("src") ? "src" : e.is("form") ? "action" : "href";
        String url = e.attr(attr);
        if (isExternal(url) || e.is("link[rel=canonical]")) {
          continue;
        }
        links++;
        String problem = check(page, url, queue);
        if (problem != null) {
          broken.add(page + ": " + e.tagName() + " " + attr + "=\"" + url + "\": " + problem);
        }
      }
    }
    assertThat(links).as("internal links followed").isGreaterThan(500);
    assertThat(broken).as("broken internal links and anchors").isEmpty();

    Set<String> orphans = new TreeSet<>(site.pages());
    orphans.removeAll(reached);
    orphans.removeAll(UNLINKED);
    assertThat(orphans).as("pages no link from the home page reaches").isEmpty();
    assertThat(reached).contains(ShippedSite.LESSON, ShippedSite.INSTRUCTOR, ShippedSite.KIT, ShippedSite.EVENT,
        ShippedSite.VERIFY, "badges/index.html");
  }

  @Test
  void crawlerNoticesBrokenLinksAndAnchors() throws IOException {
    // guards the crawler: the checks must be able to fail
    Deque<String> queue = new ArrayDeque<>();
    assertThat(check("index.html", "lessons/no-such-lesson/index.html", queue)).contains("no such file");
    assertThat(check("index.html", "#no-such-id", queue)).contains("no element with id");
    assertThat(check(ShippedSite.LESSON, "../../index.html#main", queue)).isNull();
    assertThat(check("index.html", "../outside.html", queue)).contains("outside the site");
  }

  @Test
  void noPageLoadsResourcesFromOtherSites() throws IOException {
    // what the browser would fetch while loading: images, scripts, stylesheets, media, frames, icons
    List<String> external = new ArrayList<>();
    for (String page : site.pages()) {
      for (Element e : parse(page).select("img[src], img[srcset], script[src], source[src], source[srcset], "
          + "iframe[src], video[src], video[poster], audio[src], track[src], embed[src], object[data], input[src], "
          + "link[href]:is([rel~=stylesheet], [rel~=icon], [rel~=preload], [rel~=modulepreload], [rel~=manifest]), "
          + "image[href], use[href], [style*=url]")) {
        for (String attr : List.of("src", "srcset", "href", "poster", "data", "style")) {
          String value = e.attr(attr);
          boolean leaves = attr.equals("style") ? value.contains("//")
              : isExternal(value.strip().split("\\s")[0]) && !value.startsWith("data:") || value.startsWith("//");
          if (!value.isEmpty() && leaves) {
            external.add(page + ": " + e.tagName() + " " + attr + "=\"" + value + "\"");
          }
        }
      }
    }
    for (String css : site.files(".css")) {
      String text = Files.readString(site.resolve(css));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("url\\(\\s*['\"]?([^'\")]+)|@import\\s+['\"]([^'\"]+)")
          .matcher(text);
      while (m.find()) {
        String url = m.group(1) != null ? m.group(1) : m.group(2);
        if (!url.startsWith("data:") && (isExternal(url) || url.startsWith("/"))) {
          external.add(css + ": " + url);
        }
      }
    }
    assertThat(external).as("resources loaded from other sites").isEmpty();
  }

  /** Null when {@code url} on {@code page} leads to an existing file (and element); otherwise why not. */
  private static String check(String page, String url, Deque<String> queue) throws IOException {
    int hash = url.indexOf('#');
    String path = hash >= 0 ? url.substring(0, hash) : url;
    String fragment = hash >= 0 ? URLDecoder.decode(url.substring(hash + 1), StandardCharsets.UTF_8) : null;
    path = path.replaceAll("\\?.*$", "");
    String target;
    if (path.isEmpty()) {
      target = page;
    } else {
      if (path.startsWith("/")) {
        return "absolute path: breaks when the site is opened from disk or served below a folder";
      }
      Path dir = Path.of(page).getParent();
      Path resolved = (dir == null ? Path.of(URLDecoder.decode(path, StandardCharsets.UTF_8))
          : dir.resolve(URLDecoder.decode(path, StandardCharsets.UTF_8))).normalize();
      if (resolved.startsWith("..")) {
        return "outside the site";
      }
      target = resolved.toString().replace('\\', '/');
      if (path.endsWith("/") || Files.isDirectory(site.resolve(target))) {
        return "links to a folder: opened from disk it shows a file listing, link to its index.html";
      }
    }
    if (!Files.isRegularFile(site.resolve(target))) {
      return "no such file " + target;
    }
    if (target.endsWith(".html")) {
      queue.addLast(target);
      if (fragment != null && !fragment.isEmpty() && parse(target).getElementById(fragment) == null) {
        return "no element with id '" + fragment + "' in " + target;
      }
    }
    return null;
  }

  private static boolean isExternal(String url) {
    if (url.startsWith("//")) {
      return true;
    }
    try {
      return URI.create(url.replace(" ", "%20")).getScheme() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Document parse(String page) throws IOException {
    Document doc = PARSED.get(page);
    if (doc == null) {
      doc = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
      PARSED.put(page, doc);
    }
    return doc;
  }
}
