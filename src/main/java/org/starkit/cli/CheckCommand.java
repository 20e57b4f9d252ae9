package org.starkit.cli;

import java.util.concurrent.Callable;
import org.starkit.build.BuildResult;
import org.starkit.build.BuildOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Check the curriculum and theme without writing anything.",
        "Reports every problem at once, sorted by file and line, with a hint for each."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no errors (and no warnings with --strict)", "1:the curriculum has problems",
        "2:wrong command line", "3:starkit failed"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  SiteOptions options;

  @Mixin
  CacheOptions cache;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BuildResult result = check();
    ReportPrinter.print(result, options, spec.commandLine().getErr());
    boolean ok = result.passes(options.strict);
    if (!options.quiet || !ok) {
      spec.commandLine().getErr().println((ok ? "Checked " : "Check failed: ")
          + ReportPrinter.plural(result.lessons(), "lesson") + ", " + ReportPrinter.counts(result) + ".");
    }
    return ok ? ExitCode.OK : ExitCode.CONTENT;
  }

  private BuildResult check() throws java.io.IOException {
    BuildOptions build = options.toBuildOptions();
    return cache.builder(build).check(build);
  }
}
