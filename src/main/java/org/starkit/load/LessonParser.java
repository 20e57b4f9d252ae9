package org.starkit.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Author;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.LessonField;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;

/** Reads a lesson file's front matter into a {@link Lesson}, reporting every problem with its field. */
public final class LessonParser {
  /** Lesson ids: they become URLs, so lower-case letters, digits, hyphens and underscores only. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
  private static final Pattern GITHUB = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
  private static final Pattern ORCID = Pattern.compile("(?:https://orcid\\.org/)?(\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX])");
  private static final int MAX_SUMMARY = 300;
  /** The code of the warning each item of a lesson's {@code todo} field gets. */
  public static final String TODO_CODE = "todo";

  private final SiteConfig config;
  private final YamlReader yaml = new YamlReader();

  public LessonParser(SiteConfig config) {
    this.config = config;
  }

  /** The id a lesson file gets: its name without {@code .md}. */
  public static String idOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring(0, name.length() - ".md".length());
  }

  /**
   * Reads a lesson. A lesson with problems is still returned, with stand-in values for the fields
   * that failed, so that its body, its links and the lessons that link to it are checked in the
   * same run; the problems make the build fail. Only a file whose name is not a valid id is left out.
   */
  public Optional<Lesson> parse(String path, String text, List<Diagnostic> problems) {
    String id = idOf(path);
    if (!ID.matcher(id).matches()) {
      problems.add(Diagnostic.error(path, 0, 0, "invalid-id",
          "The lesson id '" + id + "' (from the file name) is not valid.",
          "Rename the file using lower-case letters, digits, hyphens and underscores only, such as 'for-loops.md'."));
      return Optional.empty();
    }
    Optional<FrontMatter> fm = FrontMatter.split(path, text, problems);
    String body = fm.map(FrontMatter::body).orElse(text);
    YamlNode.Mapping map = new YamlNode.Mapping(List.of(), 1, 1);
    boolean readFields = false;
    if (fm.isPresent()) {
      Optional<YamlNode> root = yaml.read(fm.get().yaml(), path, fm.get().firstLine(), problems);
      if (root.isPresent() && root.get() instanceof YamlNode.Mapping m) {
        map = m;
        readFields = true;
      } else if (root.isPresent()) {
        problems.add(Diagnostic.error(path, root.get().line(), root.get().column(), "wrong-type",
            "The front matter must be a mapping of fields, but it is a " + root.get().kind() + ".",
            "Write one 'name: value' field per line."));
      } else if (fm.get().yaml().isBlank()) {
        problems.add(Diagnostic.error(path, 1, 1, "missing-field", "The front matter is empty.",
            "Give at least title, level, duration and summary."));
      }
    }
    List<Diagnostic> fieldProblems = readFields ? problems : new ArrayList<>();
    FieldReader f = new FieldReader(path, map, fieldProblems);
    if (readFields) {
      f.rejectUnknown(LessonField.keys(), "lesson front-matter");
    }
    String title = f.text("title", readFields).orElse(id);
    String level = f.scalar("level", readFields).flatMap(s -> vocabulary(f, s, "level", config.levels()))
        .orElse(config.levels().get(0));
    LessonDuration duration = duration(f, readFields).orElse(new LessonDuration(0, 0));
    String summary = f.text("summary", readFields).orElse("");
    f.scalar("summary", false).filter(s -> s.value().strip().length() > MAX_SUMMARY).ifPresent(s ->
        fieldProblems.add(Diagnostic.warning(path, s.line(), s.column(), "long-summary",
            "The summary is " + s.value().strip().length() + " characters long.",
            "Keep the summary to one sentence of at most " + MAX_SUMMARY + " characters; put detail in the body.")));
    List<String> objectives = f.textList("objectives");
    List<Reference> prerequisites = f.scalarList("prerequisites").stream()
        .map(s -> new Reference(s.value().strip(), s.line(), s.column())).toList();
    List<String> tags = tags(f);
    List<Author> authors = authors(f);
    String license = f.scalar("license", false).flatMap(s -> vocabulary(f, s, "license", config.licenses()))
        .orElse(config.license());
    String language = f.scalar("language", false).map(s -> ConfigParser.language(f, s)).orElse(config.language());
    List<String> setup = f.lines("setup");
    List<String> attribution = f.lines("attribution");
    Optional<Reference> badge = f.scalar("badge", false)
        .map(s -> new Reference(s.value().strip(), s.line(), s.column()));
    Optional<Reference> translationOf = f.scalar("translation_of", false)
        .map(s -> new Reference(s.value().strip(), s.line(), s.column()));
    Optional<Lesson.Located> originalHash = f.scalar("original_hash", false)
        .map(s -> new Lesson.Located(s.value().strip(), s.line(), s.column()));
    todo(f);
    return Optional.of(new Lesson(id, path, title, level, duration, summary, objectives, prerequisites, tags, authors,
        license, language, setup, attribution, badge, body, translationOf, originalHash, fingerprint(text)));
  }

  /**
   * The first 12 hex digits of the SHA-256 of a lesson's text with line endings made {@code \n}:
   * what a translation records as {@code original_hash} once it matches the original.
   */
  public static String fingerprint(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.replace("\r\n", "\n").replace('\r', '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  private static Optional<String> vocabulary(FieldReader f, YamlNode.Scalar s, String key, List<String> allowed) {
    String v = s.value().strip();
    if (allowed.contains(v)) {
      return Optional.of(v);
    }
    f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "unknown-" + key,
        "'" + v + "' is not a known " + key + "." + Suggester.didYouMean(v, allowed),
        "The " + key + "s in starkit.yml are: " + String.join(", ", allowed) + "."));
    return Optional.empty();
  }

  private static Optional<LessonDuration> duration(FieldReader f, boolean required) {
    Optional<YamlNode.Scalar> duration = f.scalar("duration", required && !f.has("teaching"));
    OptionalInt teaching = minutesField(f, "teaching");
    OptionalInt exercises = minutesField(f, "exercises");
    if (duration.isPresent()) {
      OptionalInt m = DurationParser.minutes(duration.get().value());
      if (m.isEmpty()) {
        f.problems().add(Diagnostic.error(f.file(), duration.get().line(), duration.get().column(),
            "invalid-duration", "'" + duration.get().value().strip() + "' is not a duration.",
            "Write hours and minutes such as 45m, 1h30m or 2h."));
        return Optional.empty();
      }
      return Optional.of(new LessonDuration(m.getAsInt(), 0));
    }
    if (teaching.isPresent()) {
      return Optional.of(new LessonDuration(teaching.getAsInt(), exercises.orElse(0)));
    }
    return Optional.empty();
  }

  private static OptionalInt minutesField(FieldReader f, String key) {
    Optional<YamlNode.Scalar> s = f.scalar(key, false);
    if (s.isEmpty()) {
      return OptionalInt.empty();
    }
    String v = s.get().value().strip();
    if (!v.matches("\\d{1,4}")) {
      f.problems().add(Diagnostic.error(f.file(), s.get().line(), s.get().column(), "invalid-duration",
          "'" + key + "' must be a whole number of minutes, but it is '" + v + "'.", "Write a number such as 30."));
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(v));
  }

  /**
   * Warns about each item of {@code todo} at its own line: work left to do, such as what an import
   * could not find in its source, which only the author can resolve.
   */
  private static void todo(FieldReader f) {
    Optional<YamlNode> node = f.map().get("todo");
    List<YamlNode.Scalar> items = node.isPresent() && node.get() instanceof YamlNode.Scalar s
        ? (s.isEmpty() ? List.of() : List.of(s)) : f.scalarList("todo");
    for (YamlNode.Scalar item : items) {
      f.problems().add(Diagnostic.warning(f.file(), item.line(), item.column(), TODO_CODE,
          "To do: " + item.value().strip(),
          "Do it (for something the source lacked: add the file beside the lesson and restore the image or link"
              + " where the text marks it), then remove this item from 'todo'."));
    }
  }

  private static List<String> tags(FieldReader f) {
    List<String> tags = new ArrayList<>();
    for (YamlNode.Scalar s : f.scalarList("tags")) {
      String v = s.value().strip();
      if (!ConfigParser.ID.matcher(v).matches()) {
        f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-tag",
            "The tag '" + v + "' is not valid.", "Tags become web addresses: use lower-case letters, digits and hyphens."));
      } else if (!tags.contains(v)) {
        tags.add(v);
      }
    }
    return tags;
  }

  private static List<Author> authors(FieldReader f) {
    Optional<YamlNode> node = f.map().get("authors");
    if (node.isEmpty() || node.get() instanceof YamlNode.Scalar s && s.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      f.wrongType("authors", node.get(), "list");
      return List.of();
    }
    List<Author> authors = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && !s.isEmpty()) {
        authors.add(new Author(s.value().strip(), "", ""));
      } else if (item instanceof YamlNode.Mapping m) {
        FieldReader a = new FieldReader(f.file(), m, f.problems());
        a.rejectUnknown(List.of("name", "github", "orcid"), "author");
        Optional<String> name = a.text("name", true);
        String github = a.scalar("github", false).map(s -> checked(a, s, GITHUB, "GitHub user name", "ada-lovelace"))
            .orElse("");
        String orcid = a.scalar("orcid", false).map(s -> checked(a, s, ORCID, "ORCID iD", "0000-0002-1825-0097"))
            .map(o -> o.replace("https://orcid.org/", "")).orElse("");
        name.ifPresent(n -> authors.add(new Author(n, github.startsWith("@") ? github.substring(1) : github, orcid)));
      } else {
        f.problems().add(Diagnostic.error(f.file(), item.line(), item.column(), "wrong-type",
            "Each author must be a name or a mapping with name, github and orcid.",
            "Write '- Ada Lovelace' or '- {name: Ada Lovelace, github: ada}'."));
      }
    }
    return authors;
  }

  private static String checked(FieldReader f, YamlNode.Scalar s, Pattern pattern, String what, String example) {
    String v = s.value().strip();
    String bare = v.startsWith("@") ? v.substring(1) : v;
    if (pattern.matcher(bare).matches()) {
      return bare;
    }
    f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-author",
        "'" + v + "' is not a valid " + what + ".", "Write it like " + example + "."));
    return "";
  }
}
