package org.starkit.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches folders and everything below them, including folders created later, and calls back once
 * changes have settled: when no change came for the quiet period, or at the latest a second after
 * the first, telling which paths changed (or that it lost track, after an overflow). Callbacks run one at a time on the watcher's own thread, so changes made during one
 * lead to another. Hidden folders (names starting with {@code .}) are skipped, as the source reader
 * skips them.
 */
final class SourceWatcher implements AutoCloseable {
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final List<Path> roots;
  private final Duration quiet;
  private final Consumer<SourceChanges> onChange;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Thread thread;
  private final Set<Path> changed = new HashSet<>();
  private boolean everything;

  private SourceWatcher(List<Path> roots, Duration quiet, Consumer<SourceChanges> onChange) throws IOException {
    this.roots = List.copyOf(roots);
    this.quiet = quiet;
    this.onChange = onChange;
    this.service = roots.get(0).getFileSystem().newWatchService();
    this.thread = new Thread(this::run, "starkit-watcher");
    thread.setDaemon(true);
  }

  /** Starts watching {@code roots}; {@code onChange} runs after each burst of changes. */
  static SourceWatcher start(List<Path> roots, Duration quiet, Consumer<SourceChanges> onChange) throws IOException {
    SourceWatcher watcher = new SourceWatcher(roots, quiet, onChange);
    try {
      for (Path root : watcher.roots) {
        watcher.register(root);
      }
    } catch (IOException | RuntimeException e) {
      watcher.service.close();
      throw e;
    }
    watcher.thread.start();
    return watcher;
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      // Closing is best effort; the thread is a daemon either way.
    }
    thread.interrupt();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(2));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      while (true) {
        handle(service.take());
        long first = System.nanoTime();
        WatchKey next;
        while (System.nanoTime() - first < MAX_WAIT_NANOS
            && (next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          handle(next);
        }
        SourceChanges burst = new SourceChanges(changed, everything);
        changed.clear();
        everything = false;
        try {
          onChange.accept(burst);
        } catch (RuntimeException e) {
          // The callback reports its own failures; the watcher must keep going.
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Closed: stop.
    }
  }

  private void handle(WatchKey key) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW || folder == null) {
        everything = true;
        roots.forEach(this::registerQuietly);
        continue;
      }
      Path child = folder.resolve((Path) event.context());
      changed.add(child);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)
          && !child.getFileName().toString().startsWith(".")) {
        registerQuietly(child);
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private void registerQuietly(Path dir) {
    try {
      register(dir);
    } catch (IOException e) {
      // The folder went away meanwhile; the rebuild reports what is missing.
    }
  }

  private void register(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
        if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        folders.put(d.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), d);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
