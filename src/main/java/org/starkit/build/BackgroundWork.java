package org.starkit.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A stage's independent part run on a thread of its own while the build goes on, and its result
 * or failure taken back where the build needs it, as if it had run there.
 */
final class BackgroundWork {
  private BackgroundWork() {}

  /** Work that may fail reading files. */
  interface Work<T> {
    T run() throws IOException;
  }

  static <T> CompletableFuture<T> start(String name, Work<T> work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return work.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, task -> {
      Thread t = new Thread(task, "starkit-" + name);
      t.setDaemon(true);
      t.start();
    });
  }

  /** The result; a failure is thrown again as what the work threw. */
  static <T> T join(CompletableFuture<T> future) throws IOException {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      } else if (cause instanceof RuntimeException r) {
        throw r;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
