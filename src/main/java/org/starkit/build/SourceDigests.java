package org.starkit.build;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;

/**
 * The SHA-256 of every source file, as git's index does it: a file whose size, modification time
 * and inode are those recorded with its digest in the last build is not hashed again. Stamps are
 * taken before the sources are read (by the reader's walk) and again right after each is read; a
 * file whose stamp moved in between is hashed from what was read, and its digest is not
 * remembered. Nor is the digest of a file changed in the two seconds before the build, since a
 * file system with coarse times could give the same stamp to a second edit in that time (git's
 * "racy" files).
 */
final class SourceDigests {
  /** A remembered digest and the stamp the file had when it was hashed. */
  record Entry(String stamp, String sha256) {}

  private SourceDigests() {}

  /** A file's stamp from its attributes: size, modification time and file key (the inode). */
  static String stamp(BasicFileAttributes a) {
    Object key = a.fileKey();
    return a.size() + ":" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + ":" + (key == null ? "" : key);
  }

  /**
   * The digest of each file read, and in {@code remember} the entries worth keeping for the next
   * build.
   */
  static Map<String, String> digests(SourceSet sources, Map<String, String> before, Map<String, String> after,
      Map<String, Entry> last, Map<String, Entry> remember) {
    Map<String, String> digests = new ConcurrentHashMap<>();
    Map<String, Entry> kept = new ConcurrentHashMap<>();
    long settled = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - 2000);
    sources.files().parallelStream().forEach(f -> {
      String stamp = before.get(f.path());
      boolean steady = stamp != null && stamp.equals(after.get(f.path())) && stamp.startsWith(f.size() + ":");
      Entry e = last.get(f.path());
      String sha = steady && e != null && stamp.equals(e.stamp()) && e.sha256() != null ? e.sha256() : hash(f);
      digests.put(f.path(), sha);
      if (steady && mtime(stamp) < settled) {
        kept.put(f.path(), new Entry(stamp, sha));
      }
    });
    remember.putAll(kept);
    return digests;
  }

  private static long mtime(String stamp) {
    String[] parts = stamp.split(":", 3);
    try {
      return Long.parseLong(parts[1]);
    } catch (RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }

  static String hash(SourceFile f) {
    var sha = Fingerprints.sha256();
    f.updateDigest(sha);
    return Fingerprints.hex(sha);
  }
}
