package org.starkit.build;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.markdown.LinkTargets;
import org.starkit.markdown.MarkdownRenderer;
import org.starkit.markdown.RenderedPage;

/**
 * Renders Markdown bodies on all cores. The Markdown parser recurses on nesting (a thousand
 * {@code >} in a row, a line of thousands of {@code -}), so the threads get a large stack, and a
 * body that still overflows it becomes a diagnostic instead of a crash.
 */
final class MarkdownJobs {
  private static final long STACK_BYTES = 64L * 1024 * 1024;

  private MarkdownJobs() {}

  static Map<String, RenderedPage> run(MarkdownRenderer markdown, List<MarkdownBatch.Body> jobs, LinkTargets targets) {
    return run(markdown, jobs, targets, UnaryOperator.identity());
  }

  /**
   * Renders {@code jobs}, each as {@code withText} makes it on the rendering thread (reading a
   * body the cache left unread is a file read: on all cores, beside the rendering). A source file
   * that can no longer be read fails the run as the {@link UncheckedIOException} it is.
   */
  private static Map<String, RenderedPage> run(MarkdownRenderer markdown, List<MarkdownBatch.Body> jobs,
      LinkTargets targets, UnaryOperator<MarkdownBatch.Body> withText) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), jobs.size()));
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(null, r, "starkit-markdown-" + n.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    });
    try {
      Map<MarkdownBatch.Body, Future<RenderedPage>> futures = new java.util.LinkedHashMap<>();
      for (MarkdownBatch.Body job : jobs) {
        futures.put(job, pool.submit(() -> render(markdown, withText.apply(job), targets)));
      }
      Map<String, RenderedPage> pages = new HashMap<>();
      for (Map.Entry<MarkdownBatch.Body, Future<RenderedPage>> e : futures.entrySet()) {
        pages.put(e.getKey().path(), e.getValue().get());
      }
      return pages;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering Markdown", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException unreadable) {
        throw unreadable;
      }
      throw new IllegalStateException("rendering Markdown failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Like {@link #run(MarkdownRenderer, List, LinkTargets)}, taking the bodies the disk cache has and
   * storing there those it had to render.
   *
   * @param digests the digest of each source file, which stands for the body's text in the key
   * @param keysOut receives the key of each body, by source path
   * @param withText the job to render for one the cache does not have (a job's body may not have
   *     been read yet)
   */
  static Map<String, RenderedPage> run(MarkdownRenderer markdown, List<MarkdownBatch.Body> jobs, LinkTargets targets,
      DiskCache disk, Map<String, String> digests, Map<String, String> keysOut,
      UnaryOperator<MarkdownBatch.Body> withText) {
    String targetsDigest = Fingerprints.targets(targets);
    List<String> keys = jobs.parallelStream()
        .map(j -> Fingerprints.markdown(j, digests.get(j.path()), targetsDigest)).toList();
    for (int i = 0; i < jobs.size(); i++) {
      keysOut.put(jobs.get(i).path(), keys.get(i));
    }
    Map<String, RenderedPage> stored = disk.readMarkdown(keys);
    Map<String, RenderedPage> pages = new HashMap<>();
    List<MarkdownBatch.Body> misses = new ArrayList<>();
    List<String> missKeys = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      RenderedPage page = stored.get(keys.get(i));
      if (page == null) {
        misses.add(jobs.get(i));
        missKeys.add(keys.get(i));
      } else {
        pages.put(jobs.get(i).path(), page);
      }
    }
    Map<String, RenderedPage> rendered = misses.isEmpty() ? Map.of() : run(markdown, misses, targets, withText);
    Map<String, RenderedPage> added = new HashMap<>();
    for (int i = 0; i < misses.size(); i++) {
      added.put(missKeys.get(i), rendered.get(misses.get(i).path()));
    }
    pages.putAll(rendered);
    disk.writeMarkdown(added, new java.util.HashSet<>(keys));
    return pages;
  }

  private static RenderedPage render(MarkdownRenderer markdown, MarkdownBatch.Body job, LinkTargets targets) {
    try {
      return markdown.render(job.path(), job.markdown(), job.root(), targets);
    } catch (StackOverflowError e) {
      Diagnostic d = Diagnostic.error(job.path(), 0, 0, "markdown-too-complex",
          "This file's Markdown nests too deeply, or has a line of thousands of repeated markers, to be read.",
          "Look for long runs of '>', '-', '*' or list markers; real lessons never need more than a few levels.");
      return new RenderedPage("", "", "", List.of(), List.of(), List.of(d), "");
    }
  }
}
