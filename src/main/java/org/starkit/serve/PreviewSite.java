package org.starkit.serve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/**
 * The files of one preview build, each made the first time it is asked for and then kept: a page
 * is rendered when a browser asks for it, not when a lesson is saved. Every path of the site is
 * known up front, so missing files, redirects and the sitemap need no rendering.
 */
final class PreviewSite {
  /** How to make one file. */
  interface Maker {
    OutputFile make() throws ThemeException;
  }

  /** A file that could not be made, with the problem to show instead. */
  static final class FileFailedException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    FileFailedException(Diagnostic diagnostic) {
      super(diagnostic.message());
      this.diagnostic = diagnostic;
    }

    Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** One file, made at most once. */
  private static final class Entry {
    private final String path;
    private final Maker maker;
    private OutputFile file;
    private FileFailedException failure;

    Entry(String path, Maker maker) {
      this.path = path;
      this.maker = maker;
    }

    synchronized OutputFile get() {
      if (file == null && failure == null) {
        try {
          file = maker.make();
        } catch (ThemeException e) {
          failure = new FileFailedException(e.diagnostic());
        } catch (RuntimeException | StackOverflowError e) {
          failure = new FileFailedException(Diagnostic.error("site/" + path, 0, 0, "build-failed",
              "The page could not be made: " + e, "Fix the cause and save again; if it persists, run 'starkit check'"
                  + " with STARKIT_DEBUG=1."));
        }
      }
      if (failure != null) {
        throw failure;
      }
      return file;
    }

    synchronized boolean made() {
      return file != null;
    }
  }

  static final PreviewSite EMPTY = new PreviewSite(Map.of());

  private final Map<String, Entry> entries;

  private PreviewSite(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /** Collects the files of a site; a later file for a path replaces an earlier one, as a build's writer does. */
  static final class Builder {
    private final Map<String, Entry> entries;

    /** @param expected about how many files the site has */
    Builder(int expected) {
      entries = new LinkedHashMap<>(expected * 4 / 3 + 1);
    }

    Builder add(String path, Maker maker) {
      entries.put(path, new Entry(path, maker));
      return this;
    }

    Builder add(OutputFile file) {
      return add(file.path(), () -> file);
    }

    PreviewSite build() {
      return new PreviewSite(Collections.unmodifiableMap(entries));
    }
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  boolean contains(String path) {
    return entries.containsKey(path);
  }

  Set<String> paths() {
    return entries.keySet();
  }

  /**
   * The file at {@code path}, made now if it was not yet.
   *
   * @throws FileFailedException when the theme could not render it
   */
  Optional<OutputFile> file(String path) {
    Entry e = entries.get(path);
    return e == null ? Optional.empty() : Optional.of(e.get());
  }

  /** How many files were made so far, for tests. */
  long made() {
    return entries.values().stream().filter(Entry::made).count();
  }
}
