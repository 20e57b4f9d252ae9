package org.starkit.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.starkit.badge.AwardWriter;
import org.starkit.badge.BadgeArtist;
import org.starkit.badge.BadgeIssuer;
import org.starkit.badge.BadgePublisher;
import org.starkit.badge.BadgeUrls;
import org.starkit.badge.CertificatePrinter;
import org.starkit.badge.CredentialFactory;
import org.starkit.badge.RosterIssuer;
import org.starkit.badge.RsaProviderLoader;
import org.starkit.badge.SigningKeys;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.BadgeParser;
import org.starkit.model.Achievement;
import org.starkit.model.Curriculum;
import org.starkit.render.TemplateRenderer;
import org.starkit.render.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code starkit badge issue}: signs one learner's award, or a whole workshop's roster, and
 * writes each award's badges and certificate for the organizer to hand out.
 */
@Command(name = "issue", mixinStandardHelpOptions = true,
    description = "Issue a badge to one learner (--email) or a whole workshop (--roster FILE.csv).")
final class BadgeIssueCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--badge", required = true, paramLabel = "ID") String badge;
  @Option(names = "--email") String email;
  @Option(names = "--name") String name;
  @Option(names = "--evidence", paramLabel = "URL") String evidence;
  @Option(names = "--narrative", paramLabel = "TEXT") String narrative;
  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Issue date (default: now).") LocalDate date;
  @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "Expiry (default: the badge's validity).")
  LocalDate expires;
  @Option(names = "--roster", paramLabel = "FILE.csv", description = "CSV with a header: email,name,evidence,narrative.")
  Path roster;
  @Option(names = "--key", paramLabel = "FILE") Path key;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the badge files (not the site).")
  Path out;
  @Option(names = "--source", defaultValue = "curriculum", paramLabel = "DIR") Path source;
  @Option(names = "--theme", paramLabel = "NAME|DIR", defaultValue = "default",
      description = "Theme whose certificate.peb lays out the printable certificate (default: ${DEFAULT-VALUE}).")
  String theme;
  @Option(names = "--no-certificates",
      description = "Write no printable certificates, only the badges (a certificate takes far longer than a badge).")
  boolean noCertificates;
  @Option(names = "--jobs", paramLabel = "N", description = "Awards signed at once (default: one per core).")
  Integer jobs;

  @Override
  public Integer call() throws Exception {
    if ((email == null) == (roster == null)) {
      throw new ParameterException(spec.commandLine(), "Give either --email or --roster.");
    }
    String problem = email != null ? RosterReader.problem(email, evidence) : RosterReader.evidenceProblem(evidence);
    if (problem != null) {
      throw new ParameterException(spec.commandLine(), problem + ".");
    }
    if (jobs != null && jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1.");
    }
    int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    RsaProviderLoader.start(); // the native RSA library loads while the curriculum is read
    Curriculum c = BadgeCommand.load(source, spec);
    Achievement achievement = c.badges().achievement(badge).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "'" + badge + "' is not a badge. Badges: " + c.badges().achievements().stream()
            .map(Achievement::id).toList()));
    try {
      SigningKeys.refuseInside(out.resolve("x"), List.of(source, Path.of("site"), Path.of("themes")));
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--out must be outside the curriculum, themes and site folders:"
          + " badge files are for the organizer to hand out, not to publish.");
    }
    BadgeUrls urls = new BadgeUrls(BadgeCommand.baseUrl(c, null, spec));
    BadgeIssuer issuer;
    try {
      issuer = BadgeIssuer.withKeyFile(new CredentialFactory(urls, c.config().issuer()),
          SigningKeys.privateKeyPath(Optional.ofNullable(key)), c.badges().keys(), urls);
    } catch (IOException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCode.USAGE;
    }
    byte[] png = BadgeArtist.png(achievement, c.config().levels());
    String svg = BadgePublisher.svg(achievement, c.badges(), c.config());
    Theme t = Theme.locate(theme).orElseThrow(() -> new ParameterException(spec.commandLine(),
        "The theme '" + theme + "' was not found (looked for a folder, then themes/" + theme + ")."));
    // the certificate templates compile only when there are certificates to print
    TemplateRenderer templates = noCertificates ? null : new TemplateRenderer(t.dir(), t.label());
    CertificatePrinter printer = new CertificatePrinter(urls, c.config().issuer().name());
    AwardWriter writer = new AwardWriter(out, source.resolve(BadgeParser.LEDGER));
    Instant issued = date == null ? Instant.now() : date.atStartOfDay(ZoneOffset.UTC).toInstant();
    Optional<Instant> until = Optional.ofNullable(expires).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
        .or(() -> achievement.validity().map(p -> issued.atOffset(ZoneOffset.UTC).plus(p).toInstant()));
    RosterReader.Roster list = roster == null
        ? new RosterReader.Roster(List.of(new RosterReader.Row(0, email, name, evidence, narrative)), 0)
        : RosterReader.read(roster, spec.commandLine().getErr());
    List<BadgeIssuer.Request> requests = list.rows().stream().map(row -> new BadgeIssuer.Request(achievement,
        row.email(), Optional.ofNullable(row.name()),
        Optional.ofNullable(row.evidence()).or(() -> Optional.ofNullable(evidence)),
        Optional.ofNullable(row.narrative()).or(() -> Optional.ofNullable(narrative)), issued, until)).toList();
    int failed = list.rejected();
    int[] done = {0};
    ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), requests.size(), "issued",
        ProgressBar.interactive());
    RosterIssuer.CertificateMaker certificate = (award, request) -> printer.pdf(templates.render("certificate.peb",
        Map.of("certificate", printer.certificate(award, request.name().orElse(null), png),
            "lang", c.config().language())));
    try {
      new RosterIssuer(issuer, writer, png, svg, noCertificates ? null : certificate, threads)
          .issue(requests, () -> {
            done[0]++;
            progress.step();
          });
    } catch (TemplateRenderer.ThemeException e) {
      Diagnostic d = e.diagnostic();
      spec.commandLine().getErr().println(d.location() + ": error[" + d.code() + "]: " + d.message()
          + (d.hint().isEmpty() ? "" : "\n  hint: " + d.hint()));
      return ExitCode.CONTENT;
    }
    progress.finish();
    spec.commandLine().getOut().println("Issued " + done[0] + " badge" + (done[0] == 1 ? "" : "s") + " ('" + achievement.name()
        + "') into " + out + "; recorded in " + source.resolve(BadgeParser.LEDGER) + "."
        + (failed > 0 ? " " + failed + " roster row" + (failed == 1 ? " was" : "s were") + " skipped." : ""));
    spec.commandLine().getOut().println("Signed with " + issuer.signedWith() + ".");
    return failed > 0 ? ExitCode.CONTENT : ExitCode.OK;
  }
}
