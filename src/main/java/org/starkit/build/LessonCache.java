package org.starkit.build;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.FrontMatter;
import org.starkit.model.Lesson;
import org.starkit.model.SiteConfig;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceReader;
import org.starkit.source.TextDecoder;

/**
 * Parsed lesson files remembered between builds, so that a rebuild parses the YAML front matter of
 * only the files that changed. An entry is keyed by the file's path, the digest of its bytes and
 * the configuration it was parsed under; it holds the lesson without its body (which is the file's
 * text with the front matter blanked, cheap to cut again and large to store) and the problems the
 * parse reported, so a reused parse reports exactly what parsing again would.
 *
 * <p>A lesson restored from an entry comes without its body, and its file may not even have been
 * read ({@link SourceReader.Stamps#mayDefer}): a rebuild needs the Markdown of only the bodies it
 * renders again, which {@link #withText} cuts from the file then.
 */
final class LessonCache implements CurriculumLoader.LessonMemo {
  /**
   * One remembered parse; {@code lesson} has an empty body, and {@code declared} is the digest of
   * the lesson as its front matter declares it ({@link Fingerprints#declared}; empty without a
   * lesson), which a rebuild's structure fingerprint takes instead of hashing every lesson again.
   */
  record Entry(String key, Optional<Lesson> lesson, List<Diagnostic> problems, String declared) {}

  private final Map<String, String> digests;
  private final Map<String, Entry> last;
  private final Map<String, Entry> now = new ConcurrentHashMap<>();
  /** The files of the lessons restored without their body, by path. */
  private final Map<String, SourceFile> restored = new ConcurrentHashMap<>();
  /** The text of the configuration last asked about, made once rather than once per lesson. */
  private volatile Map.Entry<SiteConfig, String> configText;

  /**
   * @param digests the digest of each source file of this build, by path
   * @param last what the previous build from the same folder remembered, by path
   */
  LessonCache(Map<String, String> digests, Map<String, Entry> last) {
    this.digests = digests;
    this.last = last;
  }

  @Override
  public CurriculumLoader.Parsed parse(SiteConfig config, SourceFile file, Supplier<CurriculumLoader.Parsed> parse) {
    String digest = digests.get(file.path());
    if (digest == null) {
      return parse.get();
    }
    String key = key(configText(config), file.path(), digest);
    Entry known = last.get(file.path());
    if (known != null && known.key().equals(key)) {
      now.put(file.path(), known);
      if (known.lesson().isPresent()) {
        restored.put(file.path(), file);
      }
      return new CurriculumLoader.Parsed(known.lesson(), known.problems());
    }
    CurriculumLoader.Parsed parsed = parse.get();
    now.put(file.path(), new Entry(key, parsed.lesson().map(LessonCache::withoutBody), parsed.problems(),
        parsed.lesson().map(Fingerprints::declared).orElse("")));
    return parsed;
  }

  /**
   * The declared digest of each lesson this build parsed or restored, by path: the lesson the
   * loader made from that file is the one the entry holds, body aside.
   */
  Map<String, String> declaredDigests() {
    Map<String, String> d = new java.util.HashMap<>();
    now.forEach((path, e) -> {
      if (e.lesson().isPresent()) {
        d.put(path, e.declared());
      }
    });
    return d;
  }

  /** The entries of this build's lesson files, to remember for the next build. */
  Map<String, Entry> entries() {
    return Map.copyOf(now);
  }

  /**
   * The body to render: {@code job} itself, or for a lesson restored without its body, the same
   * job with the body cut from the file, exactly as {@code LessonParser} cuts it.
   */
  MarkdownBatch.Body withText(MarkdownBatch.Body job) {
    SourceFile file = restored.get(job.path());
    if (file == null) {
      return job;
    }
    List<Diagnostic> ignored = new ArrayList<>(); // reported when the file was parsed, and kept in the entry
    String text = TextDecoder.decodeValid(file); // a lesson came out, so these bytes decoded without a problem
    String body = FrontMatter.split(file.path(), text, ignored).map(FrontMatter::body).orElse(text);
    return new MarkdownBatch.Body(job.path(), body, job.root());
  }

  /** The digest of the configuration's text. */
  private String configText(SiteConfig config) {
    Map.Entry<SiteConfig, String> known = configText;
    if (known == null || known.getKey() != config) {
      MessageDigest sha = Fingerprints.sha256();
      Fingerprints.add(sha, config.toString()); // records of strings, numbers and lists: a stable text
      known = Map.entry(config, Fingerprints.hex(sha));
      configText = known;
    }
    return known.getValue();
  }

  private static String key(String config, String path, String digest) {
    MessageDigest sha = Fingerprints.sha256();
    Fingerprints.add(sha, Fingerprints.code());
    Fingerprints.add(sha, path);
    Fingerprints.add(sha, digest);
    Fingerprints.add(sha, config);
    return Fingerprints.hex(sha);
  }

  static Lesson withoutBody(Lesson l) {
    return l.withBody("", l.fingerprint());
  }

  /** The lesson as its front matter declares it: without its body and the fingerprint of its text. */
  static Lesson declared(Lesson l) {
    return l.withBody("", "");
  }
}
