package org.starkit.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.starkit.plan.KitPlan;
import org.starkit.write.OutputFile;

/**
 * Packs a kit for offline use: its pages, its lessons, their images and the stylesheet, in a zip
 * that works opened from a USB stick. Links to pages left out of the pack point to the published
 * site when its address is known, and become plain text otherwise (forms, such as the search box,
 * are left out), so no link inside the zip is broken. Entries are sorted and dated to a fixed time so the zip is reproducible.
 */
final class OfflinePacker {
  private static final java.time.LocalDateTime FIXED = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

  private final String baseUrl;
  private final MessageBundle text;

  OfflinePacker(String baseUrl, MessageBundle text) {
    this.baseUrl = baseUrl;
    this.text = text;
  }

  private static final String ASSETS = "assets/";
  private static final String STYLESHEET = ASSETS + "style.css";

  OutputFile pack(KitPlan plan, List<OutputFile> site) {
    Map<String, OutputFile> byPath = site.stream().collect(Collectors.toMap(OutputFile::path, Function.identity()));
    String id = plan.kit().id();
    TreeSet<String> paths = paths(plan, byPath.keySet());
    Map<String, byte[]> entries = new TreeMap<>();
    Deque<String> html = new ArrayDeque<>(paths);
    for (String p : html) {
      if (!p.startsWith(ASSETS)) {
        Optional.ofNullable(byPath.get(p)).ifPresent(f -> entries.put(p, f.bytes()));
      }
    }
    // the stylesheet (the landing page uses it), and the images, files and theme assets the
    // included pages use: scripts of pages outside the pack (search, verify) stay out
    Optional.ofNullable(byPath.get(STYLESHEET)).ifPresent(f -> entries.put(STYLESHEET, f.bytes()));
    for (String p : paths) {
      if (p.endsWith(".html") && byPath.containsKey(p)) {
        Document doc = Jsoup.parse(byPath.get(p).text());
        for (Element e : doc.select("img[src], a[href], link[href], script[src]")) {
          String target = resolve(p, e.hasAttr("src") ? e.attr("src") : e.attr("href"));
          if (target != null && (target.startsWith("files/") || target.startsWith(ASSETS))
              && byPath.containsKey(target)) {
            entries.put(target, byPath.get(target).bytes());
          }
        }
      }
    }
    for (String p : List.copyOf(entries.keySet())) {
      if (p.endsWith(".html")) {
        entries.put(p, relink(p, new String(entries.get(p), StandardCharsets.UTF_8), entries.keySet())
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    entries.put("index.html", landing(plan).getBytes(StandardCharsets.UTF_8));
    return new OutputFile(KitPaths.zip(id), zip(entries));
  }

  /** Everything {@link #pack} reads: a kit with equal inputs packs to an equal zip. */
  record Inputs(String baseUrl, String id, String title, List<String> lessons, List<OutputFile> files) {}

  /** What {@link #pack} would read for the kit, for reusing its pack when that did not change. */
  Inputs inputs(KitPlan plan, List<OutputFile> site) {
    java.util.Set<String> paths = paths(plan, site.stream().map(OutputFile::path).collect(Collectors.toSet()));
    List<OutputFile> files = site.stream().filter(f -> paths.contains(f.path()) || f.path().startsWith("files/"))
        .sorted(java.util.Comparator.comparing(OutputFile::path)).toList();
    return new Inputs(baseUrl, plan.kit().id(), plan.kit().title(), plan.lessonIds(), files);
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

  private String relink(String page, String html, java.util.Set<String> inZip) {
    Document doc = Jsoup.parse(html);
    doc.outputSettings().prettyPrint(false);
    for (Element e : doc.select("a[href], link[href], img[src], form[action]")) {
      String attr = e.hasAttr("src") ? "src" : e.hasAttr("action") ? "action" : "href";
      String value = e.attr(attr);
      String target = resolve(page, value);
      if (target == null) {
        continue;
      }
      String file = target.endsWith("/") ? target + "index.html" : target;
      if (inZip.contains(file)) {
        continue;
      }
      if (!baseUrl.isEmpty()) {
        int hash = value.indexOf('#');
        e.attr(attr, baseUrl + SitePaths.publicPath(file) + (hash >= 0 ? value.substring(hash) : ""));
      } else if (attr.equals("action")) {
        e.remove(); // the site search is not in the pack: a form without it would lead nowhere
      } else {
        e.removeAttr(attr);
      }
    }
    return doc.html() + "\n"; // jsoup keeps the page's own doctype: adding one makes a stray second doctype
  }

  /** The site path a relative URL on {@code page} names, or null for absolute URLs and same-page anchors. */
  static String resolve(String page, String url) {
    if (url.isEmpty() || url.startsWith("#") || url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("/")) {
      return null;
    }
    String path = url.replaceAll("[#?].*$", "");
    Deque<String> parts = new ArrayDeque<>();
    String dir = page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : "";
    for (String s : (dir.isEmpty() ? path : dir + "/" + path).split("/", -1)) {
      if (s.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else if (!s.equals(".") && !s.isEmpty()) {
        parts.addLast(s);
      }
    }
    return java.net.URLDecoder.decode(String.join("/", parts) + (path.endsWith("/") ? "/" : ""), StandardCharsets.UTF_8);
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
