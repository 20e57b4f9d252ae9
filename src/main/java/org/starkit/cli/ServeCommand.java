package org.starkit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.serve.PortInUseException;
import org.starkit.serve.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Preview the site at http://127.0.0.1:PORT/ while you edit.",
        "Builds in memory (site/ is not written), rebuilds when a file of the source or theme folder changes,"
            + " and reloads open pages. While the build fails, pages show its problems."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped with Ctrl+C", "2:wrong command line, or the port is in use", "3:starkit failed"})
final class ServeCommand implements Callable<Integer> {
  @Mixin
  SiteOptions options;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8000",
      description = "Port on 127.0.0.1 to serve at; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    BuildOptions build = options.toBuildOptions();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PreviewServer server;
    try {
      server = PreviewServer.start(build, port, this::reportRebuild);
    } catch (PortInUseException e) {
      err.println("error: " + e.getMessage());
      return ExitCode.USAGE;
    }
    BuildResult first = server.result();
    ReportPrinter.print(first, options, err);
    if (server.failing()) {
      err.println("The site does not build yet (" + ReportPrinter.counts(first) + "); pages show the problems"
          + " until they are fixed.");
    }
    out.println("Serving " + ReportPrinter.plural(first.lessons(), "lesson") + " at " + server.url()
        + " (Ctrl+C to stop)");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "starkit-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Runtime.getRuntime().removeShutdownHook(hook);
      server.close();
    }
    return ExitCode.OK;
  }

  private void reportRebuild(BuildResult result) {
    PrintWriter err = spec.commandLine().getErr();
    ReportPrinter.print(result, options, err);
    if (!result.passes(options.strict) || result.fileCount() == 0) {
      err.println("Rebuild failed: " + ReportPrinter.counts(result) + "; pages show the problems.");
    } else if (!options.quiet) {
      spec.commandLine().getOut().println("Rebuilt " + ReportPrinter.plural(result.lessons(), "lesson") + " ("
          + ReportPrinter.counts(result) + ").");
    }
    err.flush();
  }
}
