package org.starkit.write;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Updates a site in place when a build keeps most of its files: only the files that differ from
 * the site are written, the files no longer in it are deleted, and the kept ones are not touched at
 * all. It goes in steps so that a failed build never changes the site: (1) the new and changed
 * files are written into a staging folder beside the site, where a full disk or any other write
 * error stops the build before the site is touched; (2) the site's marker file is replaced by one
 * that says a commit is in progress; (3) each staged file is renamed over its path in the site
 * (an atomic rename, so no reader sees half a file), and files and folders no longer in the site
 * are deleted; (4) the marker is put back and the new {@link SiteManifest} made, restamping only
 * what changed. A commit interrupted after step 2 leaves the marker saying so, and the site's stamps
 * no longer those recorded: the next build writes the whole site again ({@link SiteWriter}).
 */
public final class SiteCommitter {
  /** What the marker file says while a commit is in progress. */
  public static final String IN_PROGRESS = "starkit build is updating this folder; if this stays, the next build"
      + " writes it again whole.\n";

  /** Writes one staged file; a test puts one in that fails as a full disk would. */
  interface Stager {
    void write(Path p, byte[] content) throws IOException;
  }

  private final Stager stager;

  public SiteCommitter() {
    this((p, content) -> Files.write(p, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
  }

  SiteCommitter(Stager stager) {
    this.stager = stager;
  }

  /**
   * Whether the site in {@code out} is in the middle of a commit: one is running, or one was
   * interrupted and the site may be half old and half new.
   */
  public static boolean interrupted(Path out) {
    Path marker = out.toAbsolutePath().normalize().resolve(SiteWriter.MARKER);
    try {
      return Files.size(marker) == IN_PROGRESS.length() && Files.readString(marker).equals(IN_PROGRESS);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Makes the site in {@code out} hold exactly {@code files} and the files at the paths of {@code kept},
   * and returns what is on disk then.
   *
   * @param kept paths of files the site has now and keeps unread: the caller vouches that they are
   *     still what it wants (a build checks {@code last} against the disk first)
   * @param last the manifest of the site as it is on disk now
   */
  public SiteManifest commit(Path out, List<OutputFile> files, Collection<String> kept, SiteManifest last)
      throws IOException {
    Path target = out.toAbsolutePath().normalize();
    SiteWriter.checkReplaceable(target);
    if (!Files.isRegularFile(target.resolve(SiteWriter.MARKER), LinkOption.NOFOLLOW_LINKS) || interrupted(target)) {
      throw new IOException("there is no complete site in " + target + " to update");
    }
    List<String> all = new ArrayList<>(files.size() + kept.size());
    files.forEach(f -> all.add(f.path()));
    all.addAll(kept);
    Set<String> dirs = SiteWriter.folders(target, all);
    Set<String> paths = new HashSet<>(all);
    for (String k : kept) {
      if (!last.files().containsKey(k)) {
        throw new IOException("the previous site has no file " + k + " to keep");
      }
    }
    List<OutputFile> changed = changed(target, files, last);
    List<String> gone = last.files().keySet().stream().filter(p -> !paths.contains(p) && !p.equals(SiteWriter.MARKER))
        .sorted().toList();
    List<String> goneDirs = last.dirs().keySet().stream().filter(d -> !d.isEmpty() && !dirs.contains(d))
        .sorted(Comparator.reverseOrder()).toList(); // children before their parents
    List<String> newDirs = dirs.stream().filter(d -> !last.dirs().containsKey(d)).toList(); // parents first
    Path staging = target.resolveSibling("." + target.getFileName() + ".commit-" + UUID.randomUUID());
    try {
      Files.createDirectory(staging);
      List<Integer> order = java.util.stream.IntStream.range(0, changed.size()).boxed().toList();
      FileJobs.run(order, i -> stager.write(staging.resolve(Integer.toString(i)), changed.get(i).content()));
      Files.writeString(staging.resolve("started"), IN_PROGRESS);
      Files.writeString(staging.resolve("done"), SiteWriter.MARKER_TEXT);
      // From here on the site changes; until the marker is put back, it says so.
      replace(staging.resolve("started"), target.resolve(SiteWriter.MARKER));
      FileJobs.run(gone, p -> Files.deleteIfExists(SiteWriter.inside(target, p)));
      for (String d : goneDirs) {
        Files.deleteIfExists(SiteWriter.inside(target, d));
      }
      for (String d : newDirs) {
        Files.createDirectories(SiteWriter.inside(target, d));
      }
      FileJobs.run(order, i -> replace(staging.resolve(Integer.toString(i)),
          SiteWriter.inside(target, changed.get(i).path())));
      replace(staging.resolve("done"), target.resolve(SiteWriter.MARKER));
    } finally {
      SiteWriter.deleteTree(staging);
    }
    return manifest(target, last, changed, gone, goneDirs, newDirs);
  }

  /** The files whose bytes are not those of the same path in the site, sorted by path. */
  private static List<OutputFile> changed(Path target, List<OutputFile> files, SiteManifest last) throws IOException {
    Set<String> differ = ConcurrentHashMap.newKeySet();
    FileJobs.run(files, f -> {
      if (!last.files().containsKey(f.path()) || !SiteWriter.sameContent(SiteWriter.inside(target, f.path()),
          f.content())) {
        differ.add(f.path());
      }
    });
    return files.stream().filter(f -> differ.contains(f.path())).sorted(Comparator.comparing(OutputFile::path))
        .toList();
  }

  /** The last manifest with the stamps of what this commit changed taken again, and only those. */
  private static SiteManifest manifest(Path target, SiteManifest last, List<OutputFile> changed, List<String> gone,
      List<String> goneDirs, List<String> newDirs) throws IOException {
    Map<String, String> files = new ConcurrentHashMap<>(last.files());
    gone.forEach(files::remove);
    List<String> restamp = new ArrayList<>();
    changed.forEach(f -> restamp.add(f.path()));
    restamp.add(SiteWriter.MARKER);
    FileJobs.run(restamp, p -> files.put(p, Objects.requireNonNull(SiteManifest.stamp(SiteWriter.inside(target, p)),
        p)));
    Map<String, String> dirs = new HashMap<>(last.dirs());
    goneDirs.forEach(dirs::remove);
    Set<String> touched = new TreeSet<>(newDirs); // a folder's stamp moves when an entry in it comes or goes
    touched.add("");
    for (List<String> entries : List.of(restamp, gone, goneDirs, newDirs)) {
      entries.forEach(p -> touched.add(p.lastIndexOf('/') < 0 ? "" : p.substring(0, p.lastIndexOf('/'))));
    }
    touched.removeAll(goneDirs);
    for (String d : touched) {
      Path p = d.isEmpty() ? target : SiteWriter.inside(target, d);
      dirs.put(d, Objects.requireNonNull(SiteManifest.stamp(p), d.isEmpty() ? "the output folder" : d));
    }
    return new SiteManifest(files, dirs);
  }

  /**
   * Renames {@code from} over {@code to}, atomically where the file system can (also how the build
   * cache puts its files in place).
   */
  public static void replace(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the staging folders that commits to {@code out} left behind when they were interrupted. */
  static void removeStaging(Path out) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    String prefix = "." + target.getFileName() + ".commit-";
    List<Path> left = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
      siblings.forEach(left::add);
    }
    for (Path p : left) {
      SiteWriter.deleteTree(p);
    }
  }
}
