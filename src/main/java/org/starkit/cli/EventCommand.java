package org.starkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.CurriculumLoader;
import org.starkit.load.EventParser;
import org.starkit.load.LessonParser;
import org.starkit.model.Kit;
import org.starkit.source.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starkit event new}: writes an event file for a kit on a date. */
@Command(name = "event", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Create events: a kit on a real date, with a calendar file and dated checklist.",
    subcommands = {EventCommand.New.class})
final class EventCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'starkit event new --help'.");
  }

  @Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
      description = "Write events/<id>.yml for a kit on a date; it is checked before it is written.")
  static final class New implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--kit", required = true, paramLabel = "ID", description = "The kit to run.")
    String kit;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The (first) day.")
    LocalDate date;

    @Option(names = "--id", paramLabel = "ID", description = "Event id and file name (default: DATE-KIT).")
    String id;

    @Option(names = "--start", paramLabel = "HH:MM", description = "Start time (default: the kit's).")
    LocalTime start;

    @Option(names = "--timezone", paramLabel = "ZONE", description = "IANA time zone (default: this computer's).")
    ZoneId timezone;

    @Option(names = "--city", description = "City.")
    String city;

    @Option(names = "--venue", description = "Venue name.")
    String venue;

    @Option(names = "--online", description = "The event is held on a video platform.")
    boolean online;

    @Option(names = "--organizer", paramLabel = "NAME", description = "Organizer's name.")
    String organizer;

    @Option(names = "--email", description = "Organizer's contact address.")
    String email;

    @Option(names = "--signup", paramLabel = "URL", description = "Sign-up link.")
    String signup;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
        description = "Curriculum folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Override
    public Integer call() throws IOException {
      if (!Files.isDirectory(source)) {
        throw new ParameterException(spec.commandLine(), "The source folder '" + source + "' does not exist.");
      }
      CurriculumLoader.Result loaded = new CurriculumLoader().load(new SourceReader().read(source));
      List<String> kits = loaded.curriculum().kits().stream().map(Kit::id).toList();
      if (!kits.contains(kit)) {
        throw new ParameterException(spec.commandLine(), "'" + kit + "' is not a kit. Kits: " + String.join(", ", kits));
      }
      String eventId = id != null ? id : date + "-" + kit;
      if (!LessonParser.ID.matcher(eventId).matches()) {
        throw new ParameterException(spec.commandLine(), "'" + eventId + "' is not a valid id: use a-z, 0-9 and '-'.");
      }
      String yaml = yaml();
      List<Diagnostic> problems = new ArrayList<>();
      new EventParser().parse("events/" + eventId + ".yml", yaml, problems);
      if (problems.stream().anyMatch(Diagnostic::isError)) {
        problems.forEach(p -> spec.commandLine().getErr().println(p.location() + ": " + p.message() + " " + p.hint()));
        return ExitCode.USAGE;
      }
      Path file = source.resolve("events").resolve(eventId + ".yml");
      Files.createDirectories(file.getParent());
      try {
        Files.writeString(file, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        spec.commandLine().getErr().println("error: " + file + " already exists; choose another --id.");
        return ExitCode.USAGE;
      }
      spec.commandLine().getOut().println("Wrote " + file + ". Run 'starkit build' to publish its page and calendar file.");
      return ExitCode.OK;
    }

    private String yaml() {
      StringBuilder s = new StringBuilder("# An event: the kit '").append(kit).append("' on a real date.\n");
      s.append("kit: ").append(kit).append('\n');
      s.append("date: ").append(date).append('\n');
      if (start != null) {
        s.append("start: \"").append(start).append("\"\n");
      }
      s.append("timezone: ").append((timezone != null ? timezone : ZoneId.systemDefault()).getId()).append('\n');
      if (online) {
        s.append("online: true\n");
      }
      line(s, "city", city);
      line(s, "venue", venue);
      if (organizer != null || email != null) {
        s.append("organizer:\n");
        line(s, "  name", organizer);
        line(s, "  email", email);
      }
      line(s, "signup", signup);
      return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
      if (value != null && !value.isBlank()) {
        s.append(key).append(": \"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
      }
    }
  }
}
