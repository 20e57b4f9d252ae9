package org.starkit.render;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.starkit.write.OutputFile;

/**
 * Rendered pages, and the kits' offline packs made from them, kept between builds for one set of
 * templates. Templates see only their context, and the context holds only view records, which are
 * equal when their data is, so a page renders the same as long as its template name and context are
 * the same; a pack is the same as long as the files it is made of are. Entries not used during a
 * build are dropped when the next one starts ({@link #startBuild()}), so at most two builds' pages
 * are held. Templates that changed need a new, empty cache ({@link #clear()}).
 */
public final class RenderCache {
  /** A template name with the context it is rendered with. */
  record Key(String template, Map<String, Object> context) {}

  private Map<Object, Object> current = new HashMap<>();
  private Map<Object, Object> previous = new HashMap<>();
  private final AtomicInteger hits = new AtomicInteger();
  private final AtomicInteger misses = new AtomicInteger();
  private final AtomicInteger packMisses = new AtomicInteger();

  /** How many pages were taken from the cache, over all builds. */
  public int hits() {
    return hits.get();
  }

  /** How many pages had to be rendered, over all builds. */
  public int misses() {
    return misses.get();
  }

  /** How many kits' offline packs had to be made, over all builds. */
  public int packMisses() {
    return packMisses.get();
  }

  /** Marks the start of a build: pages the last build did not use are forgotten. */
  public synchronized void startBuild() {
    previous = current;
    current = new HashMap<>();
  }

  /** Forgets every page, for when the templates changed. */
  public synchronized void clear() {
    previous = new HashMap<>();
    current = new HashMap<>();
  }

  /** A key for a template and its context; copies the context, which the caller may change later. */
  static Key key(String template, Map<String, Object> context) {
    return new Key(template, Collections.unmodifiableMap(new HashMap<>(context)));
  }

  /** The page rendered before for this key, or null. */
  synchronized String find(Key k) {
    String page = (String) take(k);
    (page == null ? misses : hits).incrementAndGet();
    return page;
  }

  /** The offline pack made before from equal inputs, or a new one. */
  OutputFile pack(OfflinePacker.Inputs inputs, Supplier<OutputFile> packer) {
    synchronized (this) {
      OutputFile pack = (OutputFile) take(inputs);
      if (pack != null) {
        return pack;
      }
    }
    packMisses.incrementAndGet();
    OutputFile pack = packer.get();
    synchronized (this) {
      current.put(inputs, pack);
    }
    return pack;
  }

  private Object take(Object key) {
    Object value = current.get(key);
    if (value == null) {
      value = previous.remove(key);
      if (value != null) {
        current.put(key, value);
      }
    }
    return value;
  }

  synchronized void store(Key key, String page) {
    current.put(key, page);
  }
}
