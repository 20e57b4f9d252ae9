package org.starkit.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one file operation per item on a few threads: writing is bound by system calls more than by
 * the processor, so more threads than cores help. Every item is tried; the failure of the earliest
 * item in list order is the one thrown, so errors do not depend on timing.
 */
final class FileJobs {
  /** One file operation. */
  interface Job<T> {
    void run(T item) throws IOException;
  }

  private FileJobs() {}

  static <T> void run(List<T> items, Job<T> job) throws IOException {
    int threads = Math.max(1, Math.min(Math.min(8, 2 * Runtime.getRuntime().availableProcessors()),
        items.size() / 64 + 1));
    if (threads == 1) {
      for (T item : items) {
        job.run(item);
      }
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "starkit-write-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      int chunk = Math.max(1, items.size() / (threads * 8));
      List<Future<?>> futures = new ArrayList<>();
      for (int from = 0; from < items.size(); from += chunk) {
        List<T> part = items.subList(from, Math.min(items.size(), from + chunk));
        futures.add(pool.submit(() -> {
          for (T item : part) {
            try {
              job.run(item);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the site", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
