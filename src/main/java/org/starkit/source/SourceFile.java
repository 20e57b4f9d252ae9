package org.starkit.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One file of the source directory: its path, relative to the source directory with forward
 * slashes and never containing {@code ..}, and its content exactly as on disk.
 *
 * <p>The content is read by {@link SourceReader}, except for files a build cache already knows
 * ({@link SourceReader.Stamps#mayDefer}): those are read when their bytes are first asked for,
 * which a rebuild that keeps them in the site never does.
 */
public final class SourceFile {
  private final String path;
  private final Path deferred;
  private final int deferredSize;
  private final java.util.function.BiPredicate<String, byte[]> known;
  private volatile byte[] bytes;

  public SourceFile(String path, byte[] bytes) {
    this.path = path;
    this.bytes = bytes.clone();
    this.deferred = null;
    this.deferredSize = -1;
    this.known = null;
  }

  private SourceFile(String path, Path file, int size, java.util.function.BiPredicate<String, byte[]> known) {
    this.path = path;
    this.deferred = file;
    this.deferredSize = size;
    this.known = known;
  }

  /**
   * A file read only when its bytes are first asked for; {@code size} is what the walk saw, and
   * {@code known} tells whether the bytes read then are those the caller expected (when not, the
   * file changed during the build and reading it fails).
   */
  static SourceFile deferred(String path, Path file, long size, java.util.function.BiPredicate<String, byte[]> known) {
    return new SourceFile(path, file, Math.toIntExact(size), known);
  }

  public String path() {
    return path;
  }

  public byte[] bytes() {
    return content().clone();
  }

  private byte[] content() {
    byte[] b = bytes;
    if (b == null) {
      synchronized (this) {
        b = bytes;
        if (b == null) {
          // not through a link: the walk resolved and checked every link; a link put here since
          // must not lead outside the source directory
          try (java.io.InputStream in = Files.newInputStream(deferred, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            b = in.readNBytes(deferredSize + 1); // no more than the walk allowed, and one to tell
            if (b.length != deferredSize) {
              throw new IOException("its size changed since the build started (" + deferredSize + " bytes, now "
                  + (b.length > deferredSize ? "more" : b.length) + ")");
            }
            if (!known.test(path, b)) {
              throw new SourceChangedException(deferred.toString());
            }
          } catch (IOException e) {
            // removed or changed since the build started: the build stops, the site is untouched
            throw new UncheckedIOException("source file " + path + " could not be read again", e);
          }
          bytes = b;
        }
      }
    }
    return b;
  }

  /** Size in bytes without copying the content (for a file not read yet, as the walk saw it). */
  public int size() {
    byte[] b = bytes;
    return b != null ? b.length : deferredSize;
  }

  /** Feeds the path and content to {@code digest} without copying the content, for build caches. */
  public void updateDigest(java.security.MessageDigest digest) {
    byte[] b = content();
    digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Integer.toString(b.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(b);
  }

  /** The file name without folders. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** True for files under {@code folder/} (a top-level folder such as {@code lessons}). */
  public boolean isUnder(String folder) {
    return path.length() > folder.length() && path.charAt(folder.length()) == '/' && path.startsWith(folder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f && f.path.equals(path) && Arrays.equals(f.content(), content());
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(content());
  }

  @Override
  public String toString() {
    return "SourceFile[" + path + ", " + size() + " bytes]";
  }
}
