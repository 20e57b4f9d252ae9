package org.starkit.model;

import java.util.List;
import java.util.Optional;

/**
 * The settings in {@code starkit.yml}, with every default filled in.
 *
 * @param baseUrl absolute URL the site is published at, ending in a slash, or empty when unknown
 * @param repository URL of the repository, for "edit this page" links, or empty
 * @param contentPath where the source directory sits inside the repository
 * @param levels the ordered level vocabulary, easiest first
 * @param licenses SPDX identifiers lessons may use
 * @param license the licence of lessons that name none
 */
public record SiteConfig(
    String title,
    String description,
    String baseUrl,
    String repository,
    String branch,
    String contentPath,
    String language,
    List<String> levels,
    List<Format> formats,
    List<String> licenses,
    String license,
    Issuer issuer) {

  public SiteConfig {
    levels = List.copyOf(levels);
    formats = List.copyOf(formats);
    licenses = List.copyOf(licenses);
  }

  public static final List<String> DEFAULT_LEVELS = List.of("beginner", "intermediate", "advanced");

  public static final List<Format> DEFAULT_FORMATS = List.of(
      new Format("session", "Single session", "One evening or lunchtime session of two hours.", 120, 1, 0),
      new Format("half-day", "Half day", "A morning or an afternoon: four hours with breaks.", 240, 1, 0),
      new Format("full-day", "Full day", "A whole day of eight hours, with a lunch break.", 480, 1, 60),
      new Format("multi-week", "Multi-week course", "Six evening sessions of two hours, one a week.", 120, 6, 0));

  public static final List<String> DEFAULT_LICENSES = List.of("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0");

  public Optional<Format> format(String id) {
    return formats.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  public List<String> formatIds() {
    return formats.stream().map(Format::id).toList();
  }

  /** This configuration with another base URL (from the command line). */
  public SiteConfig withBaseUrl(String url) {
    return new SiteConfig(title, description, url, repository, branch, contentPath, language, levels,
        formats, licenses, license, issuer);
  }
}
