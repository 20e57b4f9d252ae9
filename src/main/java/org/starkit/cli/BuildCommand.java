package org.starkit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Build the website from the curriculum.",
        "Checks everything first; with errors, nothing is written and the previous site stays as it was."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:site built", "1:the curriculum has problems; nothing written",
        "2:wrong command line", "3:starkit failed"})
final class BuildCommand implements Callable<Integer> {
  @Mixin
  SiteOptions options;

  @Mixin
  CacheOptions cache;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BuildOptions build = options.toBuildOptions();
    BuildResult result = cache.builder(build).build(build);
    ReportPrinter.print(result, options, spec.commandLine().getErr());
    if (!result.passes(options.strict)) {
      spec.commandLine().getErr().println("Build failed: " + ReportPrinter.counts(result)
          + ". Nothing was written; " + options.out + "/ is unchanged.");
      return ExitCode.CONTENT;
    }
    if (!options.quiet) {
      Path index = build.out().resolve("index.html");
      spec.commandLine().getOut().println((result.unchanged() ? "Nothing changed since the last build: "
          + ReportPrinter.plural(result.lessons(), "lesson") + " in " : "Built "
          + ReportPrinter.plural(result.lessons(), "lesson") + " into ")
          + options.out + "/ (" + ReportPrinter.plural(result.fileCount(), "file") + ", "
          + ReportPrinter.counts(result) + ").");
      spec.commandLine().getOut().println("Open " + index.toAbsolutePath().normalize().toUri()
          + " in a browser, or serve the folder with any static web server.");
    }
    return ExitCode.OK;
  }
}
