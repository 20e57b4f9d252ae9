package org.starkit.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;

/**
 * The sources of a build with a disk cache, the digest of each file ({@link SourceDigests}), the
 * parsed lessons the cache remembers, and the cache files being written back meanwhile, which
 * {@link #finishWrites} waits for. Decoding the cache's indexes is seconds of one core for a large
 * curriculum, so they are read on threads of their own while the sources are read; the parsed
 * lessons only when a file's stamp moved since the last build (a build with nothing changed does
 * not load them at all), else when first asked for.
 */
final class CachedSources {
  private final DiskCache disk;
  private final Path source;
  private final SourceSet sources;
  private final Map<String, String> digests;
  private CompletableFuture<Map<String, LessonCache.Entry>> lessons;
  private final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();

  private CachedSources(DiskCache disk, Path source, SourceSet sources, Map<String, String> digests,
      CompletableFuture<Map<String, LessonCache.Entry>> lessons) {
    this.disk = disk;
    this.source = source;
    this.sources = sources;
    this.digests = digests;
    this.lessons = lessons;
  }

  static CachedSources read(DiskCache disk, Path source) throws IOException {
    CompletableFuture<Map<String, SourceDigests.Entry>> lastSources = BackgroundWork.start("cache-sources",
        () -> disk.readSources(source));
    Map<String, String> before = SourceDigests.stamps(source);
    // the sources are read while the index is still being decoded: neither needs the other
    CompletableFuture<SourceSet> reading = BackgroundWork.start("sources", () -> new SourceReader().read(source));
    Map<String, SourceDigests.Entry> last = BackgroundWork.join(lastSources);
    boolean moved = before.entrySet().stream().anyMatch(e -> {
      SourceDigests.Entry known = last.get(e.getKey());
      return known == null || !known.stamp().equals(e.getValue());
    });
    CompletableFuture<Map<String, LessonCache.Entry>> lessons = moved ? BackgroundWork.start("cache-lessons",
        () -> disk.readLessons(source)) : null;
    SourceSet sources = BackgroundWork.join(reading);
    Map<String, String> after = SourceDigests.stamps(source);
    Map<String, SourceDigests.Entry> remember = new HashMap<>();
    Map<String, String> digests = SourceDigests.digests(sources, before, after, last, remember);
    CachedSources read = new CachedSources(disk, source, sources, digests, lessons);
    if (!remember.equals(last)) {
      read.writeLater(() -> disk.writeSources(source, remember));
    }
    return read;
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
    if (lessons == null) {
      return disk.readLessons(source);
    }
    return lessons.join(); // DiskCache's reads never fail: a file they cannot read is a miss
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
  }
}
