package org.starkit.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.starkit.load.ConfigParser;
import org.starkit.model.SiteConfig;

/** The importer fixtures under src/test/resources/importer and a minimal curriculum configuration. */
final class ImporterFixtures {
  static final Path SHELL = Path.of("src/test/resources/importer/swc-shell-novice");
  static final Path DJANGO_GIRLS = Path.of("src/test/resources/importer/djangogirls-tutorial/en");

  private ImporterFixtures() {}

  static SiteConfig config(String yaml) {
    return new ConfigParser().parse(yaml, new ArrayList<>());
  }

  static SiteConfig config() {
    return config("title: Test\nlicenses: [CC-BY-4.0, CC-BY-SA-4.0]\n");
  }

  static ImportSettings settings(String name, SiteConfig config, OptionalInt duration, Optional<String> format) {
    return new ImportSettings(name, "beginner", "lessons/" + name, format, duration, config);
  }

  static ImportSource read(Path dir) throws IOException {
    return new FolderReader().read(dir);
  }

  /** A source made of the given texts, with config.yaml listing {@code episodes}. */
  static ImportSource workbench(Map<String, String> texts, Set<String> otherFiles) {
    return new ImportSource("demo", "", texts, otherFiles, Map.of());
  }

  static String file(ImportPlan plan, String path) {
    return plan.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
        () -> new AssertionError(path + " was not written; written: " + plan.files().stream()
            .map(ImportPlan.WrittenFile::path).toList())).text();
  }

  static List<String> paths(ImportPlan plan) {
    return plan.files().stream().map(ImportPlan.WrittenFile::path).toList();
  }
}
