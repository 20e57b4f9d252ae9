package org.starkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.DiagnosticPrinter;
import org.starkit.diagnostic.Suggester;
import org.starkit.load.CurriculumLoader;
import org.starkit.model.Curriculum;
import org.starkit.model.Lesson;
import org.starkit.model.LessonDuration;
import org.starkit.model.SiteConfig;
import org.starkit.plan.KitComposer;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;
import org.starkit.source.TextDecoder;
import org.starkit.validate.PrerequisiteChecker;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code starkit kit} commands, which help organizers put kits together. */
@Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Work with organizer kits.", subcommands = {KitCommand.Suggest.class, CommandLine.HelpCommand.class})
final class KitCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: try 'starkit kit suggest --level beginner --format half-day'.");
  }

  /** {@code starkit kit suggest}: composes a kit from the catalog and prints it as kit YAML. */
  @Command(name = "suggest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Compose a kit from the catalog for a level and a time commitment, and print it as kit YAML.",
          "Save the output as kits/<id>.yml; the comments at the end say why each lesson was chosen or left out."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:a kit was composed", "1:no lesson fits, or the curriculum has errors",
          "2:wrong command line", "3:starkit failed"})
  static final class Suggest implements Callable<Integer> {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    @Spec
    CommandSpec spec;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
        description = "Level of the learners, from starkit.yml, such as beginner.")
    String level;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
        description = "Time commitment from starkit.yml, such as half-day.")
    String format;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only lessons with this tag (and what they need).")
    String tag;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
        description = "Folder holding starkit.yml and lessons/ (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--start", paramLabel = "HH:MM",
        description = "Start time (default: 10:00, or 18:30 for courses of several sessions).")
    String start;

    @Option(names = "--title", paramLabel = "TEXT",
        description = "Title of the kit (default: from the level and the format).")
    String title;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Path dir = Path.of(source);
      if (!Files.isDirectory(dir)) {
        throw usage("The source folder '" + source + "' does not exist. Run starkit from the repository root,"
            + " or give --source DIR.");
      }
      Optional<LocalTime> startTime = Optional.ofNullable(start).map(this::time);
      if (title != null && title.isBlank()) {
        throw usage("--title must not be empty.");
      }
      SourceSet sources = new SourceReader().read(dir);
      CurriculumLoader.Result loaded = new CurriculumLoader().load(sources);
      Curriculum curriculum = loaded.curriculum();
      List<Diagnostic> errors = new ArrayList<>(loaded.diagnostics());
      errors.addAll(new PrerequisiteChecker(curriculum.lessonsById(), curriculum.config().levels()).check());
      errors.removeIf(d -> !d.isError());
      if (!errors.isEmpty()) {
        printErrors(errors, sources, err);
        err.println("Cannot suggest a kit: the curriculum has " + ReportPrinter.plural(errors.size(), "error")
            + ". Fix them first; 'starkit check' shows them all.");
        return ExitCode.CONTENT;
      }
      SiteConfig config = curriculum.config();
      checkChoice("level", level, config.levels());
      checkChoice("format", format, config.formatIds());
      if (tag != null) {
        checkChoice("tag", tag, new TreeSet<>(curriculum.lessons().stream().flatMap(l -> l.tags().stream())
            .toList()));
      }
      KitComposer.Composition c = new KitComposer(config, curriculum.lessons())
          .compose(level, format, Optional.ofNullable(tag));
      Map<String, Lesson> lessons = curriculum.lessonsById();
      if (c.isEmpty()) {
        err.println("No lesson fits: no " + level + " lesson" + (tag == null ? "" : " tagged '" + tag + "'")
            + " can be taught in " + KitWriter.article(c.format().title().toLowerCase(Locale.ROOT)) + ".");
        c.reasons().forEach(r -> err.println("  " + KitWriter.explain(r, lessons)));
        return ExitCode.CONTENT;
      }
      LocalTime at = startTime.orElse(c.format().multiSession() ? LocalTime.of(18, 30) : LocalTime.of(10, 0));
      KitWriter yaml = new KitWriter(c, lessons, config.levels().indexOf(level) == 0);
      spec.commandLine().getOut().print(yaml.write(Optional.ofNullable(title), at));
      spec.commandLine().getOut().flush();
      return ExitCode.OK;
    }

    private LocalTime time(String text) {
      Matcher m = TIME.matcher(text);
      if (m.matches() && Integer.parseInt(m.group(1)) < 24 && Integer.parseInt(m.group(2)) < 60) {
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
      throw usage("--start must be a 24-hour time such as 13:00, not '" + text + "'.");
    }

    private void checkChoice(String what, String value, Collection<String> known) {
      if (!known.contains(value)) {
        throw usage("Unknown " + what + " '" + value + "'." + Suggester.didYouMean(value, known) + " The " + what
            + "s " + (what.equals("tag") ? "of the lessons" : "in starkit.yml") + " are: " + String.join(", ", known)
            + ".");
      }
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }

    private void printErrors(List<Diagnostic> errors, SourceSet sources, PrintWriter err) {
      String label = source.replace('\\', '/').replaceAll("/+$", "");
      String prefix = label.isEmpty() || label.equals(".") ? "" : label + "/";
      errors.sort(null);
      new DiagnosticPrinter(DiagnosticPrinter.Format.HUMAN, path -> sources.find(path)
          .flatMap(f -> TextDecoder.decode(f, new ArrayList<>())).map(t -> List.of(t.split("\n", -1)))
          .orElse(List.of()), prefix).print(errors, err);
    }
  }

  /** Writes a composed kit as kit YAML by hand, quoting what YAML would misread; the reasons go in comments. */
  static final class KitWriter {
    private final KitComposer.Composition c;
    private final Map<String, Lesson> lessons;
    private final boolean easiest;

    /** @param easiest whether the kit is at the easiest level, for people new to programming */
    KitWriter(KitComposer.Composition composition, Map<String, Lesson> lessons, boolean easiest) {
      this.c = composition;
      this.lessons = lessons;
      this.easiest = easiest;
    }

    String write(Optional<String> title, LocalTime start) {
      String formatTitle = c.format().title().toLowerCase(Locale.ROOT);
      StringBuilder y = new StringBuilder();
      y.append("title: ").append(quoteIfNeeded(title.orElse(capitalized(c.level()) + " " + formatTitle
          + c.tag().map(t -> " (" + t + ")").orElse("")), false)).append('\n');
      y.append("summary: ").append(quoteIfNeeded(summarize(formatTitle), false)).append('\n');
      y.append("level: ").append(quoteIfNeeded(c.level(), false)).append('\n');
      y.append("format: ").append(quoteIfNeeded(c.format().id(), false)).append('\n');
      y.append("audience: ").append(quoteIfNeeded(describeAudience(formatTitle), false)).append('\n');
      if (c.format().multiSession()) {
        y.append("lessons:\n");
        for (int i = 0; i < c.sessions().size(); i++) {
          y.append("  - title: Session ").append(i + 1).append("\n    lessons: ").append(writeList(c.sessions().get(i)))
              .append('\n');
        }
      } else {
        y.append("lessons: ").append(writeList(c.lessons())).append('\n');
      }
      y.append("assumes: ").append(writeList(c.assumes())).append('\n');
      y.append("start: ").append(quote(start.toString())).append('\n');
      y.append("learners_per_coach: 3\ncapacity: 20\nmode: in-person\n\n");
      c.plan().ifPresent(p -> y.append("# Composed by 'starkit kit suggest': ")
          .append(ReportPrinter.plural(c.lessons().size(), "lesson")).append(", ")
          .append(LessonDuration.format(p.teachingMinutes())).append(" of teaching; ")
          .append(p.sessions().size() == 1 ? "the " + formatTitle + " runs " + LessonDuration.format(p.totalMinutes())
              : p.sessions().size() + " sessions run " + String.join(", ", p.sessions().stream()
                  .map(s -> LessonDuration.format(s.minutes())).toList()))
          .append(" of ").append(LessonDuration.format(c.format().minutes()))
          .append(p.sessions().size() == 1 ? "" : " each").append(".\n"));
      y.append("# Why each lesson was taught, assumed or left out:\n");
      c.reasons().forEach(r -> y.append("# ").append(explain(r, lessons)).append('\n'));
      return y.toString();
    }

    private String summarize(String formatTitle) {
      String first = lessons.get(c.lessons().get(0)).title();
      String last = lessons.get(c.lessons().get(c.lessons().size() - 1)).title();
      return capitalized(article(c.level())) + " " + formatTitle + (c.lessons().size() == 1 ? " on " + first
          : " of " + c.lessons().size() + " lessons, from " + first + " to " + last) + ".";
    }

    private String describeAudience(String formatTitle) {
      String time = c.format().multiSession() ? "come to " + ReportPrinter.plural(c.sessions().size(), "session")
          + " of " + LessonDuration.format(c.format().minutes()) : "give " + article(formatTitle);
      String laptop = "Learners need a laptop they can install software on";
      if (easiest) {
        return "People new to programming who can " + time + ". " + laptop + "; no programming knowledge is expected.";
      }
      List<String> known = c.assumes().stream().map(id -> lessons.get(id).title()).toList();
      return capitalized(c.level()) + " learners who can " + time + (known.isEmpty() ? "" : " and already know "
          + and(known)) + ". " + laptop + ".";
    }

    static String explain(KitComposer.Reason r, Map<String, Lesson> lessons) {
      String verdict = switch (r.verdict()) {
        case TAUGHT -> "taught  ";
        case ASSUMED -> "assumed ";
        case LEFT_OUT -> "left out";
      };
      Lesson l = lessons.get(r.lessonId());
      return toComment(verdict + " " + r.lessonId() + " (" + l.title() + ", " + l.duration() + "): " + r.because()
          + ".");
    }

    static String article(String word) {
      return (word.matches("(?i)[aeiou].*") ? "an " : "a ") + word;
    }

    private static String capitalized(String word) {
      return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String and(List<String> items) {
      return items.size() <= 1 ? String.join("", items)
          : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String writeList(List<String> items) {
      return "[" + String.join(", ", items.stream().map(i -> quoteIfNeeded(i, true)).toList()) + "]";
    }

    /** The text as a plain scalar when YAML reads it back unchanged as text, else double-quoted. */
    static String quoteIfNeeded(String v, boolean inFlow) {
      boolean plain = !v.isEmpty() && v.equals(v.strip()) && v.codePoints().allMatch(cp -> cp >= 0x20 && safe(cp))
          && "-?:,[]{}#&*!|>'\"%@`+.=~0123456789".indexOf(v.charAt(0)) < 0
          && !v.contains(": ") && !v.contains(" #") && !v.endsWith(":") && !(inFlow && v.matches(".*[,\\[\\]{}].*"))
          && !v.matches("(?i)y|n|yes|no|true|false|on|off|null");
      return plain ? v : quote(v);
    }

    static String quote(String v) {
      StringBuilder s = new StringBuilder("\"");
      v.codePoints().forEach(cp -> {
        if (cp == '"' || cp == '\\') {
          s.append('\\').appendCodePoint(cp);
        } else if (cp == '\n') {
          s.append("\\n");
        } else if (cp < 0x20 || !safe(cp)) {
          s.append(String.format("\\u%04x", cp));
        } else {
          s.appendCodePoint(cp);
        }
      });
      return s.append('"').toString();
    }

    /** One comment line: no line breaks and nothing a YAML reader refuses. */
    private static String toComment(String text) {
      StringBuilder s = new StringBuilder();
      text.codePoints().forEach(cp -> s.appendCodePoint(cp >= 0x20 && safe(cp) ? cp : ' '));
      return s.toString().replaceAll("\\s+$", "");
    }

    /** Printable in a YAML stream and not a line break. */
    private static boolean safe(int cp) {
      return cp != 0x7F && cp != 0x85 && cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && !(cp >= 0x80 && cp < 0xA0)
          && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }
  }
}
