package org.starkit.render;

import java.util.List;
import org.starkit.write.OutputFile;

/**
 * Writes {@code sitemap.xml} for search engines: every learner-facing page, by absolute URL.
 * It needs the base URL; without one there is no sitemap.
 */
public final class SitemapBuilder {
  public static final String PATH = "sitemap.xml";

  public OutputFile build(String baseUrl, List<OutputFile> pages) {
    return buildFor(baseUrl, pages.stream().map(OutputFile::path).toList());
  }

  /** The sitemap of a site with files at {@code paths}. */
  public OutputFile buildFor(String baseUrl, java.util.Collection<String> paths) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    paths.stream()
        .filter(p -> p.endsWith(".html") && !p.equals("404.html") && !p.endsWith("/instructor.html"))
        .sorted()
        .forEach(p -> s.append("  <url><loc>").append(xml(baseUrl + SitePaths.publicPath(p))).append("</loc></url>\n"));
    s.append("</urlset>\n");
    return OutputFile.text(PATH, s.toString());
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
