package org.starkit.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.starkit.plan.Catalog;
import org.starkit.plan.KitPlan;
import org.starkit.render.SiteRenderer;
import org.starkit.render.TemplateRenderer;
import org.starkit.write.OutputFile;

/**
 * The pages a build of unchanged structure ({@link Fingerprints#structure}) carries over from the
 * site it replaces instead of rendering them again, and what the rest of the build needs of them.
 * A page is kept when the last site has it and every Markdown body it shows has the cache key it had
 * then; the caller has checked that the site on disk is still exactly what that build wrote.
 */
final class KeptFiles {
  private KeptFiles() {}

  /**
   * @param lastFiles the paths of the last site's files
   * @param lastBodies the key of each body the last build rendered, by source path
   * @param bodies the key of each body of this build, by source path
   */
  static SiteRenderer.Keeper keeper(Set<String> lastFiles, Map<String, String> lastBodies, Map<String, String> bodies) {
    return (path, shown) -> lastFiles.contains(path) && shown.stream().allMatch(b -> {
      String key = bodies.get(b);
      return key != null && key.equals(lastBodies.get(b));
    });
  }

  /**
   * Each kit's offline zip, as {@link SiteRenderer#offlinePacks} makes it from the whole site, with
   * the kept pages it packs read from the old site.
   */
  static List<OutputFile> packs(SiteRenderer renderer, Catalog catalog, List<OutputFile> files, List<String> kept,
      Path site) {
    Map<String, OutputFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    Set<String> paths = new HashSet<>(byPath.keySet());
    paths.addAll(kept);
    List<OutputFile> packs = new ArrayList<>();
    for (KitPlan kit : catalog.kits()) {
      try {
        packs.add(renderer.offlinePack(catalog, kit, paths, p -> byPath.containsKey(p) ? byPath.get(p) : read(site, p)));
      } catch (TemplateRenderer.ThemeException e) {
        throw new IllegalStateException("offline packs are made only after the pages rendered", e);
      }
    }
    return packs;
  }

  private static OutputFile read(Path site, String path) {
    try {
      return new OutputFile(path, Files.readAllBytes(site.resolve(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("a kept file of the last site cannot be read: " + path, e);
    }
  }
}
