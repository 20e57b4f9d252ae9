package org.starkit.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Asset;
import org.starkit.model.Curriculum;
import org.starkit.model.Achievement;
import org.starkit.model.Award;
import org.starkit.model.Badges;
import org.starkit.model.ChecklistItem;
import org.starkit.model.PublicKey;
import org.starkit.model.Event;
import org.starkit.model.Guide;
import org.starkit.model.Kit;
import org.starkit.model.MessageTemplate;
import org.starkit.model.Organizing;
import org.starkit.model.Lesson;
import org.starkit.model.SiteConfig;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceSet;
import org.starkit.source.TextDecoder;

/**
 * Turns the files read from the source directory into a {@link Curriculum}: the configuration,
 * one lesson per Markdown file under {@code lessons/}, guides, and the assets beside the lessons.
 * Files whose names start with {@code _} and {@code README.md} files are not lessons.
 */
public final class CurriculumLoader {
  private final YamlReader yaml = new YamlReader();
  private final LessonMemo memo;

  public record Result(Curriculum curriculum, List<Diagnostic> diagnostics) {}

  /**
   * Where parsed lesson files may be remembered between runs: {@code parse} parses the file; a memo
   * may instead return what parsing the same file under the same configuration gave before.
   */
  public interface LessonMemo {
    Parsed parse(SiteConfig config, SourceFile file, java.util.function.Supplier<Parsed> parse);
  }

  /** A loader that parses every lesson file. */
  public CurriculumLoader() {
    this((config, file, parse) -> parse.get());
  }

  /** A loader that lets {@code memo} reuse earlier parses of lesson files. */
  public CurriculumLoader(LessonMemo memo) {
    this.memo = java.util.Objects.requireNonNull(memo, "memo");
  }

  public Result load(SourceSet sources) {
    List<Diagnostic> problems = new ArrayList<>(sources.diagnostics());
    SiteConfig config = config(sources, problems);
    LessonParser parser = new LessonParser(config);
    List<Lesson> lessons = new ArrayList<>();
    List<Guide> guides = new ArrayList<>();
    List<Asset> assets = new ArrayList<>();
    List<Kit> kits = new ArrayList<>();
    KitParser kitParser = new KitParser(config);
    OrganizingParser organizing = new OrganizingParser(config);
    List<ChecklistItem> checklist = new ArrayList<>();
    List<MessageTemplate> messages = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    EventParser eventParser = new EventParser();
    BadgeParser badgeParser = new BadgeParser(config.levels());
    List<Achievement> achievements = new ArrayList<>();
    List<PublicKey> keys = new ArrayList<>();
    List<Award> awards = new ArrayList<>();
    List<SourceFile> badgeImages = new ArrayList<>();
    Map<SourceFile, Parsed> parsed = parseLessons(sources, config, parser, memo);
    for (SourceFile file : sources.files()) {
      if (file.isUnder("lessons")) {
        if (!file.path().endsWith(".md")) {
          assets.add(new Asset(file));
        } else if (isLesson(file)) {
          Parsed p = parsed.get(file);
          problems.addAll(p.problems());
          p.lesson().ifPresent(lessons::add);
        }
      } else if (file.isUnder("guides") && file.path().endsWith(".md") && isLesson(file)) {
        TextDecoder.decode(file, problems).flatMap(t -> guide(file.path(), t, problems)).ifPresent(guides::add);
      } else if (file.isUnder("kits") && (file.path().endsWith(".yml") || file.path().endsWith(".yaml"))
          && !file.name().startsWith("_")) {
        TextDecoder.decode(file, problems).flatMap(t -> kitParser.parse(file.path(), t, problems)).ifPresent(kits::add);
      } else if (file.isUnder("events") && (file.path().endsWith(".yml") || file.path().endsWith(".yaml"))
          && !file.name().startsWith("_")) {
        TextDecoder.decode(file, problems).flatMap(t -> eventParser.parse(file.path(), t, problems))
            .ifPresent(events::add);
      } else if (file.path().equals(BadgeParser.LEDGER)) {
        TextDecoder.decode(file, problems).ifPresent(t -> awards.addAll(badgeParser.ledger(t, problems)));
      } else if (file.isUnder("badges/keys") && file.path().endsWith(".json")) {
        TextDecoder.decode(file, problems).ifPresent(t -> keys.add(new PublicKey(
            file.name().substring(0, file.name().length() - ".json".length()), file.path(), t)));
      } else if (file.isUnder("badges") && file.path().indexOf('/', "badges/".length()) < 0) {
        if (file.path().endsWith(".yml") || file.path().endsWith(".yaml")) {
          TextDecoder.decode(file, problems).flatMap(t -> badgeParser.achievement(file.path(), t, problems))
              .ifPresent(achievements::add);
        } else if (file.path().endsWith(".svg")) {
          badgeImages.add(file);
        }
      } else if (file.path().equals(OrganizingParser.CHECKLIST)) {
        TextDecoder.decode(file, problems).ifPresent(t -> checklist.addAll(organizing.checklist(t, problems)));
      } else if (file.path().equals(OrganizingParser.MESSAGES)) {
        TextDecoder.decode(file, problems).ifPresent(t -> messages.addAll(organizing.messages(t, problems)));
      }
    }
    lessons = unique(lessons, problems);
    guides.sort(Comparator.comparing(Guide::id));
    kits.sort(Comparator.comparing(Kit::id));
    events.sort(Comparator.comparing(Event::date).thenComparing(Event::id));
    return new Result(new Curriculum(config, lessons, guides, assets, kits, new Organizing(checklist, messages),
        events, new Badges(achievements, keys, awards, badgeImages)), problems);
  }

