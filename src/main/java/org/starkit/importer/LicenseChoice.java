package org.starkit.importer;

import java.util.Optional;
import org.starkit.model.SiteConfig;

/**
 * The licence imported lessons get.
 *
 * @param id the SPDX id to write, or empty when the source names none (the curriculum default applies)
 * @param name how attribution lines name it
 * @param lack what the source lacked, when it names no licence
 */
record LicenseChoice(Optional<String> id, String name, Optional<ImportPlan.Lack> lack) {

  /**
   * @param found the SPDX id the source names, if any
   * @param missing what to say when it names none
   * @throws ImportException when the licence is not one the curriculum allows
   */
  static LicenseChoice of(Optional<String> found, SiteConfig config, String missing) {
    if (found.isEmpty()) {
      return new LicenseChoice(Optional.empty(), "under an unknown licence", Optional.of(new ImportPlan.Lack(
          "a licence: " + missing + "; the lessons get the curriculum's default " + config.license()
              + ", so check that you may publish them under it")));
    }
    String id = found.get();
    if (!config.licenses().contains(id)) {
      throw new ImportException("The source is licensed " + id + ", which is not in 'licenses' of starkit.yml ("
          + String.join(", ", config.licenses()) + "). Add " + id + " there if this curriculum may publish lessons"
          + " under it; derived lessons must keep the source's licence.");
    }
    return new LicenseChoice(found, id, Optional.empty());
  }
}
