package org.starkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.starkit.diagnostic.Suggester;
import org.starkit.importer.CarpentriesImporter;
import org.starkit.importer.FolderReader;
import org.starkit.importer.ImportException;
import org.starkit.importer.ImportPlan;
import org.starkit.importer.ImportSettings;
import org.starkit.importer.ImportSource;
import org.starkit.importer.PlanReporter;
import org.starkit.importer.PlanWriter;
import org.starkit.importer.SummaryImporter;
import org.starkit.importer.TargetChecker;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.DurationParser;
import org.starkit.model.Curriculum;
import org.starkit.source.SourceReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starkit import}: converts lessons written for other tools into starkit lessons and a kit. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Convert existing lessons (Carpentries Workbench, GitBook/HonKit books) into starkit lessons and a kit.",
    subcommands = {ImportCommand.Carpentries.class, ImportCommand.Summary.class, CommandLine.HelpCommand.class})
final class ImportCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "Missing subcommand: try 'starkit import carpentries DIR --level beginner' or 'starkit import summary DIR"
            + " --level beginner'.");
  }

  /** {@code starkit import carpentries}. */
  @Command(name = "carpentries", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Import a Carpentries Workbench lesson (config.yaml, episodes/*.md) as one lesson per episode"
          + " and a kit that teaches them in order.", "Writes nothing if any file it would write exists already."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:imported", "1:imported, but the kit does not plan cleanly (the reasons are printed)",
          "2:wrong command line, unreadable source, or a file would be overwritten", "3:starkit failed"})
  static final class Carpentries extends Base {
    @Override
    String defaultName(ImportSource source) {
      return CarpentriesImporter.defaultName(source);
    }

    @Override
    ImportPlan convert(ImportSource source, ImportSettings settings) {
      return new CarpentriesImporter().convert(source, settings);
    }
  }

  /** {@code starkit import summary}. */
  @Command(name = "summary", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = {"Import a folder of Markdown chapters with a GitBook/HonKit SUMMARY.md (such as the Django Girls"
          + " tutorial) as one lesson per chapter and a kit that teaches them in order.",
          "Without --duration, each lesson gets 'duration: TODO', which 'starkit check' reports until it is filled in.",
          "Writes nothing if any file it would write exists already."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:imported", "1:imported, but the kit does not plan cleanly (the reasons are printed)",
          "2:wrong command line, unreadable source, or a file would be overwritten", "3:starkit failed"})
  static final class Summary extends Base {
    @Option(names = "--duration", paramLabel = "DURATION",
        description = "How long each chapter takes, such as 45m or 1h30m (default: a placeholder to fill in).")
    String duration;

    @Override
    String defaultName(ImportSource source) {
      return SummaryImporter.defaultName(source);
    }

    @Override
    OptionalInt duration() {
      if (duration == null) {
        return OptionalInt.empty();
      }
      OptionalInt minutes = DurationParser.minutes(duration);
      if (minutes.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--duration must be a duration such as 45m, 1h30m or 90,"
            + " not '" + duration + "'.");
      }
      return minutes;
    }

    @Override
    ImportPlan convert(ImportSource source, ImportSettings settings) {
      return new SummaryImporter().convert(source, settings);
    }
  }

  /** What both importers share: options, checks, writing and the report. */
  abstract static class Base implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to import.")
    Path dir;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "Level of every imported lesson.")
    String level;

    @Option(names = "--into", paramLabel = "DIR", description = "Folder for the lessons, under SOURCE/lessons"
        + " (default: SOURCE/lessons/NAME, NAME from DIR); its name prefixes the lesson ids and names the kit.")
    Path into;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
        description = "Curriculum folder holding starkit.yml (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--kit-format", paramLabel = "FORMAT",
        description = "Time commitment of the kit (default: the shortest in starkit.yml that holds the lessons).")
    String kitFormat;

    abstract String defaultName(ImportSource source);

    abstract ImportPlan convert(ImportSource source, ImportSettings settings);

    OptionalInt duration() {
      return OptionalInt.empty();
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path curriculumDir = Path.of(source);
      if (!Files.isRegularFile(curriculumDir.resolve("starkit.yml"))) {
        throw usage("The source folder '" + source + "' has no starkit.yml. Run starkit from the repository root,"
            + " or give --source DIR.");
      }
      if (!Files.isDirectory(dir)) {
        throw usage("The folder to import, '" + dir + "', does not exist.");
      }
      Curriculum curriculum = new CurriculumLoader().load(new SourceReader().read(curriculumDir)).curriculum();
      checkChoice("level", level, curriculum.config().levels());
      if (kitFormat != null) {
        checkChoice("format", kitFormat, curriculum.config().formatIds());
      }
      OptionalInt minutes = duration();
      ImportPlan plan;
      String target;
      try {
        ImportSource imported = new FolderReader().read(dir);
        String name = into == null ? defaultName(imported) : into.getFileName().toString();
        target = TargetChecker.lessonsFolder(curriculumDir, into, name).orElseThrow(() -> usage("--into must be a"
            + " folder under " + source + "/lessons, such as " + source + "/lessons/" + name
            + "; lessons anywhere else are not part of the curriculum."));
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,59}")) {
          throw usage("'" + name + "' cannot prefix lesson ids: use lower-case letters, digits and hyphens"
              + (into == null ? "; give --into " + source + "/lessons/NAME to choose another name." : " in --into."));
        }
        plan = convert(imported, new ImportSettings(name, level, target, Optional.ofNullable(kitFormat), minutes,
            curriculum.config()));
      } catch (ImportException e) {
        err.println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      List<String> clashes = TargetChecker.clashes(plan, curriculum);
      List<Path> existing = new PlanWriter(curriculumDir, dir).existing(plan);
      if (!existing.isEmpty() || !clashes.isEmpty()) {
        existing.forEach(p -> clashes.add(p + " exists already"));
        err.println("error: starkit import never overwrites; nothing was written:");
        clashes.forEach(c -> err.println("  " + c));
        err.println("  hint: remove those files, or import into another folder with --into " + source
            + "/lessons/OTHER-NAME (which also changes the lesson ids and the kit's name).");
        return ExitCode.USAGE;
      }
      new PlanWriter(curriculumDir, dir).write(plan).forEach(p -> out.println("Wrote " + p));
      out.println();
      PlanReporter.lines(plan, curriculumDir, target).forEach(out::println);
      out.flush();
      return plan.kit().problems().isEmpty() ? ExitCode.OK : ExitCode.CONTENT;
    }

    private void checkChoice(String what, String value, List<String> known) {
      if (!known.contains(value)) {
        throw usage("Unknown " + what + " '" + value + "'." + Suggester.didYouMean(value, known) + " The " + what
            + "s in starkit.yml are: " + String.join(", ", known) + ".");
      }
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }
}
