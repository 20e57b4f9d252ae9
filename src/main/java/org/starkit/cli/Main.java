package org.starkit.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.starkit.write.SiteWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code starkit} command. */
@Command(name = "starkit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Turns a repository of Markdown workshop lessons into a website organizers can run events from.",
    subcommands = {BuildCommand.class, CheckCommand.class, EventCommand.class, KitCommand.class, ImportCommand.class, BadgeCommand.class, NewCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'starkit build' or 'starkit check'.");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns its exit code; used by main and by tests. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
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
