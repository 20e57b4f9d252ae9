package org.starkit.build;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.starkit.markdown.LinkTargets;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;

/**
 * SHA-256 digests that key the build cache on disk: of starkit itself (its version, the jar or
 * class folder it runs from, the Java version, the shape of the cached records), of all inputs of a
 * build, and of the link targets a Markdown body is rendered against.
 */
final class Fingerprints {
  /** Bumped whenever what the cache stores changes meaning. */
  static final int FORMAT = 1;

  private static volatile String code;

  private Fingerprints() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  static void add(MessageDigest sha, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    sha.update(Integer.toString(b.length).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) ':');
    sha.update(b);
  }

  static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * starkit's own build: a new version, a rebuilt jar or class folder, another Java, or a change to
   * the records the cache holds all give another value, so a cache from another build is never used.
   */
  static String code() {
    String c = code;
    if (c == null) {
      MessageDigest sha = sha256();
      add(sha, "starkit-cache-" + FORMAT);
      add(sha, version());
      add(sha, System.getProperty("java.version", ""));
      add(sha, codeSource());
      add(sha, shape(org.starkit.markdown.Heading.class, new LinkedHashSet<>())
          + shape(org.starkit.markdown.PageLink.class, new LinkedHashSet<>())
          + shape(org.starkit.diagnostic.Diagnostic.class, new LinkedHashSet<>()) + ":body-" + BodyCodec.VERSION);
      add(sha, shape(BuildRecord.class, new LinkedHashSet<>()));
      add(sha, shape(LessonCache.Entry.class, new LinkedHashSet<>()));
      c = hex(sha);
      code = c;
    }
    return c;
  }

  private static String version() {
    Properties p = new Properties();
    try (InputStream in = Fingerprints.class.getResourceAsStream("/org/starkit/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return p.getProperty("version", "unknown");
  }

  /** The jar's size and time, or the count, sizes and latest time of the class files of a folder. */
  private static String codeSource() {
    try {
      CodeSource src = Fingerprints.class.getProtectionDomain().getCodeSource();
      if (src == null || src.getLocation() == null) {
        return "no-code-source";
      }
      Path p = Path.of(src.getLocation().toURI());
      if (Files.isRegularFile(p)) {
        return "jar:" + p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
      }
      long count = 0;
      long size = 0;
      long latest = 0;
      try (Stream<Path> walk = Files.walk(p)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          count++;
          size += Files.size(f);
          latest = Math.max(latest, Files.getLastModifiedTime(f).toMillis());
        }
      }
      return "dir:" + p + ":" + count + ":" + size + ":" + latest;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unreadable:" + e.getClass().getName() + ":" + System.nanoTime(); // never matches a later run
    }
  }

  /** The names and types of a record's components, and of the records they hold, recursively. */
  private static String shape(Class<?> type, Set<Class<?>> seen) {
    if (!type.isRecord() || !seen.add(type)) {
      return type.getName();
    }
    StringBuilder b = new StringBuilder(type.getName()).append('(');
    for (RecordComponent c : type.getRecordComponents()) {
      b.append(c.getName()).append(':').append(c.getGenericType().getTypeName()).append(';');
      for (Class<?> inner : classesIn(c.getGenericType())) {
        b.append(shape(inner, seen));
      }
    }
    return b.append(')').toString();
  }

  private static List<Class<?>> classesIn(Type t) {
    if (t instanceof Class<?> c) {
      return List.of(c);
    }
    if (t instanceof ParameterizedType p) {
      return Stream.of(p.getActualTypeArguments()).flatMap(a -> classesIn(a).stream()).toList();
    }
    return List.of();
  }

  /** A digest of every file name and content in the theme folder. */
  static String theme(Path dir) throws IOException {
    MessageDigest sha = sha256();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path p : files) {
      sha.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] content = Files.readAllBytes(p);
      sha.update(Long.toString(content.length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(content);
    }
    return hex(sha);
  }

  /** Every input of a build: starkit, the sources, the theme and the options. */
  static String inputs(BuildOptions options, SourceSet sources, Map<String, String> digests, String themeDigest) {
    MessageDigest sha = sha256();
    addOptionsAndFiles(sha, options, sources, themeDigest, f -> digests.get(f));
    return hex(sha);
  }

  /**
   * Every input of a build but the Markdown bodies of its lessons and guides: {@link #inputs} with
   * each lesson and guide file standing for what its front matter declares (the loaded record
   * without its body and its text's fingerprint, which only translation checks read). Two builds
   * of equal structure have equal catalogs but for the rendered bodies, so every page that shows
   * no body that changed comes out the same.
   */
  static String structure(BuildOptions options, SourceSet sources, Map<String, String> digests, String themeDigest,
      org.starkit.model.Curriculum curriculum, Map<String, String> declaredDigests) {
    Set<String> pages = new java.util.HashSet<>();
    curriculum.lessons().forEach(l -> pages.add(l.path()));
    curriculum.guides().forEach(g -> pages.add(g.path()));
    MessageDigest sha = sha256();
    addOptionsAndFiles(sha, options, sources, themeDigest, f -> pages.contains(f) ? "page" : digests.get(f));
    // records of strings, numbers, lists and optionals: their text is stable and says everything;
    // each lesson's on all cores (hashing ten thousand records' text is a second on one core at C1)
    // (a rebuild takes most from the lesson cache, which computed them when the file was parsed)
    List<String> declared = curriculum.lessons().parallelStream().map(l -> {
      String known = declaredDigests.get(l.path());
      return known != null ? known : declared(l);
    }).toList();
    for (String d : declared) {
      add(sha, d);
    }
    for (org.starkit.model.Guide g : curriculum.guides()) {
      add(sha, new org.starkit.model.Guide(g.id(), g.path(), g.title(), g.summary(), "").toString());
    }
    return hex(sha);
  }

  /** The digest of a lesson as its front matter declares it: its record's text without body and fingerprint. */
  static String declared(org.starkit.model.Lesson l) {
    MessageDigest one = sha256();
    add(one, LessonCache.declared(l).toString());
    return hex(one);
  }

  /** starkit, the options, the theme and each source file by path and by what {@code standFor} says of it. */
  private static void addOptionsAndFiles(MessageDigest sha, BuildOptions options, SourceSet sources, String themeDigest,
      java.util.function.Function<String, String> standFor) {
    add(sha, code());
    add(sha, options.sourceLabel());
    add(sha, options.theme().label());
    add(sha, themeDigest);
    add(sha, options.baseUrl().orElse("\0none"));
    add(sha, Boolean.toString(options.strict()));
    boolean events = sources.files().stream().anyMatch(f -> f.isUnder("events"));
    add(sha, events ? options.today().toString() : "no-events"); // the date shows only with events
    add(sha, Integer.toString(sources.files().size()));
    for (SourceFile f : sources.files()) {
      add(sha, f.path());
      add(sha, java.util.Objects.requireNonNull(standFor.apply(f.path()), f.path()));
    }
    add(sha, sources.diagnostics().toString());
  }

  /** The link targets of a whole curriculum, which every body is rendered against. */
  static String targets(LinkTargets targets) {
    MessageDigest sha = sha256();
    for (Map<String, String> m : List.of(targets.pages(), targets.assets())) {
      add(sha, Integer.toString(m.size()));
      for (Map.Entry<String, String> e : new TreeMap<>(m).entrySet()) {
        add(sha, e.getKey());
        add(sha, e.getValue());
      }
    }
    return hex(sha);
  }

  /**
   * The key of one rendered body: the digest of the file it comes from stands for its text (a body
   * is the file's text with the front matter blanked, by starkit's code, which the key includes),
   * so a rebuild finds the bodies of unchanged files without reading them.
   */
  static String markdown(MarkdownBatch.Body job, String fileDigest, String targetsDigest) {
    MessageDigest sha = sha256();
    add(sha, code());
    add(sha, job.path());
    if (fileDigest == null) {
      add(sha, job.markdown());
    } else {
      add(sha, fileDigest);
    }
    add(sha, job.root());
    add(sha, targetsDigest);
    return hex(sha);
  }
}
