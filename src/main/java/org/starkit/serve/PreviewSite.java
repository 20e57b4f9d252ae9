package org.starkit.serve;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.render.PagePlanner;
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

  static final PreviewSite EMPTY = new PreviewSite(Map.of(), Map.of());

  /** The pages, as planned: the largest part of a site, taken as it is rather than copied. */
  private final Map<String, PagePlanner.Page> pages;
  /** The other files, which replace a page at the same path. */
  private final Map<String, Maker> files;
  /** The files asked for so far, each made at most once. */
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Set<String> paths;

  private PreviewSite(Map<String, PagePlanner.Page> pages, Map<String, Maker> files) {
    this.pages = pages;
    this.files = files;
    int both = (int) files.keySet().stream().filter(pages::containsKey).count();
    int size = pages.size() + files.size() - both;
    this.paths = new AbstractSet<>() {
      @Override
      public boolean contains(Object o) {
        return files.containsKey(o) || pages.containsKey(o);
      }

      @Override
      public Iterator<String> iterator() {
        return Stream.concat(pages.keySet().stream(), files.keySet().stream().filter(p -> !pages.containsKey(p)))
            .iterator();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /**
   * Collects the files of a site: first the pages, then the other files; a later file for a path
   * replaces an earlier one, as a build's writer does.
   */
  static final class Builder {
    private final Map<String, PagePlanner.Page> pages;
    private final Map<String, Maker> files = new LinkedHashMap<>();

    /** @param pages every page, as {@link PagePlanner} plans them; kept, not copied, so not to be changed after */
    Builder(Map<String, PagePlanner.Page> pages) {
      this.pages = Collections.unmodifiableMap(pages);
    }

    Builder add(String path, Maker maker) {
      files.put(path, maker);
      return this;
    }

    Builder add(OutputFile file) {
      return add(file.path(), () -> file);
    }

    /** Every path added so far, in a new set. */
    Set<String> paths() {
      Set<String> all = new HashSet<>(pages.keySet());
      all.addAll(files.keySet());
      return all;
    }

    /** The site; the builder is not to be used after. */
    PreviewSite build() {
      return new PreviewSite(pages, Collections.unmodifiableMap(files));
    }
  }

  boolean isEmpty() {
    return paths.isEmpty();
  }

  boolean contains(String path) {
    return paths.contains(path);
  }

  Set<String> paths() {
    return paths;
  }

  /**
   * The file at {@code path}, made now if it was not yet.
   *
   * @throws FileFailedException when the theme could not render it
   */
  Optional<OutputFile> file(String path) {
    Maker maker = files.get(path);
    if (maker == null) {
      PagePlanner.Page page = pages.get(path);
      maker = page == null ? null : page::render;
    }
    if (maker == null) {
      return Optional.empty();
    }
    Maker m = maker;
    return Optional.of(entries.computeIfAbsent(path, p -> new Entry(p, m)).get());
  }

  /** How many files were made so far, for tests. */
  long made() {
    return entries.values().stream().filter(Entry::made).count();
  }
}
