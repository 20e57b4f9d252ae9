package org.starkit.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names licences by their SPDX id, from a short name such as {@code CC-BY 4.0} (Carpentries
 * {@code config.yaml}) or from the text of a licence file.
 */
final class LicenseRecognizer {
  private LicenseRecognizer() {}

  /** The SPDX id of a short name: 'CC-BY 4.0' is CC-BY-4.0, 'CC BY-SA 4.0' is CC-BY-SA-4.0. */
  static Optional<String> fromName(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "-").replaceAll("-+", "-");
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.matches("CC-?0(-1\\.0)?")) {
      return Optional.of("CC0-1.0");
    }
    if (n.matches("CC-BY(-NC)?(-SA|-ND)?-\\d\\.\\d")) {
      return Optional.of(n);
    }
    if (n.matches("CC-BY(-NC)?(-SA|-ND)?")) {
      return Optional.of(n + "-4.0");
    }
    return Optional.of(name.strip());
  }

  /** The licence a licence file grants, when it is one of the Creative Commons licences or CC0. */
  static Optional<String> fromText(String text) {
    String t = text.replaceAll("\\s+", " ");
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.contains("cc0") || lower.contains("publicdomain/zero") || lower.contains("public domain dedication")) {
      return Optional.of("CC0-1.0");
    }
    String version = lower.contains("3.0") && !lower.contains("4.0") ? "3.0" : "4.0";
    for (List<String> variant : List.of(
        List.of("CC-BY-NC-SA-", "attribution-noncommercial-sharealike", "by-nc-sa"),
        List.of("CC-BY-NC-", "attribution-noncommercial", "by-nc"),
        List.of("CC-BY-SA-", "attribution-sharealike", "by-sa"),
        List.of("CC-BY-ND-", "attribution-noderivatives", "attribution-noderivs", "by-nd"),
        List.of("CC-BY-", "creative commons attribution", "licenses/by/", "cc by", "cc-by"))) {
      if (variant.subList(1, variant.size()).stream().anyMatch(lower::contains)) {
        return Optional.of(variant.get(0) + version);
      }
    }
    return Optional.empty();
  }
}
