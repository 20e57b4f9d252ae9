package org.starkit.source;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.starkit.diagnostic.Diagnostic;

/**
 * The one stage that reads the source directory. It never follows a link out of the tree, skips
 * hidden files, and refuses files too large to be lessons.
 */
public final class SourceReader {
  /** Larger Markdown or YAML files are refused: no lesson is this long, and parsers slow down. */
  public static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;

  /** Larger images or data files are refused: they make the site slow for learners. */
  public static final int MAX_ASSET_BYTES = 20 * 1024 * 1024;

  /**
   * What a build cache needs to know to trust a file's remembered digest (its attributes before it
   * was read, as the walk saw them, and right after) and what it decides: which files may be left
   * unread, and whether a file read late is still what it knew.
   */
  public interface Stamps {
    /** Called once, before any file is read: the attributes of every file to be read, by path. */
    void walked(Map<String, BasicFileAttributes> files);

    /**
     * Called right after a file was read, from any thread: its attributes then. For a file left
     * unread ({@link #mayDefer}), the walk's attributes.
     */
    void read(String path, BasicFileAttributes after);

    /**
     * Whether a file may be left unread until its bytes are asked for, because the caller knows its
     * digest from an earlier build (and what it made of it). Called after {@link #walked}, from any
     * thread, before the file would be read.
     */
    default boolean mayDefer(String path) {
      return false;
    }

    /**
     * Whether the bytes of a file left unread ({@link #mayDefer}), read when first asked for, are
     * those the caller knew; when not, it changed during the build without its stamp moving, and
     * reading it fails. Called from any thread.
     */
    default boolean knows(String path, byte[] bytes) {
      return true;
    }
  }

  public SourceSet read(Path sourceDir) throws IOException {
    return read(sourceDir, null);
  }

  /** Reads the source directory, telling {@code stamps} (when not null) each file's attributes. */
  public SourceSet read(Path sourceDir, Stamps stamps) throws IOException {
    Path root = sourceDir.toRealPath();
    List<Pending> pending = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!hidden(file)) {
              visit(root, file, attrs, pending, problems);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            problems.add(unreadable(relative(root, file), e));
            return FileVisitResult.CONTINUE;
          }
        });
    if (stamps != null) {
      Map<String, BasicFileAttributes> walked = new HashMap<>();
      pending.forEach(p -> walked.put(p.rel(), p.attrs()));
      stamps.walked(walked);
    }
    List<SourceFile> files = readAll(pending, problems, stamps);
    files.sort(Comparator.comparing(SourceFile::path));
    problems.sort(null);
    return new SourceSet(files, problems);
  }

  /**
   * A file the walk accepted, to be read: its path below the root, where its bytes are, and that
   * file's attributes as the walk saw them.
   */
  private record Pending(String rel, Path target, BasicFileAttributes attrs) {}

  /**
   * Reads the accepted files, on all cores: for a large curriculum this is tens of thousands of
   * small reads, bound by system calls. What is read, and every problem, does not depend on the
   * order (both are sorted by the caller).
   */
  private static List<SourceFile> readAll(List<Pending> pending, List<Diagnostic> problems, Stamps stamps) {
    List<Diagnostic> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    List<SourceFile> files = new ArrayList<>(pending.parallelStream()
        .map(p -> {
          if (stamps != null && stamps.mayDefer(p.rel())) {
            stamps.read(p.rel(), p.attrs());
            return SourceFile.deferred(p.rel(), p.target(), p.attrs().size(), stamps::knows);
          }
          SourceFile f = read(p, failed);
          if (f != null && stamps != null) {
            try {
              stamps.read(p.rel(), Files.readAttributes(p.target(), BasicFileAttributes.class));
            } catch (IOException e) {
              // gone or unreadable since: no stamp, so its digest is not trusted or remembered
            }
          }
          return f;
        })
        .filter(java.util.Objects::nonNull)
        .toList());
    problems.addAll(failed);
    return files;
  }

  private static SourceFile read(Pending p, List<Diagnostic> problems) {
    try {
      return new SourceFile(p.rel(), Files.readAllBytes(p.target()));
    } catch (NoSuchFileException e) {
      problems.add(brokenLink(p.rel()));
    } catch (IOException e) {
      problems.add(unreadable(p.rel(), e));
    }
    return null;
  }

  /**
   * Reads one file of the source directory again with the same rules as {@link #read}, for
   * previews that re-read only what changed. Empty when the file is gone, hidden, not a regular
   * file, or refused (then {@code problems} says why).
   *
   * @param relative the path below {@code sourceDir}, forward slashes
   */
  public java.util.Optional<SourceFile> readFile(Path sourceDir, String relative, List<Diagnostic> problems)
      throws IOException {
    Path root = sourceDir.toRealPath();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      return java.util.Optional.empty();
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return java.util.Optional.empty();
      }
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return java.util.Optional.empty();
    }
    List<Pending> pending = new ArrayList<>(1);
    visit(root, file, attrs, pending, problems);
    return pending.stream().map(p -> read(p, problems)).filter(java.util.Objects::nonNull).findFirst();
  }

  private static void visit(
      Path root, Path file, BasicFileAttributes attrs, List<Pending> pending, List<Diagnostic> problems) {
    String rel = relative(root, file);
    Path target = file;
    try {
      if (attrs.isSymbolicLink()) {
        target = file.toRealPath();
        if (!target.startsWith(root)) {
          problems.add(
              Diagnostic.error(rel, 0, 0, "link-outside-source",
                  "This symbolic link points outside the source directory, so it was not read.",
                  "Copy the file into the curriculum instead of linking to it."));
          return;
        }
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
          problems.add(
              Diagnostic.warning(rel, 0, 0, "link-not-file",
                  "This symbolic link does not point to a regular file, so it was not read.",
                  "Only files are read; replace the link by the folder's content."));
          return;
        }
      } else if (!attrs.isRegularFile()) {
        return;
      }
      BasicFileAttributes seen = target == file ? attrs : Files.readAttributes(target, BasicFileAttributes.class);
      long size = seen.size(); // a regular file: the walk's own stat
      long limit = isText(rel) ? MAX_TEXT_BYTES : MAX_ASSET_BYTES;
      if (size > limit) {
        problems.add(
            Diagnostic.error(rel, 0, 0, "file-too-large",
                "This file is " + size / 1024 + " KiB; the limit for such files is " + limit / 1024 + " KiB.",
                isText(rel)
                    ? "Split the lesson into several shorter lessons."
                    : "Compress or resize the file, or link to it on another site."));
        return;
      }
      pending.add(new Pending(rel, target, seen));
    } catch (NoSuchFileException e) {
      problems.add(brokenLink(rel));
    } catch (IOException e) {
      problems.add(unreadable(rel, e));
    }
  }

  static boolean isText(String path) {
    return path.endsWith(".md") || path.endsWith(".yml") || path.endsWith(".yaml");
  }

  private static boolean hidden(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    return name.startsWith(".");
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static Diagnostic brokenLink(String path) {
    return Diagnostic.error(path, 0, 0, "broken-symlink", "This symbolic link points to nothing.",
        "Remove the link or restore the file it pointed to.");
  }

  private static Diagnostic unreadable(String path, IOException e) {
    return Diagnostic.error(path, 0, 0, "unreadable-file",
        "This file could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage(),
        "Check the file's permissions.");
  }
}
