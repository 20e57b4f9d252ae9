package org.starkit.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.starkit.write.OutputFile;

/**
 * A theme folder: Pebble templates at the top, and an {@code assets/} folder copied to the site as
 * it is.
 *
 * @param label how messages name the folder
 */
public record Theme(Path dir, String label) {

  /**
   * Finds a theme by folder or by name: a name is looked up in {@code themes/} under the working
   * directory, then beside the starkit installation.
   */
  public static Optional<Theme> locate(String nameOrDir) {
    Path asDir = Path.of(nameOrDir);
    if (Files.isDirectory(asDir)) {
      return Optional.of(new Theme(asDir, nameOrDir.replaceAll("/+$", "")));
    }
    if (nameOrDir.contains("/") || nameOrDir.contains("\\")) {
      return Optional.empty();
    }
    Path local = Path.of("themes", nameOrDir);
    if (Files.isDirectory(local)) {
      return Optional.of(new Theme(local, "themes/" + nameOrDir));
    }
    return installDir().map(d -> d.resolve("themes").resolve(nameOrDir)).filter(Files::isDirectory)
        .map(d -> new Theme(d, d.toString()));
  }

  private static Optional<Path> installDir() {
    try {
      Path jar = Path.of(Theme.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/starkit.jar or target/classes: the project folder is one up from target/.
      Path target = jar.getParent();
      return Optional.ofNullable(target == null ? null : target.getParent());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** The theme's static files, as site files under {@code assets/}, sorted. */
  public List<OutputFile> assets() throws IOException {
    Path assets = dir.resolve("assets");
    List<OutputFile> out = new ArrayList<>();
    if (!Files.isDirectory(assets)) {
      return out;
    }
    Path real = assets.toRealPath();
    try (Stream<Path> files = Files.walk(assets)) {
      for (Path p : files.sorted().toList()) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !p.getFileName().toString().startsWith(".")
            && p.toRealPath().startsWith(real)) {
          String rel = assets.relativize(p).toString().replace('\\', '/');
          out.add(new OutputFile("assets/" + rel, Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
