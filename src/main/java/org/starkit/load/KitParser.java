package org.starkit.load;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.BreakPolicy;
import org.starkit.model.Kit;
import org.starkit.model.Reference;
import org.starkit.model.SiteConfig;

/** Reads {@code kits/<id>.yml}. Whether the lessons exist and fit is the kit planner's job. */
public final class KitParser {
  public static final List<String> KEYS = List.of("title", "summary", "level", "format", "audience", "lessons",
      "assumes", "start", "breaks", "learners_per_coach", "capacity", "mode", "badge", "notes");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private final SiteConfig config;
  private final YamlReader yaml = new YamlReader();

  public KitParser(SiteConfig config) {
    this.config = config;
  }

  public Optional<Kit> parse(String path, String text, List<Diagnostic> problems) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String id = name.substring(0, name.lastIndexOf('.'));
    if (!LessonParser.ID.matcher(id).matches()) {
      problems.add(Diagnostic.error(path, 0, 0, "invalid-id", "The kit id '" + id + "' (from the file name) is not valid.",
          "Rename the file using lower-case letters, digits, hyphens and underscores only."));
      return Optional.empty();
    }
    Optional<YamlNode> root = yaml.read(text, path, 1, problems);
    if (root.isEmpty()) {
      if (text.isBlank()) {
        problems.add(Diagnostic.error(path, 1, 1, "empty-kit", "The kit file is empty.",
            "Give at least title, summary, level, format and lessons."));
      }
      return Optional.empty();
    }
    if (!(root.get() instanceof YamlNode.Mapping map)) {
      problems.add(Diagnostic.error(path, 1, 1, "wrong-type", "A kit must be a mapping of fields.",
          "Write one 'name: value' field per line, starting with 'title: ...'."));
      return Optional.empty();
    }
    FieldReader f = new FieldReader(path, map, problems);
    f.rejectUnknown(KEYS, "kit");
    String title = f.text("title", true).orElse(id);
    String summary = f.text("summary", true).orElse("");
    String level = f.scalar("level", true).map(s -> vocabulary(f, s, "level", config.levels()))
        .orElse(config.levels().get(0));
    Reference format = f.scalar("format", true).map(s -> {
      String v = s.value().strip();
      if (config.format(v).isEmpty()) {
        problems.add(Diagnostic.error(path, s.line(), s.column(), "unknown-format",
            "'" + v + "' is not a time commitment." + Suggester.didYouMean(v, config.formatIds()),
            "The formats in starkit.yml are: " + String.join(", ", config.formatIds()) + "."));
      }
      return new Reference(v, s.line(), s.column());
    }).orElse(new Reference("", map.line(), map.column()));
    YamlNode.Entry lessonsEntry = map.entry("lessons").orElse(null);
    Reference lessonsKey = lessonsEntry == null ? new Reference("lessons", map.line(), map.column())
        : new Reference("lessons", lessonsEntry.key().line(), lessonsEntry.key().column());
    List<Kit.KitSession> sessions = new ArrayList<>();
    boolean declared = sessions(f, lessonsEntry, sessions);
    List<Reference> assumes = refs(f.scalarList("assumes"));
    LocalTime start = f.scalar("start", false).flatMap(s -> time(f, s)).orElse(LocalTime.of(10, 0));
    BreakPolicy breaks = breaks(f);
    int perCoach = positive(f, "learners_per_coach", 3);
    int capacity = positive(f, "capacity", 20);
    Kit.Mode mode = f.scalar("mode", false).map(s -> mode(f, s)).orElse(Kit.Mode.IN_PERSON);
    Optional<Reference> badge = f.scalar("badge", false).map(s -> new Reference(s.value().strip(), s.line(), s.column()));
    return Optional.of(new Kit(id, path, title, summary, level, format, f.text("audience", false).orElse(""), sessions,
        declared, assumes, start, breaks, perCoach, capacity, mode, badge, f.text("notes", false).orElse(""),
        lessonsKey));
  }

  private static List<Reference> refs(List<YamlNode.Scalar> scalars) {
    return scalars.stream().map(s -> new Reference(s.value().strip(), s.line(), s.column())).toList();
  }

  private static boolean sessions(FieldReader f, YamlNode.Entry entry, List<Kit.KitSession> out) {
    if (entry == null) {
      f.scalar("lessons", true);
      return false;
    }
    if (!(entry.value() instanceof YamlNode.Sequence seq) || seq.items().isEmpty()) {
      if (entry.value() instanceof YamlNode.Sequence || entry.value() instanceof YamlNode.Scalar s && s.isEmpty()) {
        f.problems().add(Diagnostic.error(f.file(), entry.key().line(), entry.key().column(), "empty-kit",
            "The kit has no lessons.", "List the lesson ids to teach, in order: 'lessons: [first-program, variables]'."));
      } else {
        f.wrongType("lessons", entry.value(), "list");
      }
      return false;
    }
    boolean titled = seq.items().get(0) instanceof YamlNode.Mapping;
    if (!titled) {
      out.add(new Kit.KitSession("", refs(f.scalarList("lessons"))));
      return false;
    }
    for (YamlNode item : seq.items()) {
      if (!(item instanceof YamlNode.Mapping m)) {
        f.problems().add(Diagnostic.error(f.file(), item.line(), item.column(), "wrong-type",
            "Each session must be a mapping with a title and its lessons.",
            "Write '- title: Week 1' and an indented 'lessons: [a, b]' under it."));
        continue;
      }
      FieldReader s = new FieldReader(f.file(), m, f.problems());
      s.rejectUnknown(List.of("title", "lessons"), "session");
      String title = s.text("title", true).orElse("Session " + (out.size() + 1));
      List<Reference> lessons = refs(s.scalarList("lessons"));
      if (lessons.isEmpty()) {
        f.problems().add(Diagnostic.error(f.file(), m.line(), m.column(), "empty-kit",
            "The session '" + title + "' has no lessons.", "Give every session at least one lesson, or remove it."));
      }
      out.add(new Kit.KitSession(title, lessons));
    }
    return true;
  }

  static Optional<LocalTime> time(FieldReader f, YamlNode.Scalar s) {
    Matcher m = TIME.matcher(s.value().strip());
    if (m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60) {
      return Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }
    f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-time",
        "'" + s.value().strip() + "' is not a time of day.", "Write a 24-hour time in quotes, such as \"13:00\"."));
    return Optional.empty();
  }

  private static String vocabulary(FieldReader f, YamlNode.Scalar s, String key, List<String> allowed) {
    String v = s.value().strip();
    if (!allowed.contains(v)) {
      f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "unknown-" + key,
          "'" + v + "' is not a known " + key + "." + Suggester.didYouMean(v, allowed),
          "The " + key + "s in starkit.yml are: " + String.join(", ", allowed) + "."));
      return allowed.get(0);
    }
    return v;
  }

  private static Kit.Mode mode(FieldReader f, YamlNode.Scalar s) {
    String v = s.value().strip();
    for (Kit.Mode m : Kit.Mode.values()) {
      if (m.id().equals(v)) {
        return m;
      }
    }
    f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-mode",
        "'" + v + "' is not a mode." + Suggester.didYouMean(v, List.of("in-person", "remote")),
        "A kit's mode is in-person or remote."));
    return Kit.Mode.IN_PERSON;
  }

  static int positive(FieldReader f, String key, int fallback) {
    Optional<YamlNode.Scalar> s = f.scalar(key, false);
    if (s.isEmpty()) {
      return fallback;
    }
    String v = s.get().value().strip();
    if (v.matches("\\d{1,5}") && Integer.parseInt(v) > 0) {
      return Integer.parseInt(v);
    }
    f.problems().add(Diagnostic.error(f.file(), s.get().line(), s.get().column(), "wrong-type",
        "'" + key + "' must be a whole number above zero, but it is '" + v + "'.", "Write a number such as 3."));
    return fallback;
  }

  private static BreakPolicy breaks(FieldReader f) {
    Optional<YamlNode> node = f.map().get("breaks");
    if (node.isEmpty()) {
      return BreakPolicy.DEFAULT;
    }
    if (node.get() instanceof YamlNode.Mapping m) {
      FieldReader b = new FieldReader(f.file(), m, f.problems());
      b.rejectUnknown(List.of("every", "length", "lunch"), "breaks");
      return new BreakPolicy(positive(b, "every", 90), positive(b, "length", 10),
          b.has("lunch") ? positive(b, "lunch", 60) : -1, List.of());
    }
    if (node.get() instanceof YamlNode.Sequence seq) {
      List<BreakPolicy.ExplicitBreak> explicit = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        if (!(item instanceof YamlNode.Mapping m)) {
          f.problems().add(Diagnostic.error(f.file(), item.line(), item.column(), "wrong-type",
              "Each explicit break must be a mapping with 'after' and 'minutes'.",
              "Write '- after: variables' and an indented 'minutes: 15'."));
          continue;
        }
        FieldReader b = new FieldReader(f.file(), m, f.problems());
        b.rejectUnknown(List.of("after", "minutes", "title"), "break");
        b.scalar("after", true).ifPresent(a -> explicit.add(new BreakPolicy.ExplicitBreak(
            new Reference(a.value().strip(), a.line(), a.column()), positive(b, "minutes", 10),
            b.text("title", false).orElse(BreakPolicy.DEFAULT_TITLE))));
      }
      return new BreakPolicy(90, 10, -1, explicit);
    }
    f.wrongType("breaks", node.get(), "mapping");
    return BreakPolicy.DEFAULT;
  }
}
