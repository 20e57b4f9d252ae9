package org.starkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.starkit.build.BuildOptions;
import org.starkit.diagnostic.DiagnosticPrinter;
import org.starkit.render.Theme;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options shared by every command that reads a curriculum. */
final class SiteOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = "curriculum",
      description = "Folder holding starkit.yml and lessons/ (default: ${DEFAULT-VALUE}).")
  String source;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "site",
      description = "Folder the site is written to; every build leaves it holding exactly the new site"
          + " (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--theme", paramLabel = "NAME|DIR", defaultValue = "default",
      description = "Theme name under themes/, or a theme folder (default: ${DEFAULT-VALUE}).")
  String theme;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Public address of the site, overriding base_url in starkit.yml.")
  String baseUrl;

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(names = "--format", paramLabel = "human|github",
      description = "How to print problems: human (default) or github (workflow annotations;"
          + " the default when GITHUB_ACTIONS=true).")
  String format;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD",
      description = "The date that decides which events are upcoming (default: the build date)."
          + " Give it to make the output reproducible.")
  LocalDate today;

  DiagnosticPrinter.Format printFormat() {
    String f = format != null ? format : "true".equals(System.getenv("GITHUB_ACTIONS")) ? "github" : "human";
    try {
      return DiagnosticPrinter.Format.parse(f);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--format must be human or github, not '" + f + "'");
    }
  }

  BuildOptions toBuildOptions() {
    Path sourceDir = Path.of(source);
    if (!Files.isDirectory(sourceDir)) {
      throw new ParameterException(spec.commandLine(), "The source folder '" + source + "' does not exist."
          + " Run starkit from the repository root, or give --source DIR.");
    }
    Theme t = Theme.locate(theme).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "The theme '" + theme + "' was not found (looked for a folder, then themes/" + theme + ")."));
    Optional<String> url = Optional.ofNullable(baseUrl).map(u -> u.endsWith("/") ? u : u + "/");
    url.ifPresent(u -> {
      if (!u.matches("https?://[^\\s/]+/.*")) {
        throw new ParameterException(spec.commandLine(), "--base-url must be an absolute http(s) URL, not '" + u + "'");
      }
    });
    Path outDir = Path.of(out).toAbsolutePath().normalize();
    Path src = sourceDir.toAbsolutePath().normalize();
    Path themeDir = t.dir().toAbsolutePath().normalize();
    if (outDir.startsWith(src) || src.startsWith(outDir) || outDir.startsWith(themeDir) || themeDir.startsWith(outDir)) {
      throw new ParameterException(spec.commandLine(),
          "--out '" + out + "' overlaps the source or theme folder; the site must go to a folder of its own.");
    }
    String label = source.replace('\\', '/').replaceAll("/+$", "");
    return new BuildOptions(sourceDir, label.equals(".") ? "" : label, Path.of(out), t, url, strict,
        today != null ? today : LocalDate.now());
  }
}
