package org.starkit.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;

/**
 * The preview's copy of the source folder. The first read, and any change the watcher could not
 * name, reads the whole folder ({@link SourceReader#read}); after that only the files the watcher
 * names are read again, with the same rules. Files that did not change keep the same
 * {@link SourceFile} object, so later stages can tell them apart by identity without comparing bytes.
 */
final class SourceTree {
  private final Path dir;
  private final SourceReader reader = new SourceReader();
  private final TreeMap<String, SourceFile> files = new TreeMap<>();
  /** The problems met reading each path, by the path they name. */
  private final TreeMap<String, List<Diagnostic>> problems = new TreeMap<>();
  private SourceSet set;

  SourceTree(Path dir) {
    this.dir = dir;
  }

  /** Reads the whole folder again; returns the paths whose content or problems changed. */
  Set<String> readAll() throws IOException {
    SourceSet read = reader.read(dir);
    Set<String> changed = new TreeSet<>();
    Map<String, SourceFile> next = new TreeMap<>();
    for (SourceFile f : read.files()) {
      SourceFile old = files.get(f.path());
      next.put(f.path(), old != null && old.equals(f) ? old : f);
      if (old == null || !old.equals(f)) {
        changed.add(f.path());
      }
    }
    files.keySet().stream().filter(p -> !next.containsKey(p)).forEach(changed::add);
    Map<String, List<Diagnostic>> nextProblems = new TreeMap<>();
    read.diagnostics().forEach(d -> nextProblems.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d));
    if (!nextProblems.equals(problems)) {
      changed.addAll(nextProblems.keySet());
      changed.addAll(problems.keySet());
    }
    files.clear();
    files.putAll(next);
    problems.clear();
    problems.putAll(nextProblems);
    set = null;
    return changed;
  }

  /**
   * Reads the named paths again. A folder that appeared, or anything not below the folder, makes it
   * read everything. Returns the paths whose content or problems changed: empty when a save wrote
   * what was there already.
   */
  Set<String> read(Set<Path> paths) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Set<String> relative = new TreeSet<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (!abs.startsWith(root) || abs.equals(root) || Files.isDirectory(abs)) {
        return readAll();
      }
      relative.add(root.relativize(abs).toString().replace('\\', '/'));
    }
    Set<String> changed = new TreeSet<>();
    for (String rel : relative) {
      if (!files.containsKey(rel) && files.ceilingKey(rel + "/") != null && files.ceilingKey(rel + "/")
          .startsWith(rel + "/")) {
        // a folder went away: forget what was below it
        for (String gone : List.copyOf(files.subMap(rel + "/", rel + "/\uffff").keySet())) {
          files.remove(gone);
          changed.add(gone);
        }
      }
      List<Diagnostic> found = new ArrayList<>();
      Optional<SourceFile> file = reader.readFile(dir, rel, found);
      SourceFile old = files.get(rel);
      if (file.isPresent() && !file.get().equals(old)) {
        files.put(rel, file.get());
        changed.add(rel);
      } else if (file.isEmpty() && old != null) {
        files.remove(rel);
        changed.add(rel);
      }
      List<Diagnostic> before = problems.getOrDefault(rel, List.of());
      if (!before.equals(found)) {
        changed.add(rel);
        if (found.isEmpty()) {
          problems.remove(rel);
        } else {
          problems.put(rel, found);
        }
      }
    }
    if (!changed.isEmpty()) {
      set = null;
    }
    return changed;
  }

  /** The file read at {@code path}, relative to the folder. */
  Optional<SourceFile> file(String path) {
    return Optional.ofNullable(files.get(path));
  }

  /** Everything read, as {@link SourceReader#read} would return it now. */
  SourceSet sources() {
    if (set == null) {
      List<Diagnostic> all = new ArrayList<>();
      problems.values().forEach(all::addAll);
      all.sort(null);
      set = new SourceSet(new ArrayList<>(files.values()), all);
    }
    return set;
  }
}
