package org.starkit.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.starkit.render.RenderCache;
import org.starkit.render.TemplateRenderer;
import org.starkit.render.Theme;

/**
 * What a {@link SiteBuilder} keeps between builds so that a rebuild after a small edit renders only
 * what the edit changed: rendered Markdown bodies, rendered pages, and the compiled templates. The
 * templates (and with them every cached page) are dropped when any file of the theme changed.
 * For one builder at a time; the live preview keeps one for as long as it runs.
 */
public final class BuildCache {
  private final MarkdownCache markdown = new MarkdownCache();
  private final RenderCache pages = new RenderCache();
  private Theme theme;
  private String themeDigest = "";
  private TemplateRenderer templates;

  /** The rendered Markdown bodies. */
  public MarkdownCache markdown() {
    return markdown;
  }

  /** The rendered pages. */
  public RenderCache pages() {
    return pages;
  }

  /** The theme's templates for the next build: the same as last time unless a theme file changed. */
  synchronized TemplateRenderer templates(Theme next) throws IOException {
    String digest = digest(next.dir());
    if (templates == null || !next.equals(theme) || !digest.equals(themeDigest)) {
      pages.clear();
      templates = new TemplateRenderer(next.dir(), next.label(), pages);
      theme = next;
      themeDigest = digest;
    }
    pages.startBuild();
    return templates;
  }

  /** A digest of every file name and content in the theme folder. */
  static String digest(Path dir) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : files) {
      sha.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] content = Files.readAllBytes(p);
      sha.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(content);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
