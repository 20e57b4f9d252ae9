package org.starkit.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.starkit.markdown.RenderedPage;

/**
 * The build cache on disk, a folder of its own outside the site: rendered Markdown bodies, one
 * file each ({@link BodyCodec}), named by the SHA-256 of everything that decides the rendering
 * ({@link Fingerprints#markdown}), and for each output folder a record of the last site written
 * there ({@link BuildRecord}), and for each source folder its parsed lesson files ({@link LessonCache}).
 * Nothing read from it is trusted blindly: an entry that cannot be read, was written by another
 * build of starkit or has another shape is ignored (and rendered again), never an error. It holds
 * only rendered Markdown and lessons' front matter, which the site publishes anyway, digests and
 * file stamps; never a copy of other source files, so never a key.
 */
public final class DiskCache {
  /** The folder's name beside the output folder when no other is given. */
  public static final String DEFAULT_NAME = ".starkit-cache";
  private static final String MARKDOWN = "markdown";
  /** How a body's file name ends: {@link BodyCodec}'s format, not JSON. */
  private static final String BODY = ".body";

  private final Path dir;
  private final JsonMapper json = mapper();
  private final BodyCodec bodies = new BodyCodec(json);

  public DiskCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The JSON mapper of the cache's files: a missing or null field fails the read (a cache miss). */
  static JsonMapper mapper() {
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
        .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
        .build();
  }

  /** The cache folder used for an output folder when none is given: {@code .starkit-cache} beside it. */
  public static Path defaultFor(Path out) {
    return out.toAbsolutePath().normalize().resolveSibling(DEFAULT_NAME);
  }

  public Path dir() {
    return dir;
  }

  /** The cached bodies of the given keys that could be read; the rest are simply missing. */
  Map<String, RenderedPage> readMarkdown(Collection<String> keys) {
    Map<String, RenderedPage> found = new ConcurrentHashMap<>();
    Path folder = dir.resolve(MARKDOWN);
    if (!Files.isDirectory(folder)) {
      return found;
    }
    keys.parallelStream().forEach(k -> {
      try {
        bodies.decode(Files.readAllBytes(entry(k))).ifPresent(page -> found.put(k, page));
      } catch (IOException | RuntimeException e) {
        // missing, corrupt or foreign: rendered again
      }
    });
    return found;
  }

  /** Stores newly rendered bodies and forgets those no longer used. Failures only cost speed. */
  void writeMarkdown(Map<String, RenderedPage> added, Set<String> used) {
    try {
      Files.createDirectories(dir.resolve(MARKDOWN));
      added.entrySet().parallelStream().forEach(e -> {
        try {
          Path p = entry(e.getKey());
          Files.createDirectories(p.getParent());
          writeAtomically(p, bodies.encode(e.getValue()));
        } catch (IOException | RuntimeException ex) {
          // the next build renders it again
        }
      });
      prune(used);
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only makes the next build slower
    }
  }

  private void prune(Set<String> used) throws IOException {
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir.resolve(MARKDOWN))) {
      for (Path shard : shards) {
        if (!Files.isDirectory(shard)) {
          stale.add(shard);
          continue;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(shard)) {
          for (Path e : entries) {
            String name = e.getFileName().toString();
            if (!name.endsWith(BODY) || !used.contains(name.substring(0, name.length() - BODY.length()))) {
              stale.add(e);
            }
          }
        }
      }
    }
    stale.parallelStream().forEach(p -> {
      try {
        Files.deleteIfExists(p);
      } catch (IOException | RuntimeException e) {
        // a folder, or gone already
      }
    });
  }

  private Path entry(String key) {
    if (!key.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    return dir.resolve(MARKDOWN).resolve(key.substring(0, 2)).resolve(key + BODY);
  }

  /** The record of the last site written to {@code out}, when it is readable and from this starkit. */
  Optional<BuildRecord> readRecord(Path out) {
    return read(record(out), BuildRecord.class);
  }

  void writeRecord(Path out, BuildRecord r) {
    write(record(out), r); // if it fails, the next build cannot skip work, nothing worse
  }

  private Path record(Path out) {
    return dir.resolve("site-" + folderKey(out) + ".json");
  }

  private static String folderKey(Path folder) {
    var sha = Fingerprints.sha256();
    Fingerprints.add(sha, folder.toAbsolutePath().normalize().toString());
    return Fingerprints.hex(sha).substring(0, 24);
  }

  /** The digests of the source files of the last build from {@code source}, with their stamps. */
  Map<String, SourceDigests.Entry> readSources(Path source) {
    return read(sources(source), SourceIndex.class).map(SourceIndex::files).orElse(Map.of());
  }

  void writeSources(Path source, Map<String, SourceDigests.Entry> files) {
    write(sources(source), new SourceIndex(Fingerprints.code(), files)); // if it fails, every file is hashed next time
  }

  private Path sources(Path source) {
    return dir.resolve("sources-" + folderKey(source) + ".json");
  }

  /** The parsed lesson files of the last build from {@code source} ({@link LessonCache}), by path. */
  Map<String, LessonCache.Entry> readLessons(Path source) {
    return read(lessons(source), LessonIndex.class).map(LessonIndex::files).orElse(Map.of());
  }

  void writeLessons(Path source, Map<String, LessonCache.Entry> files) {
    write(lessons(source), new LessonIndex(Fingerprints.code(), files)); // if it fails, every lesson is parsed next time
  }

  /** A JSON file of the cache that names the starkit build that wrote it ({@link Fingerprints#code()}). */
  interface Stamped {
    String code();
  }

  /** The file read as {@code type}, when it is readable and was written by this starkit; else empty. */
  private <T extends Stamped> Optional<T> read(Path file, Class<T> type) {
    try {
      T value = json.readValue(Files.readAllBytes(file), type);
      return value != null && Fingerprints.code().equals(value.code()) ? Optional.of(value) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Writes {@code value} as JSON; a cache file that cannot be written costs the next build time only. */
  private void write(Path file, Stamped value) {
    try {
      Files.createDirectories(dir);
      writeAtomically(file, json.writeValueAsBytes(value));
    } catch (IOException | RuntimeException e) {
      // rebuilt next time
    }
  }

  private Path lessons(Path source) {
    return dir.resolve("lessons-" + folderKey(source) + ".json");
  }

  /** The stored form of the parsed lessons. */
  record LessonIndex(String code, Map<String, LessonCache.Entry> files) implements Stamped {
    LessonIndex {
      files = Map.copyOf(files);
    }
  }

  /** The stored form of the source digests. */
  record SourceIndex(String code, Map<String, SourceDigests.Entry> files) implements Stamped {
    SourceIndex {
      files = Map.copyOf(files);
    }
  }

  private static void writeAtomically(Path p, byte[] bytes) throws IOException {
    Path tmp = p.resolveSibling("." + p.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public String toString() {
    return "DiskCache[" + dir + "]";
  }

}
