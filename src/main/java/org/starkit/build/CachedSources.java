package org.starkit.build;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;

/**
 * The sources of a build with a disk cache, the digest of each file ({@link SourceDigests}), the
 * parsed lessons the cache remembers, and the cache files being written back meanwhile, which
 * {@link #finishWrites} waits for. Decoding the cache's indexes is seconds of one core for a large
 * curriculum, so they are read on threads of their own while the sources are read; the parsed
 * lessons only when a file's stamp moved since the last build (a build with nothing changed does
 * not load them at all), else when first asked for. The stamps come from the reader's own walk
 * and a look at each file right after it is read, not from walks of their own; files the last
 * build knew with the same stamp are not read at all until something needs their bytes.
 */
final class CachedSources {
  private final DiskCache disk;
  private final Path source;
  private final SourceSet sources;
  private final Map<String, String> digests;
  private final Stamps stamps;
  private final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();

  private CachedSources(DiskCache disk, Path source, SourceSet sources, Map<String, String> digests, Stamps stamps) {
    this.disk = disk;
    this.source = source;
    this.sources = sources;
    this.digests = digests;
    this.stamps = stamps;
  }

  static CachedSources read(DiskCache disk, Path source) throws IOException {
    CompletableFuture<Map<String, SourceDigests.Entry>> lastSources = BackgroundWork.start("cache-sources",
        () -> disk.readSources(source));
    Stamps stamps = new Stamps(disk, source, lastSources);
    SourceSet sources = new SourceReader().read(source, stamps);
    Map<String, SourceDigests.Entry> last = BackgroundWork.join(lastSources);
    Map<String, SourceDigests.Entry> remember = new HashMap<>();
    Map<String, String> digests = SourceDigests.digests(sources, stamps.before, stamps.after, last, remember);
    CachedSources read = new CachedSources(disk, source, sources, digests, stamps);
    if (!remember.equals(last)) {
      read.writeLater(() -> disk.writeSources(source, remember));
    }
    return read;
  }

  /**
   * The stamps the reader reports, from the walk (before any file is read) and after each read.
   * As soon as the walk is done, and while the files are read, it compares them with the last
   * build's and, when one moved, starts decoding the parsed lessons the cache remembers. It lets
   * the reader leave unchanged images and data files unread.
   */
  private static final class Stamps implements SourceReader.Stamps {
    private final DiskCache disk;
    private final Path source;
    private final CompletableFuture<Map<String, SourceDigests.Entry>> lastSources;
    final Map<String, String> before = new ConcurrentHashMap<>();
    final Map<String, String> after = new ConcurrentHashMap<>();
    CompletableFuture<Map<String, LessonCache.Entry>> lessons;
    /** Set when a file read late turned out not to be what its stamp promised. */
    volatile boolean betrayed;

    Stamps(DiskCache disk, Path source, CompletableFuture<Map<String, SourceDigests.Entry>> lastSources) {
      this.disk = disk;
      this.source = source;
      this.lastSources = lastSources;
    }

    @Override
    public void walked(Map<String, BasicFileAttributes> files) {
      files.forEach((path, attrs) -> before.put(path, SourceDigests.stamp(attrs)));
      lessons = BackgroundWork.start("cache-lessons", () -> { // (before is complete: read, never written again)
        Map<String, SourceDigests.Entry> last = lastSources.join(); // DiskCache's reads never fail
        boolean moved = before.entrySet().stream().anyMatch(e -> {
          SourceDigests.Entry known = last.get(e.getKey());
          return known == null || !known.stamp().equals(e.getValue());
        });
        return moved ? disk.readLessons(source) : null; // null: read only if asked for
      });
    }

    @Override
    public void read(String path, BasicFileAttributes attrs) {
      after.put(path, SourceDigests.stamp(attrs));
    }

    /**
     * A file whose stamp is the one its remembered digest was taken at is read only when its bytes
     * are asked for: a rebuild restores an unchanged lesson's parse and rendered body from the
     * cache without reading the lesson, and keeps the site's copy of a lesson's image when it
     * keeps the pages; every other build asks for them when it parses, renders or writes.
     */
    @Override
    public boolean mayDefer(String path) {
      SourceDigests.Entry known = lastSources.join().get(path); // DiskCache's reads never fail
      return known != null && known.sha256() != null && known.stamp().equals(before.get(path));
    }

    /**
     * A file read late must have the digest remembered with its stamp: else its content changed
     * without the stamp moving (an edit during the build, or a copy that kept size and time), what
     * was built from it would be stored under the old digest, and the build fails; the sources
     * index is then forgotten, so the next build hashes every file.
     */
    @Override
    public boolean knows(String path, byte[] bytes) {
      SourceDigests.Entry known = lastSources.join().get(path);
      boolean same = known != null && known.sha256().equals(SourceDigests.hash(new SourceFile(path, bytes)));
      if (!same) {
        betrayed = true;
      }
      return same;
    }
  }

  SourceSet sources() {
    return sources;
  }

  /** The digest of each source file, by path. */
  Map<String, String> digests() {
    return digests;
  }

  /** The parsed lessons the cache remembers for this source folder ({@link DiskCache#readLessons}). */
  Map<String, LessonCache.Entry> lessons() {
    Map<String, LessonCache.Entry> read = stamps.lessons.join(); // started by the walk; DiskCache's reads never fail
    return read != null ? read : disk.readLessons(source);
  }

  /** Writes a cache file on a thread of its own (DiskCache's writes never fail, only cost speed). */
  void writeLater(Runnable write) {
    writes.add(BackgroundWork.start("cache-write", () -> {
      write.run();
      return null;
    }));
  }

  /** Waits for the cache files being written: a build ends only when they are on disk. */
  void finishWrites() throws IOException {
    for (CompletableFuture<Void> w : writes) {
      BackgroundWork.join(w);
    }
    if (stamps.betrayed) {
      disk.forgetSources(source);
    }
  }
}
