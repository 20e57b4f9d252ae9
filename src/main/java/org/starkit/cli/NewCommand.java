package org.starkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.load.ConfigParser;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.DurationParser;
import org.starkit.load.KitParser;
import org.starkit.load.LessonParser;
import org.starkit.model.Curriculum;
import org.starkit.model.Format;
import org.starkit.model.Lesson;
import org.starkit.model.SiteConfig;
import org.starkit.plan.KitComposer;
import org.starkit.plan.KitPlanner;
import org.starkit.scaffold.KitScaffold;
import org.starkit.scaffold.LessonScaffold;
import org.starkit.source.SourceFile;
import org.starkit.source.SourceReader;
import org.starkit.source.SourceSet;
import org.starkit.validate.PrerequisiteChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code starkit new lesson} and {@code starkit new kit}: write a new file from a template that
 * passes {@code starkit check --strict} as written. Never overwrites a file.
 */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Start a new lesson or kit from a template that passes 'starkit check --strict' as written.",
    subcommands = {NewCommand.NewLesson.class, NewCommand.NewKit.class, CommandLine.HelpCommand.class})
final class NewCommand implements Runnable {
  /** Folder names under lessons/: no '..', no hidden folders, nothing a shell or URL trips over. */
  private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: try 'starkit new lesson --help' or 'starkit new kit --help'.");
  }

  /** The curriculum a new file goes into, read once. */
  record Target(Path source, SourceSet sources, CurriculumLoader.Result loaded) {
    /** Reads the source folder, or explains why it cannot be used. */
    static Target read(CommandSpec spec, Path source) throws IOException {
      if (!Files.isDirectory(source)) {
        throw new ParameterException(spec.commandLine(), "The source folder '" + source + "' does not exist."
            + " Run starkit from the repository root, or give --source DIR.");
      }
      SourceSet sources = new SourceReader().read(source);
      if (sources.find(ConfigParser.FILE).isEmpty()) {
        throw new ParameterException(spec.commandLine(), "'" + source + "' has no " + ConfigParser.FILE
            + ", so it is not a curriculum folder. Give --source DIR with the folder holding starkit.yml.");
      }
      return new Target(source, sources, new CurriculumLoader().load(sources));
    }

    /** The file with this name under a top-level folder such as lessons, if there is one. */
    Optional<SourceFile> existing(String folder, Collection<String> names) {
      return sources.files().stream().filter(f -> f.isUnder(folder) && names.contains(f.name())).findFirst();
    }

    String display(SourceFile file) {
      return source.resolve(file.path()).toString();
    }
  }

  static void checkId(CommandSpec spec, String id, String what, String example) {
    if (!LessonParser.ID.matcher(id).matches()) {
      throw new ParameterException(spec.commandLine(), "'" + id + "' is not a valid " + what + " id: use lower-case"
          + " letters, digits, '-' and '_', starting with a letter or digit, such as '" + example + "'.");
    }
  }

  static void checkChoice(CommandSpec spec, String what, String value, Collection<String> known) {
    if (!known.contains(value)) {
      throw new ParameterException(spec.commandLine(), "Unknown " + what + " '" + value + "'."
          + Suggester.didYouMean(value, known) + " The " + what + "s in starkit.yml are: "
          + String.join(", ", known) + ".");
    }
  }

  /**
   * The folders of {@code --dir} below lessons/, refusing anything that could leave it.
   *
   * @return the folder names, outermost first; empty for lessons/ itself
   */
  static List<String> folders(CommandSpec spec, String dir) {
    if (dir == null) {
      return List.of();
    }
    String trimmed = dir.strip().replaceAll("/+$", "");
    List<String> parts = List.of(trimmed.split("/", -1));
    if (dir.startsWith("/") || dir.contains("\\") || trimmed.matches("[A-Za-z]:.*") || trimmed.isEmpty()
        || !parts.stream().allMatch(p -> FOLDER.matcher(p).matches())) {
      throw new ParameterException(spec.commandLine(), "--dir '" + dir + "' must be a folder inside lessons/,"
          + " written relative to it, such as python/beginner: no absolute path, no '..', no folder starting"
          + " with '.' or '_', and only letters, digits, '-', '_' and '.' in folder names.");
    }
    return parts;
  }

  /** Prints problems the real parsers found in a generated file; they mean an option had a bad value. */
  static int refuse(PrintWriter err, String file, List<Diagnostic> problems) {
    problems.forEach(p -> err.println("error: " + p.location() + ": " + p.message() + " " + p.hint()));
    err.println("error: nothing was written to " + file + "; change the options above and run the command again.");
    return ExitCode.USAGE;
  }

  /** Writes a new file, never replacing one; false when it appeared in the meantime. */
  static boolean create(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /** The name in {@code git config user.name}, read in the source folder, if git knows one. */
  static Optional<String> gitUserName(Path dir) {
    try {
      Process git = new ProcessBuilder("git", "config", "user.name").directory(dir.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      git.getOutputStream().close();
      byte[] bytes;
      try (InputStream in = git.getInputStream()) {
        bytes = in.readNBytes(1000);
      }
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return Optional.empty();
      }
      String name = new String(bytes, StandardCharsets.UTF_8).strip();
      return git.exitValue() == 0 && !name.isEmpty() && !name.contains("\n") ? Optional.of(name) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** {@code starkit new lesson}: writes a lesson file from {@link LessonScaffold}. */
  @Command(name = "lesson", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Write lessons/[DIR/]ID.md from a template that passes 'starkit check --strict' as written.",
          "Then replace the sentences that say 'Replace this', write the lesson and run 'starkit check'."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the lesson was written", "2:wrong command line; nothing was written", "3:starkit failed"})
  static final class NewLesson implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID",
        description = "Lesson id and file name, such as for-loops; unique across the curriculum.")
    String id;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The lesson's title.")
    String title;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "A level from starkit.yml.")
    String level;

    @Option(names = "--duration", required = true, paramLabel = "DURATION",
        description = "Teaching plus exercise time, such as 45m or 1h30m.")
    String duration;

    @Option(names = "--dir", paramLabel = "SUBFOLDER",
        description = "Folder under lessons/, such as python/beginner (default: lessons/ itself).")
    String dir;

    @Option(names = "--tags", split = ",", paramLabel = "TAG",
        description = "Tags, comma-separated (default: the first folder of --dir, unless it is a level).")
    List<String> tags;

    @Option(names = "--author", paramLabel = "NAME",
        description = "Author's name (default: git config user.name, else a placeholder to replace).")
    String author;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
        description = "Folder holding starkit.yml and lessons/ (default: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() throws IOException {
      checkId(spec, id, "lesson", "for-loops");
      List<String> folders = folders(spec, dir);
      if (title.isBlank() || author != null && author.isBlank()) {
        throw new ParameterException(spec.commandLine(), (title.isBlank() ? "--title" : "--author")
            + " must not be empty.");
      }
      OptionalInt minutes = DurationParser.minutes(duration);
      if (minutes.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--duration '" + duration + "' is not a duration:"
            + " write hours and minutes such as 45m, 1h30m or 2h.");
      }
      Target target = Target.read(spec, source);
      SiteConfig config = target.loaded().curriculum().config();
      checkChoice(spec, "level", level, config.levels());
      Optional<SourceFile> clash = target.existing("lessons", List.of(id + ".md"));
      if (clash.isPresent()) {
        throw new ParameterException(spec.commandLine(), "The lesson id '" + id + "' is already used by "
            + target.display(clash.get()) + ". Lesson ids must be unique across the curriculum; choose another.");
      }
      Path file = source.resolve("lessons");
      for (String folder : folders) {
        file = file.resolve(folder);
        if (Files.isSymbolicLink(file) || Files.exists(file) && !Files.isDirectory(file)) {
          throw new ParameterException(spec.commandLine(), "--dir '" + dir + "' goes through " + file + ", which is"
              + (Files.isSymbolicLink(file) ? " a link; starkit does not follow links" : " a file, not a folder")
              + ". Give a folder under lessons/.");
        }
      }
      file = file.resolve(id + ".md");
      Optional<String> name = author != null ? Optional.of(author) : gitUserName(source);
      String text = new LessonScaffold().write(new LessonScaffold.Draft(title, level, minutes.getAsInt(),
          tags != null ? tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList()
              : defaultTags(folders, config.levels()), name, config.license(), config.language()));
      List<Diagnostic> problems = new ArrayList<>();
      String path = String.join("/", folders.isEmpty() ? List.of("lessons") : concat("lessons", folders)) + "/"
          + id + ".md";
      new LessonParser(config).parse(path, text, problems);
      PrintWriter err = spec.commandLine().getErr();
      if (!problems.isEmpty()) {
        return refuse(err, file.toString(), problems);
      }
      if (!create(file, text)) {
        err.println("error: " + file + " already exists; starkit never overwrites a file. Choose another id.");
        return ExitCode.USAGE;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Wrote " + file + ".");
      if (name.isEmpty()) {
        out.println("git has no user.name, so the author is '" + LessonScaffold.PLACEHOLDER_AUTHOR
            + "': replace it with your name.");
      }
      out.println("Next: replace the template's placeholder text (such as the sentences starting with 'Replace"
          + " this'), write the lesson, then run 'starkit check' to see what needs fixing.");
      return ExitCode.OK;
    }

    /** The first folder, such as python in python/beginner, when it names a topic rather than a level. */
    private static List<String> defaultTags(List<String> folders, List<String> levels) {
      return folders.stream().limit(1).filter(f -> f.matches("[a-z0-9][a-z0-9-]*") && !levels.contains(f)).toList();
    }

    private static List<String> concat(String first, List<String> rest) {
      List<String> all = new ArrayList<>(List.of(first));
      all.addAll(rest);
      return all;
    }
  }

  /** {@code starkit new kit}: writes a kit file from {@link KitScaffold}. */
  @Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Write kits/ID.yml that passes 'starkit check --strict' as written.",
          "Without --lessons, the lessons are chosen as 'starkit kit suggest' chooses them."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the kit was written", "1:no lesson fits, or the curriculum has errors",
          "2:wrong command line (including lessons that do not fit); nothing was written", "3:starkit failed"})
  static final class NewKit implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Kit id and file name, such as python-evening.")
    String id;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "The kit's title.")
    String title;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "A level from starkit.yml.")
    String level;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
        description = "A time commitment from starkit.yml, such as half-day.")
    String format;

    @Option(names = "--lessons", split = ",", paramLabel = "ID",
        description = "Lesson ids in teaching order (default: the lessons 'starkit kit suggest' picks).")
    List<String> lessons;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
        description = "Folder holding starkit.yml and kits/ (default: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() throws IOException {
      checkId(spec, id, "kit", "python-evening");
      if (title.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--title must not be empty.");
      }
      Target target = Target.read(spec, source);
      Curriculum curriculum = target.loaded().curriculum();
      SiteConfig config = curriculum.config();
      checkChoice(spec, "level", level, config.levels());
      checkChoice(spec, "format", format, config.formatIds());
      Optional<SourceFile> clash = target.existing("kits", List.of(id + ".yml", id + ".yaml"));
      if (clash.isPresent()) {
        throw new ParameterException(spec.commandLine(), "The kit id '" + id + "' is already used by "
            + target.display(clash.get()) + "; choose another.");
      }
      Format time = config.format(format).orElseThrow();
      Map<String, Lesson> byId = curriculum.lessonsById();
      PrintWriter err = spec.commandLine().getErr();
      List<KitScaffold.Session> sessions;
      List<String> assumes;
      if (lessons == null) {
        List<Diagnostic> errors = new ArrayList<>(target.loaded().diagnostics());
        errors.addAll(new PrerequisiteChecker(byId, config.levels()).check());
        errors.removeIf(d -> !d.isError());
        if (!errors.isEmpty()) {
          err.println("Cannot choose lessons: the curriculum has " + ReportPrinter.plural(errors.size(), "error")
              + ". Fix them first ('starkit check' shows them all), or give --lessons.");
          return ExitCode.CONTENT;
        }
        KitComposer.Composition c = new KitComposer(config, curriculum.lessons())
            .compose(level, format, Optional.empty());
        if (c.isEmpty()) {
          err.println("No " + level + " lesson can be taught in " + KitCommand.KitWriter.article(
              time.title().toLowerCase(Locale.ROOT)) + "; nothing was written. Give --lessons, or another --format.");
          c.reasons().forEach(r -> err.println("  " + KitCommand.KitWriter.explain(r, byId)));
          return ExitCode.CONTENT;
        }
        sessions = !time.multiSession() ? List.of(new KitScaffold.Session("", c.lessons()))
            : IntStream.range(0, c.sessions().size())
                .mapToObj(i -> new KitScaffold.Session("Session " + (i + 1), c.sessions().get(i))).toList();
        assumes = c.assumes();
      } else {
        List<String> taught = chosen(byId);
        sessions = List.of(new KitScaffold.Session("", taught));
        assumes = assumed(taught, byId, config.levels());
      }
      List<String> taught = sessions.stream().flatMap(s -> s.lessons().stream()).toList();
      String text = new KitScaffold().write(new KitScaffold.Draft(title, level, time, sessions,
          taught.stream().map(l -> byId.get(l).title()).toList(), assumes,
          time.multiSession() ? LocalTime.of(18, 30) : LocalTime.of(10, 0), config.levels().indexOf(level) == 0));
      List<Diagnostic> problems = new ArrayList<>();
      new KitParser(config).parse("kits/" + id + ".yml", text, problems)
          .ifPresent(k -> problems.addAll(new KitPlanner(config, byId).plan(k).diagnostics()));
      Path file = source.resolve("kits").resolve(id + ".yml");
      if (!problems.isEmpty()) {
        return refuse(err, file.toString(), problems);
      }
      if (!create(file, text)) {
        err.println("error: " + file + " already exists; starkit never overwrites a file. Choose another id.");
        return ExitCode.USAGE;
      }
      spec.commandLine().getOut().println("Wrote " + file + " with " + ReportPrinter.plural(taught.size(), "lesson")
          + ". Edit its summary, audience, start and head count, then run 'starkit check'.");
      return ExitCode.OK;
    }

    /** The --lessons ids, each known and given once. */
    private List<String> chosen(Map<String, Lesson> byId) {
      List<String> ids = lessons.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (ids.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--lessons is empty: list lesson ids such as"
            + " --lessons first-program,variables.");
      }
      for (int i = 0; i < ids.size(); i++) {
        String l = ids.get(i);
        if (!byId.containsKey(l)) {
          throw new ParameterException(spec.commandLine(), "'" + l + "' in --lessons is not a lesson."
              + Suggester.didYouMean(l, byId.keySet()) + " Lesson ids are lesson file names without '.md'.");
        }
        if (ids.subList(0, i).contains(l)) {
          throw new ParameterException(spec.commandLine(), "'" + l + "' is in --lessons twice; teach each lesson once.");
        }
      }
      return ids;
    }

    /** The easier prerequisites the kit does not teach; a missing one at the kit's level or above is refused. */
    private List<String> assumed(List<String> taught, Map<String, Lesson> byId, List<String> levels) {
      List<String> assumes = new ArrayList<>();
      for (String l : taught) {
        for (String p : byId.get(l).prerequisiteIds()) {
          Lesson pre = byId.get(p);
          if (pre == null || taught.contains(p) || assumes.contains(p)) {
            continue;
          }
          if (levels.indexOf(pre.level()) >= levels.indexOf(level)) {
            throw new ParameterException(spec.commandLine(), "'" + l + "' needs '" + p + "' (" + pre.level()
                + ", " + pre.duration() + "), which --lessons does not include: add it before '" + l + "'.");
          }
          assumes.add(p);
        }
      }
      return assumes;
    }
  }
}