  /** One lesson file parsed, with the problems found in it (the lesson is absent when the file is no lesson). */
  public record Parsed(Optional<Lesson> lesson, List<Diagnostic> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Parses the lesson files on all cores (most of a large curriculum's loading); each keeps its own
   * problems, which {@link #load} adds in file order, so the result does not depend on timing.
   */
  private static Map<SourceFile, Parsed> parseLessons(SourceSet sources, SiteConfig config, LessonParser parser,
      LessonMemo memo) {
    List<SourceFile> files = sources.files().stream()
        .filter(f -> f.isUnder("lessons") && f.path().endsWith(".md") && isLesson(f)).toList();
    List<Parsed> results = files.parallelStream().map(file -> memo.parse(config, file, () -> {
      List<Diagnostic> own = new ArrayList<>();
      Optional<Lesson> lesson = TextDecoder.decode(file, own).flatMap(t -> parser.parse(file.path(), t, own));
      return new Parsed(lesson, own);
    })).toList();
    Map<SourceFile, Parsed> byFile = new java.util.IdentityHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      byFile.put(files.get(i), results.get(i));
    }
    return byFile;
  }

  /** Whether a Markdown file under lessons/ or guides/ is a page (not a partial or a README). */
  public static boolean isLesson(SourceFile file) {
    String name = file.name();
    return !name.startsWith("_") && !name.equalsIgnoreCase("README.md");
  }

  private SiteConfig config(SourceSet sources, List<Diagnostic> problems) {
    Optional<SourceFile> file = sources.find(ConfigParser.FILE);
    if (file.isEmpty()) {
      problems.add(Diagnostic.error(ConfigParser.FILE, 0, 0, "missing-config",
          "There is no starkit.yml in the source directory.",
          "Create starkit.yml with at least one line: 'title: Your site title'."));
      return new ConfigParser().parse("", new ArrayList<>());
    }
    String text = TextDecoder.decode(file.get(), problems).orElse("");
    return new ConfigParser().parse(text, problems);
  }

  /** Keeps one lesson per id, sorted by id, and reports the files that share an id. */
  public static List<Lesson> unique(List<Lesson> lessons, List<Diagnostic> problems) {
    Map<String, List<Lesson>> byId = new HashMap<>();
    for (Lesson l : lessons) {
      byId.computeIfAbsent(l.id(), k -> new ArrayList<>()).add(l);
    }
    List<Lesson> out = new ArrayList<>();
    for (List<Lesson> same : byId.values()) {
      if (same.size() == 1) {
        out.add(same.get(0));
        continue;
      }
      // Keep the first file so that kits, prerequisites and links naming the id are not also
      // reported as unknown: the duplicate-id errors already fail the build.
      out.add(same.stream().min(Comparator.comparing(Lesson::path)).orElseThrow());
      for (Lesson l : same) {
        List<String> others = same.stream().filter(o -> o != l).map(Lesson::path).sorted().toList();
        problems.add(Diagnostic.error(l.path(), 0, 0, "duplicate-id",
            "The lesson id '" + l.id() + "' is also used by " + String.join(", ", others) + ".",
            "Lesson ids come from file names and must be unique across the curriculum; rename one of the files."));
      }
    }
    out.sort(Comparator.comparing(Lesson::id));
    return out;
  }

  private Optional<Guide> guide(String path, String text, List<Diagnostic> problems) {
    Optional<FrontMatter> fm = FrontMatter.split(path, text, problems);
    if (fm.isEmpty()) {
      return Optional.empty();
    }
    Optional<YamlNode> root = yaml.read(fm.get().yaml(), path, fm.get().firstLine(), problems);
    if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping map)) {
      problems.add(Diagnostic.error(path, 1, 1, "missing-field", "A guide needs front matter with a title.",
          "Start the guide with '---', 'title: ...', 'summary: ...' and '---'."));
      return Optional.empty();
    }
    FieldReader f = new FieldReader(path, map, problems);
    f.rejectUnknown(List.of("title", "summary"), "guide");
    Optional<String> title = f.text("title", true);
    String summary = f.text("summary", false).orElse("");
    String id = LessonParser.idOf(path);
    if (!LessonParser.ID.matcher(id).matches()) {
      problems.add(Diagnostic.error(path, 0, 0, "invalid-id", "The guide id '" + id + "' is not valid.",
          "Rename the file using lower-case letters, digits and hyphens."));
      return Optional.empty();
    }
    return title.map(t -> new Guide(id, path, t, summary, fm.get().body()));
  }
}
