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
 * parsed lessons the cache remembers (read on a thread of their own while the sources are read:
 * decoding the cache's indexes is seconds of one core for a large curriculum), and the cache
 * files being written back meanwhile, which {@link #finishWrites} waits for.
 */
record CachedSources(SourceSet sources, Map<String, String> digests,
    CompletableFuture<Map<String, LessonCache.Entry>> lessons, List<CompletableFuture<Void>> writes) {

  static CachedSources read(DiskCache disk, Path source) throws IOException {
    CompletableFuture<Map<String, SourceDigests.Entry>> lastSources = BackgroundWork.start("cache-sources",
        () -> disk.readSources(source));
    CompletableFuture<Map<String, LessonCache.Entry>> lessons = BackgroundWork.start("cache-lessons",
        () -> disk.readLessons(source));
    Map<String, String> before = SourceDigests.stamps(source);
    SourceSet sources = new SourceReader().read(source);
    Map<String, String> after = SourceDigests.stamps(source);
    Map<String, SourceDigests.Entry> remember = new HashMap<>();
    Map<String, SourceDigests.Entry> last = BackgroundWork.join(lastSources);
    Map<String, String> digests = SourceDigests.digests(sources, before, after, last, remember);
    CachedSources read = new CachedSources(sources, digests, lessons, new CopyOnWriteArrayList<>());
    if (!remember.equals(last)) {
      read.writeLater(() -> disk.writeSources(source, remember));
    }
    return read;
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
