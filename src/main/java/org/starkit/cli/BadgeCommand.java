package org.starkit.cli;

import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.starkit.badge.BadgeVerifier;
import org.starkit.badge.CertificatePrinter;
import org.starkit.badge.CredentialFactory;
import org.starkit.badge.DocumentSource;
import org.starkit.badge.SigningKeys;
import org.starkit.badge.Verdict;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.BadgeParser;
import org.starkit.load.CurriculumLoader;
import org.starkit.model.Achievement;
import org.starkit.model.Curriculum;
import org.starkit.render.TemplateRenderer;
import org.starkit.render.Theme;
import org.starkit.source.SourceReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code starkit badge}: keys, issuing, revoking and verifying Open Badges. */
@Command(name = "badge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Issue signed Open Badges (3.0 and 2.0) and verify them.",
    subcommands = {BadgeCommand.Keygen.class, BadgeCommand.Issue.class, BadgeCommand.Revoke.class,
        BadgeCommand.Verify.class})
final class BadgeCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: keygen, issue, revoke or verify.");
  }

  static Curriculum load(Path source, CommandSpec spec) throws IOException {
    if (!Files.isDirectory(source)) {
      throw new ParameterException(spec.commandLine(), "The source folder '" + source + "' does not exist.");
    }
    return new CurriculumLoader().load(new SourceReader().read(source)).curriculum();
  }

  static String baseUrl(Curriculum c, String option, CommandSpec spec) {
    String base = option != null ? option : c.config().baseUrl();
    if (base.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Badges need the site's address: set base_url in starkit.yml"
          + " (or give --base-url); keys and badge documents live at permanent URLs under it.");
    }
    return base.endsWith("/") ? base : base + "/";
  }

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Make a signing key: the private key goes outside the repository, the public key to badges/keys/.")
  static final class Keygen implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--alg", defaultValue = "RS256", description = "RS256 (RSA 2048, default) or ES256 (P-256).")
    String alg;

    @Option(names = "--key", paramLabel = "FILE",
        description = "Where to write the private key (default: $STARKIT_KEY, else ~/.config/starkit/badge-key.jwk).")
    Path key;

    @Option(names = "--source", defaultValue = "curriculum", paramLabel = "DIR") Path source;
    @Option(names = "--base-url", paramLabel = "URL") String baseUrl;

    @Override
    public Integer call() throws Exception {
      if (!alg.equals("RS256") && !alg.equals("ES256")) {
        throw new ParameterException(spec.commandLine(), "--alg must be RS256 or ES256");
      }
      Curriculum c = load(source, spec);
      BadgeUrls urls = new BadgeUrls(baseUrl(c, baseUrl, spec));
      Path privatePath = SigningKeys.privateKeyPath(Optional.ofNullable(key));
      try {
        List<Path> forbidden = new java.util.ArrayList<>(List.of(source, Path.of("themes"), Path.of("site")));
        SigningKeys.repositoryOf(source).ifPresent(forbidden::add);
        SigningKeys.refuseInside(privatePath, forbidden);
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      JWK jwk = SigningKeys.generate(alg, urls);
      Path publicPath = source.resolve("badges/keys").resolve(SigningKeys.nameOf(jwk) + ".json");
      SigningKeys.writePrivate(privatePath, jwk);
      Files.createDirectories(publicPath.getParent());
      Files.writeString(publicPath, SigningKeys.publicJson(jwk) + "\n");
      PrintWriter out = spec.commandLine().getOut();
      out.println("Private key: " + privatePath + " (readable by you only; back it up, never commit it).");
      out.println("Public key:  " + publicPath + " (commit it; it is published at " + jwk.getKeyID() + ").");
      return ExitCode.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke an award; the next build publishes it in the revocation lists.")
  static final class Revoke implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The award's id (urn:uuid:...), as in badges/awards.csv.")
    String id;

    @Option(names = "--reason", required = true, description = "Why, as verifiers will show it.") String reason;
    @Option(names = "--source", defaultValue = "curriculum", paramLabel = "DIR") Path source;

    @Override
    public Integer call() throws IOException {
      if (!AwardWriter.revoke(source.resolve(BadgeParser.LEDGER), id, reason)) {
        spec.commandLine().getErr().println("error: " + id + " is not in " + source.resolve(BadgeParser.LEDGER) + ".");
        return ExitCode.USAGE;
      }
      spec.commandLine().getOut().println("Revoked " + id + ". Run 'starkit build' and publish to update the revocation lists.");
      return ExitCode.OK;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify a badge (baked PNG or SVG, JWT or JSON; 3.0 or 2.0). Exit code 0 only when valid.")
  static final class Verify implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|JWT") String input;
    @Option(names = "--email", description = "Check that the badge was awarded to this address.") String email;
    @Option(names = "--site", paramLabel = "DIR", description = "Read the issuer's documents from a built site folder.")
    Path site;
    @Option(names = "--base-url", paramLabel = "URL",
        description = "The issuing site's address: with --site, where that folder is published; alone, fetch only from it.")
    String baseUrl;
    @Option(names = "--trust-embedded-key",
        description = "Accept a key embedded in the badge: checks integrity only, not who issued it.")
    boolean trustEmbedded;

    @Override
    public Integer call() throws IOException {
      Path file = Path.of(input);
      byte[] bytes = input.length() < 4096 && Files.isRegularFile(file) ? Files.readAllBytes(file)
          : input.getBytes(StandardCharsets.UTF_8);
      DocumentSource docs = DocumentSource.web();
      if (site != null) {
        String base = baseUrl;
        if (base == null && Files.isDirectory(Path.of("curriculum"))) {
          base = load(Path.of("curriculum"), spec).config().baseUrl();
        }
        if (base == null || base.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--site needs --base-url: the address the site is published at.");
        }
        docs = DocumentSource.site(site, base);
      } else if (baseUrl != null) {
        docs = docs.under(baseUrl);
      }
      Verdict v = new BadgeVerifier(docs, Instant.now(), trustEmbedded).verify(bytes, Optional.ofNullable(email));
      PrintWriter out = spec.commandLine().getOut();
      out.println(v.version() + (v.summary().isEmpty() ? "" : ": " + v.summary()));
      for (Verdict.Check c : v.checks()) {
        out.printf("  %-5s %-12s %s%n", c.result(), c.name(), c.detail());
      }
      out.println("Verdict: " + v.status());
      return v.status() == Verdict.Status.VALID ? ExitCode.OK : ExitCode.CONTENT;
    }
  }

  @Command(name = "issue", mixinStandardHelpOptions = true,
      description = "Issue a badge to one learner (--email) or a whole workshop (--roster FILE.csv).")
  static final class Issue implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
      if ((email == null) == (roster == null)) {
        throw new ParameterException(spec.commandLine(), "Give either --email or --roster.");
      }
      String problem = email != null ? RosterReader.problem(email, evidence) : RosterReader.evidenceProblem(evidence);
      if (problem != null) {
        throw new ParameterException(spec.commandLine(), problem + ".");
      }
      Curriculum c = load(source, spec);
      Achievement achievement = c.badges().achievement(badge).orElseThrow(() -> new ParameterException(
          spec.commandLine(), "'" + badge + "' is not a badge. Badges: " + c.badges().achievements().stream()
              .map(Achievement::id).toList()));
      try {
        SigningKeys.refuseInside(out.resolve("x"), List.of(source, Path.of("site"), Path.of("themes")));
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "--out must be outside the curriculum, themes and site folders:"
            + " badge files are for the organizer to hand out, not to publish.");
      }
      BadgeUrls urls = new BadgeUrls(baseUrl(c, null, spec));
      JWK jwk;
      try {
        jwk = SigningKeys.readPrivate(SigningKeys.privateKeyPath(Optional.ofNullable(key)));
        SigningKeys.requirePublished(jwk, c.badges().keys(), urls);
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(urls, c.config().issuer()), jwk);
      byte[] png = BadgeArtist.png(achievement, c.config().levels());
      String svg = BadgePublisher.svg(achievement, c.badges(), c.config());
      Theme t = Theme.locate(theme).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "The theme '" + theme + "' was not found (looked for a folder, then themes/" + theme + ")."));
      TemplateRenderer templates = new TemplateRenderer(t.dir(), t.label());
      CertificatePrinter printer = new CertificatePrinter(urls, c.config().issuer().name());
      AwardWriter writer = new AwardWriter(out, source.resolve(BadgeParser.LEDGER));
      Instant issued = date == null ? Instant.now() : date.atStartOfDay(ZoneOffset.UTC).toInstant();
      Optional<Instant> until = Optional.ofNullable(expires).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
          .or(() -> achievement.validity().map(p -> issued.atOffset(ZoneOffset.UTC).plus(p).toInstant()));
      RosterReader.Roster list = roster == null
          ? new RosterReader.Roster(List.of(new RosterReader.Row(0, email, name, evidence, narrative)), 0)
          : RosterReader.read(roster, spec.commandLine().getErr());
      List<RosterReader.Row> rows = list.rows();
      int failed = list.rejected();
      int done = 0;
      ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), rows.size(), "issued",
          ProgressBar.interactive());
      for (RosterReader.Row row : rows) {
        BadgeIssuer.Issued award = issuer.issue(new BadgeIssuer.Request(achievement, row.email(),
            Optional.ofNullable(row.name()), Optional.ofNullable(row.evidence()).or(() -> Optional.ofNullable(evidence)),
            Optional.ofNullable(row.narrative()).or(() -> Optional.ofNullable(narrative)), issued, until), png, svg);
        String html;
        try {
          html = templates.render("certificate.peb", Map.of("certificate", printer.certificate(award, row.name(), png)));
        } catch (TemplateRenderer.ThemeException e) {
          Diagnostic d = e.diagnostic();
          spec.commandLine().getErr().println(d.location() + ": error[" + d.code() + "]: " + d.message()
              + (d.hint().isEmpty() ? "" : "\n  hint: " + d.hint()));
          return ExitCode.CONTENT;
        }
        writer.write(award, achievement.id(), printer.pdf(html));
        writer.record(award);
        done++;
        progress.step();
      }
      progress.finish();
      spec.commandLine().getOut().println("Issued " + done + " badge" + (done == 1 ? "" : "s") + " ('" + achievement.name()
          + "') into " + out + "; recorded in " + source.resolve(BadgeParser.LEDGER) + "."
          + (failed > 0 ? " " + failed + " roster row" + (failed == 1 ? " was" : "s were") + " skipped." : ""));
      return failed > 0 ? ExitCode.CONTENT : ExitCode.OK;
    }
  }
}
