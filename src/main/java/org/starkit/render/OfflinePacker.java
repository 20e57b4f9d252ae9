package org.starkit.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.starkit.plan.KitPlan;
import org.starkit.write.OutputFile;

/**
 * Packs a kit for offline use: its pages, its lessons, their images and the stylesheet, in a zip
 * that works opened from a USB stick. Links to pages left out of the pack point to the published
 * site when its address is known, and become plain text otherwise (forms, such as the search box,
 * are left out), so no link inside the zip is broken. A packed page is the site's page byte for
 * byte but for the links it relinks ({@link PageRelinker}). Entries are sorted and dated to a fixed
 * time so the zip is reproducible, and deflated at level 9: on these text pages it took no
 * measurable time over the default level (55 against 52 ms of CPU for the shipped curriculum's five
 * packs) and made them 1 KB smaller.
 */
final class OfflinePacker {
  private static final java.time.LocalDateTime FIXED = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);
  /** Every element whose link a pack follows (to include what a page uses) or rewrites (to stay inside the zip). */
  static final String LINKS = "a[href], link[href], img[src], script[src], form[action]";

  private final String baseUrl;
  private final MessageBundle text;
  private final Map<String, OutputFile> byPath;
  /** Each page parsed once per build, however many kits include it. */
  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  /** A page relinked for one set of decisions; kits sharing a lesson mostly share its relinked copy. */
  private final Map<Relinked, byte[]> relinked = new ConcurrentHashMap<>();

  OfflinePacker(String baseUrl, MessageBundle text, List<OutputFile> site) {
    this.baseUrl = baseUrl;
    this.text = text;
    this.byPath = site.stream().collect(Collectors.toMap(OutputFile::path, Function.identity()));
  }

  private static final String ASSETS = "assets/";
  private static final String STYLESHEET = ASSETS + "style.css";

  /**
   * One link of a page. {@code follow} is the site path of what the pack must carry along for it
   * (img, a, link, script: src or else href), {@code attr} and {@code value} what relinking looks
   * at (a, link, img, form: src, else action, else href); either may be null.
   */
  private record Link(String follow, String attr, String value, String target) {}

  /** A parsed page, what relinks it, and its links in document order. */
  private record Page(PageRelinker relinker, List<Link> links) {}

  /** A page with, for each of its links, what relinking does to it. */
  private record Relinked(String path, List<String> decisions) {}

  /**
   * Each kit's zip, in the order given. The pages the kits carry are parsed first, each once, on all
   * cores: kits packed side by side share lessons and would otherwise wait for each other's parse.
   */
  List<OutputFile> packAll(List<KitPlan> kits) {
    kits.stream().flatMap(k -> paths(k, byPath.keySet()).stream()).distinct()
        .filter(p -> p.endsWith(".html") && byPath.containsKey(p)).toList().parallelStream().forEach(this::page);
    return kits.parallelStream().map(this::pack).toList();
  }

  OutputFile pack(KitPlan plan) {
    String id = plan.kit().id();
    TreeSet<String> paths = paths(plan, byPath.keySet());
    Map<String, byte[]> entries = new TreeMap<>();
    for (String p : paths) {
      if (!p.startsWith(ASSETS)) {
        Optional.ofNullable(byPath.get(p)).ifPresent(f -> entries.put(p, f.bytes()));
      }
    }
    // the stylesheet (the landing page uses it), and the images, files and theme assets the
    // included pages use: scripts of pages outside the pack (search, verify) stay out
    Optional.ofNullable(byPath.get(STYLESHEET)).ifPresent(f -> entries.put(STYLESHEET, f.bytes()));
    for (String p : paths) {
      if (p.endsWith(".html") && byPath.containsKey(p)) {
        for (Link l : page(p).links()) {
          String target = l.follow();
          if (target != null && (target.startsWith("files/") || target.startsWith(ASSETS))
              && byPath.containsKey(target)) {
            entries.put(target, byPath.get(target).bytes());
          }
        }
      }
    }
    java.util.Set<String> inZip = java.util.Set.copyOf(entries.keySet());
    for (String p : inZip) {
      if (p.endsWith(".html")) {
        entries.put(p, relink(p, inZip));
      }
    }
    entries.put("index.html", landing(plan).getBytes(StandardCharsets.UTF_8));
    return new OutputFile(KitPaths.zip(id), zip(entries));
  }

  /** The paths of the site (given all of them) that packing the kit may read, sorted. */
  static List<String> reads(KitPlan plan, java.util.Set<String> site) {
    TreeSet<String> read = paths(plan, site);
    site.stream().filter(p -> p.startsWith("files/")).forEach(read::add);
    return read.stream().filter(site::contains).toList();
  }

  /** The kit's pages, its lessons' pages and the theme's assets. */
  private static TreeSet<String> paths(KitPlan plan, java.util.Set<String> site) {
    String id = plan.kit().id();
    TreeSet<String> paths = new TreeSet<>();
    for (String page : List.of("index", "setup", "checklist", "coaches", "messages", "instructor", "print")) {
      paths.add(page.equals("index") ? KitPaths.kit(id) : KitPaths.page(id, page));
    }
    for (String lesson : plan.lessonIds()) {
      paths.add(SitePaths.lesson(lesson));
      paths.add(SitePaths.instructor(lesson));
    }
    site.stream().filter(p -> p.startsWith("assets/")).forEach(paths::add);
    return paths;
  }

  private Page page(String path) {
    return pages.computeIfAbsent(path, p -> {
      OutputFile file = byPath.get(p);
      String source = file.text();
      Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(source, "");
      List<Element> elements = doc.select(LINKS);
      List<Link> links = new ArrayList<>();
      List<String> attrs = new ArrayList<>();
      for (Element e : elements) {
        String tag = e.normalName();
        String follow = null;
        if (!tag.equals("form")) {
          follow = LinkResolver.resolve(p, e.hasAttr("src") ? e.attr("src") : e.attr("href"));
        }
        String attr = null;
        String value = null;
        String target = null;
        if (!tag.equals("script")) {
          attr = e.hasAttr("src") ? "src" : e.hasAttr("action") ? "action" : "href";
          value = e.attr(attr);
          target = LinkResolver.resolve(p, value);
        }
        links.add(new Link(follow, attr, value, target));
        attrs.add(attr);
      }
      return new Page(new PageRelinker(source, file.bytes(), doc, elements, attrs), List.copyOf(links));
    });
  }

  private byte[] relink(String path, java.util.Set<String> inZip) {
    Page page = page(path);
    List<String> decisions = new ArrayList<>();
    for (Link l : page.links()) {
      decisions.add(decide(l, inZip));
    }
    return relinked.computeIfAbsent(new Relinked(path, List.copyOf(decisions)), k -> page.relinker().relink(k.decisions()));
  }

  /** What relinking does to a link: "" keeps it, "=URL" points it to the published site, "-" drops the attribute, "x" the element. */
  private String decide(Link l, java.util.Set<String> inZip) {
    if (l.attr() == null || l.target() == null) {
      return "";
    }
    String file = l.target().endsWith("/") ? l.target() + "index.html" : l.target();
    if (inZip.contains(file)) {
      return "";
    }
    if (!baseUrl.isEmpty()) {
      int hash = l.value().indexOf('#');
      return "=" + baseUrl + SitePaths.publicPath(file) + (hash >= 0 ? l.value().substring(hash) : "");
    }
    return l.attr().equals("action") ? "x" : "-";
  }

  private String landing(KitPlan plan) {
    String title = plan.kit().title().replace("&", "&amp;").replace("<", "&lt;");
    return "<!DOCTYPE html>\n<html lang=\"" + HtmlText.escape(text.lang()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title + "</title>\n"
        + "<link rel=\"stylesheet\" href=\"assets/style.css\">\n</head>\n<body>\n<main class=\"wrap\">\n<h1>" + title
        + "</h1>\n<p>" + HtmlText.escape(text.text("offline.intro")) + "</p>\n<ul>\n"
        + "<li><a href=\"" + KitPaths.kit(plan.kit().id()) + "\">" + HtmlText.escape(text.text("offline.open"))
        + "</a></li>\n<li><a href=\"" + KitPaths.page(plan.kit().id(), "print") + "\">"
        + HtmlText.escape(text.text("kit.page.print")) + "</a></li>\n"
        + "</ul>\n</main>\n</body>\n</html>\n";
  }

  private static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(FIXED);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
