package org.starkit.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.starkit.markdown.RenderedPage;
import org.starkit.write.SiteCommitter;

/**
 * The build cache on disk, a folder of its own outside the site: rendered Markdown bodies in a
 * few pack files ({@link BodyPacks}), keyed by the SHA-256 of everything that decides the rendering
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
  /** The folder of the body packs ({@link BodyPacks}). */
  private static final String BODIES = "bodies";
  /** Where earlier builds of starkit kept one file per body. */
  private static final String OLD_BODIES = "markdown";

  private final Path dir;
  private final JsonMapper json = mapper();
  private final BodyPacks bodies;
  private final IndexCodec indexes = new IndexCodec(json);

  public DiskCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.bodies = new BodyPacks(this.dir.resolve(BODIES), new BodyCodec());
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
    return bodies.read(keys);
  }

  /** Stores newly rendered bodies and forgets those no longer used. Failures only cost speed. */
  void writeMarkdown(Map<String, RenderedPage> added, Set<String> used) {
    try {
      bodies.write(added, used);
      deleteTree(dir.resolve(OLD_BODIES));
    } catch (IOException | RuntimeException e) {
      // an unwritable cache only makes the next build slower
    }
  }

  /** Deletes the folder of one file per body that earlier builds of starkit kept, if it is there. */
  private static void deleteTree(Path folder) throws IOException {
    if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The record of the last site written to {@code out}, when it is readable and from this starkit. */
  Optional<BuildRecord> readRecord(Path out) {
    return readIndex(record(out)).flatMap(b -> indexes.decodeRecord(b, Fingerprints.code()));
  }

  void writeRecord(Path out, BuildRecord r) {
    // if it fails, the next build cannot skip work, nothing worse
    writeIndex(record(out), () -> indexes.encodeRecord(r));
  }

  private Path record(Path out) {
    return dir.resolve("site-" + folderKey(out) + ".idx");
  }

  private static String folderKey(Path folder) {
    var sha = Fingerprints.sha256();
    Fingerprints.add(sha, folder.toAbsolutePath().normalize().toString());
    return Fingerprints.hex(sha).substring(0, 24);
  }

  /** The digests of the source files of the last build from {@code source}, with their stamps. */
  Map<String, SourceDigests.Entry> readSources(Path source) {
    return readIndex(sources(source)).flatMap(b -> indexes.decodeSources(b, Fingerprints.code())).orElse(Map.of());
  }

  void writeSources(Path source, Map<String, SourceDigests.Entry> files) {
    // if it fails, every file is hashed next time
    writeIndex(sources(source), () -> indexes.encodeSources(Fingerprints.code(), files));
  }

  /** Forgets the digests of the source files of {@code source}: the next build hashes every file. */
  void forgetSources(Path source) {
    try {
      Files.deleteIfExists(sources(source));
    } catch (IOException e) {
      // a folder put in its place: the next build cannot read it either
    }
  }

  private Path sources(Path source) {
    return dir.resolve("sources-" + folderKey(source) + ".idx");
  }

  /** The parsed lesson files of the last build from {@code source} ({@link LessonCache}), by path. */
  Map<String, LessonCache.Entry> readLessons(Path source) {
    return read(lessons(source), LessonIndex.class).map(LessonIndex::files).orElse(Map.of());
  }

  void writeLessons(Path source, Map<String, LessonCache.Entry> files) {
    // if it fails, every lesson is parsed next time
    write(lessons(source), new LessonIndex(Fingerprints.code(), files));
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
    writeFile(file, () -> json.writeValueAsBytes(value));
  }

  /** The bytes of an index file ({@link IndexCodec}), when it can be read. */
  private static Optional<byte[]> readIndex(Path file) {
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Bytes of a cache file, which may fail to be made. */
  private interface Encoding {
    byte[] bytes() throws IOException;
  }

  /** Writes an index file ({@link IndexCodec}); the JSON file earlier builds of starkit kept in its place goes. */
  private void writeIndex(Path file, Encoding bytes) {
    if (writeFile(file, bytes)) {
      String name = file.getFileName().toString();
      try {
        Files.deleteIfExists(file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".json"));
      } catch (IOException e) {
        // a folder put in its place: left alone, never read
      }
    }
  }

  /**
   * Writes a cache file in place of the last; a cache file that cannot be written costs the next
   * build time only.
   *
   * @return whether it was written
   */
  private boolean writeFile(Path file, Encoding bytes) {
    try {
      Files.createDirectories(dir);
      writeAtomically(file, bytes.bytes());
      return true;
    } catch (IOException | RuntimeException e) {
      return false; // rebuilt next time
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

  private static void writeAtomically(Path p, byte[] bytes) throws IOException {
    Path tmp = p.resolveSibling("." + p.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.write(tmp, bytes);
      SiteCommitter.replace(tmp, p);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public String toString() {
    return "DiskCache[" + dir + "]";
  }

}
