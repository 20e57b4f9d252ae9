package org.starkit.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link SiteWriter} left on disk: the size, modification time and file identity (device and
 * inode where the file system has them) of every file and folder of the site, taken right after the
 * swap. A later build compares them with the disk to tell cheaply whether the site is still exactly
 * what was written; a file edited, added or removed by hand changes the stamp of the file or of its
 * folder. It holds no content.
 *
 * @param files site path to stamp, including the marker file
 * @param dirs site path of each folder ("" for the output folder itself) to stamp
 */
public record SiteManifest(Map<String, String> files, Map<String, String> dirs) {
  public SiteManifest {
    files = Map.copyOf(files);
    dirs = Map.copyOf(dirs);
  }

  /** The stamp of a file or folder as the disk has it now, or null when it is missing or a link. */
  static String stamp(Path p) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (a.isSymbolicLink() || a.isOther()) {
      return null;
    }
    Object key = a.fileKey();
    return (a.isDirectory() ? "d" : "f") + a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":"
        + (key == null ? "" : key.toString());
  }

  /** Whether every file and folder under {@code out} still has the stamp recorded here. */
  public boolean matches(Path out) {
    Path dir = out.toAbsolutePath().normalize();
    try {
      for (Map.Entry<String, String> e : new TreeMap<>(dirs).entrySet()) {
        if (!e.getValue().equals(stamp(e.getKey().isEmpty() ? dir : dir.resolve(e.getKey())))) {
          return false;
        }
      }
      return files.entrySet().parallelStream().allMatch(e -> {
        try {
          return e.getValue().equals(stamp(SiteWriter.inside(dir, e.getKey())));
        } catch (IOException ex) {
          return false;
        }
      });
    } catch (IOException e) {
      return false;
    }
  }
}
