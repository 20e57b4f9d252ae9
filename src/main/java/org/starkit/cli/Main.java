package org.starkit.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.starkit.build.SiteBuilder;
import org.starkit.write.SiteWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code starkit} command. */
@Command(name = "starkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Turns a repository of Markdown workshop lessons into a website organizers can run events from.")
public final class Main implements Runnable {
  /**
   * The commands, in the order help lists them. picocli reads each command's annotations by
   * reflection when it is added, which costs about a third of a second for all of them on a cold
   * JVM, so a command line naming one command gets only that one ({@link #commandLine}).
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> c = new LinkedHashMap<>();
    c.put("build", BuildCommand::new);
    c.put("check", CheckCommand::new);
    c.put("event", EventCommand::new);
    c.put("kit", KitCommand::new);
    c.put("import", ImportCommand::new);
    c.put("badge", BadgeCommand::new);
    c.put("new", NewCommand::new);
    c.put("serve", ServeCommand::new);
    c.put("help", CommandLine.HelpCommand::new);
    return Collections.unmodifiableMap(c);
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'starkit build' or 'starkit check'.");
  }

  public static void main(String[] args) {
    if (args.length > 0 && List.of("build", "check", "serve").contains(args[0])) {
      SiteBuilder.prepare(); // on the other core, while picocli reads the command line
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns its exit code; used by main and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    cli.registerConverter(LocalDate.class, Main::date);
    cli.registerConverter(LocalTime.class, Main::time);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof SiteWriter.UnsafeOutputException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      Throwable cause = e;
      while (cause != null && !(cause instanceof java.nio.file.FileSystemException)) {
        cause = cause.getCause();
      }
      if (cause instanceof org.starkit.source.SourceChangedException changed) {
        commandLine.getErr().println("starkit failed: " + changed.getFile()
            + " changed while the build read it, keeping its size and modification time.");
        commandLine.getErr().println("The site was left as it was. Build again: the next build reads and hashes"
            + " every source file.");
        return ExitCode.INTERNAL;
      }
      if (cause instanceof java.nio.file.FileSystemException fs) {
        // A folder that cannot be read or written is the machine's problem, not a bug to report.
        commandLine.getErr().println("starkit failed: cannot use " + fs.getFile()
            + (fs.getReason() == null ? "" : " (" + fs.getReason() + ")") + ": " + describe(fs) + ".");
        commandLine.getErr().println("Check that the path exists, is a folder where one is expected, and that you may write there.");
        if (System.getenv("STARKIT_DEBUG") != null) {
          e.printStackTrace(commandLine.getErr());
        }
        return ExitCode.INTERNAL;
      }
      commandLine.getErr().println("starkit failed: " + e);
      if (System.getenv("STARKIT_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("This is a bug in starkit; run again with STARKIT_DEBUG=1 for details and report it.");
      }
      return ExitCode.INTERNAL;
    });
    cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.INTERNAL);
    try {
      return cli.execute(args);
    } catch (Error e) {
      // Errors (out of memory, stack overflow) bypass picocli's handler; still never a bare stack trace.
      err.println("starkit failed: " + e);
      err.println("This is a bug in starkit or a machine limit; run again with STARKIT_DEBUG=1 for details.");
      if (System.getenv("STARKIT_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCode.INTERNAL;
    }
  }

  /**
   * The command tree for a command line: every command when help is asked for or the first word is
   * not a command name (so usage and suggestions list them all), otherwise just the one named.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    String first = args.length == 0 ? "" : args[0];
    boolean one = COMMANDS.containsKey(first) && !first.equals("help");
    COMMANDS.forEach((name, command) -> {
      if (!one || name.equals(first)) {
        cli.addSubcommand(name, command.get());
      }
    });
    return cli;
  }

  private static String describe(java.nio.file.FileSystemException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "it does not exist";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
      return "a file is in the way of a folder";
    }
    return "the file system refused";
  }

  /** Reads a calendar date given on the command line; the message names the format, not a Java class. */
  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a date; write it as YYYY-MM-DD, such as 2027-03-13.");
    }
  }

  /** Reads a 24-hour time of day given on the command line. */
  static LocalTime time(String text) {
    String t = text.strip();
    if (t.matches("\\d{1,2}:\\d{2}")) {
      int colon = t.indexOf(':');
      int h = Integer.parseInt(t.substring(0, colon));
      int m = Integer.parseInt(t.substring(colon + 1));
      if (h < 24 && m < 60) {
        return LocalTime.of(h, m);
      }
    }
    throw new CommandLine.TypeConversionException(
        "'" + text + "' is not a time of day; write a 24-hour time such as 13:00.");
  }
}
