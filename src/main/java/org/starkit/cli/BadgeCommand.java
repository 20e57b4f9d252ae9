package org.starkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.starkit.badge.AwardWriter;
import org.starkit.badge.BadgeUrls;
import org.starkit.badge.BadgeVerifier;
import org.starkit.badge.DocumentSource;
import org.starkit.badge.SigningKeys;
import org.starkit.badge.Verdict;
import org.starkit.load.BadgeParser;
import org.starkit.load.CurriculumLoader;
import org.starkit.model.Curriculum;
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
    subcommands = {BadgeCommand.Keygen.class, BadgeIssueCommand.class, BadgeCommand.Revoke.class,
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
      java.net.URI address = java.net.URI.create(urls.base());
      boolean local = "127.0.0.1".equals(address.getHost()) || "localhost".equals(address.getHost());
      if (!"https".equals(address.getScheme()) && !local) {
        throw new ParameterException(spec.commandLine(), "Badge keys need an https:// base_url (it is " + urls.base()
            + "): a key's kid is its HTTPS address, from which verifiers fetch it.");
      }
      Path privatePath = SigningKeys.privateKeyPath(Optional.ofNullable(key));
      try {
        List<Path> forbidden = new java.util.ArrayList<>(List.of(source, Path.of("themes"), Path.of("site")));
        SigningKeys.repositoryOf(source).ifPresent(forbidden::add);
        SigningKeys.refuseInside(privatePath, forbidden);
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      SigningKeys.Made made;
      try {
        made = SigningKeys.make(alg, urls, privatePath, source.resolve("badges/keys"));
      } catch (IOException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCode.USAGE;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("Private key: " + made.privateKey() + " (readable by you only; back it up, never commit it).");
      out.println("Public key:  " + made.publicKey() + " (commit it; it is published at " + made.kid() + ").");
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
    @Option(names = "--document", paramLabel = "URL=FILE",
        description = "Serve the issuer's document at URL from FILE instead of fetching it (repeatable; before --site and the web).")
    java.util.Map<String, String> documents = new java.util.LinkedHashMap<>();
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
      if (!documents.isEmpty()) {
        docs = docs.overriddenBy(documentFiles());
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

    private java.util.Map<String, Path> documentFiles() {
      java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
      documents.forEach((url, name) -> {
        java.net.URI uri;
        try {
          uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
          uri = null;
        }
        if (uri == null || !uri.isAbsolute()) {
          throw new ParameterException(spec.commandLine(), "--document " + url + "=" + name
              + ": '" + url + "' is not an absolute URL (give the address exactly as the badge names it).");
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
          throw new ParameterException(spec.commandLine(), "--document " + url + "=" + name
              + ": the file '" + name + "' does not exist.");
        }
        files.put(url, file);
      });
      return files;
    }
  }
}
