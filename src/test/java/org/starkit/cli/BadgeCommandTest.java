package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadgeCommandTest {
  @TempDir
  Path tmp;

  Path source;
  StringWriter out;
  StringWriter err;

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @BeforeEach
  void curriculum() throws Exception {
    source = tmp.resolve("curriculum");
    Files.createDirectories(source.resolve("lessons"));
    Files.createDirectories(source.resolve("badges"));
    Files.writeString(source.resolve("starkit.yml"), "title: T\nbase_url: https://example.org/w/\n");
    Files.writeString(source.resolve("lessons/project.md"),
        "---\ntitle: Project\nlevel: beginner\nduration: 1h\nsummary: Build it.\nbadge: first\n---\n\n## Do\n\nIt.\n");
    Files.writeString(source.resolve("badges/first.yml"),
        "name: First\ndescription: Did it.\ncriteria:\n  narrative: Do the project.\n  lessons: [project]\n");
  }

  @Test
  void keygenRefusesToWriteThePrivateKeyInsideTheCurriculum() {
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", source.resolve("k.jwk").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("refusing to write a private key inside");
    assertThat(source.resolve("k.jwk")).doesNotExist();
  }

  @Test
  void keygenWritesAnOwnerOnlyPrivateKeyAndAPublicKey() throws Exception {
    Path key = tmp.resolve("secret/key.jwk");
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", key.toString())).isZero();
    assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
    try (Stream<Path> keys = Files.list(source.resolve("badges/keys"))) {
      Path pub = keys.findFirst().orElseThrow();
      assertThat(Files.readString(pub)).contains("\"kid\":\"https://example.org/w/badges/keys/").doesNotContain("\"d\"");
    }
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", key.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("refusing to overwrite a signing key");
  }

  @Test
  void issuesARosterSkippingBadRowsAndVerifiesTheResult() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    Path roster = tmp.resolve("roster.csv");
    Files.writeString(roster, "email,name\nada@example.org,Ada\nnot-an-email,Bob\ngrace@example.org,\"Hopper, Grace\"\n");
    Path awards = tmp.resolve("awards");
    int code = run("badge", "issue", "--badge", "first", "--roster", roster.toString(), "--key", key.toString(),
        "--out", awards.toString(), "--source", source.toString());
    assertThat(code).isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("roster.csv:3: error: 'not-an-email'");
    assertThat(out.toString()).contains("Issued 2 badges");
    List<String> ledger = Files.readAllLines(source.resolve("badges/awards.csv"));
    assertThat(ledger).hasSize(3).first().isEqualTo("id,achievement,issued,status,reason");
    assertThat(String.join("\n", ledger)).doesNotContain("ada@").doesNotContain("Ada");
    Path site = tmp.resolve("site");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).as(err.toString()).isZero();
    Path png;
    try (Stream<Path> files = Files.list(awards)) {
      png = files.filter(p -> p.toString().endsWith(".ob3.png")).sorted().findFirst().orElseThrow();
    }
    assertThat(run("badge", "verify", png.toString(), "--site", site.toString(), "--base-url", "https://example.org/w/"))
        .as(out.toString()).isZero();
    assertThat(out.toString()).contains("Verdict: VALID");
    String id = ledger.get(1).split(",")[0];
    assertThat(run("badge", "revoke", id, "--reason", "Mistake", "--source", source.toString())).isZero();
    run("build", "--source", source.toString(), "--out", site.toString());
    Path first;
    try (Stream<Path> files = Files.list(awards)) {
      first = files.filter(p -> p.getFileName().toString().contains(id.substring(9, 17)) && p.toString().endsWith(".ob2.png"))
          .findFirst().orElseThrow();
    }
    assertThat(run("badge", "verify", first.toString(), "--site", site.toString(), "--base-url",
        "https://example.org/w/")).isEqualTo(ExitCode.CONTENT);
    assertThat(out.toString()).contains("Verdict: REVOKED").contains("Mistake");
  }

  @Test
  void issueWritesACertificateBesideTheBadgesForOneLearnerAndForARoster() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    Path one = tmp.resolve("one");
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--name", "Ada Łovelace",
        "--date", "2026-03-01", "--key", key.toString(), "--out", one.toString(), "--source", source.toString()))
        .as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    String id = Files.readAllLines(source.resolve("badges/awards.csv")).get(1).split(",")[0];
    Path pdf = one.resolve("first-" + id.substring(9, 17) + ".certificate.pdf");
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("Ada Łovelace", "First", "1 March 2026", id, "https://example.org/w/verify/");
    }
    Path roster = tmp.resolve("roster.csv");
    Files.writeString(roster, "email,name\ngrace@example.org,Grace Hopper\nbad,X\nalan@example.org,\n");
    Path many = tmp.resolve("many");
    assertThat(run("badge", "issue", "--badge", "first", "--roster", roster.toString(), "--key", key.toString(),
        "--out", many.toString(), "--source", source.toString())).isEqualTo(ExitCode.CONTENT);
    List<String> texts = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(many)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".certificate.pdf")).toList()) {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(p.toFile())) {
          texts.add(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
        }
      }
    }
    assertThat(texts).hasSize(2).anySatisfy(t -> assertThat(t).contains("Grace Hopper"))
        .anySatisfy(t -> assertThat(t).contains("The holder of this certificate"));
  }

  @Test
  void noCertificatesIssuesTheBadgesWithoutPrintingCertificates() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    Path roster = tmp.resolve("roster.csv");
    Files.writeString(roster, "email,name\na@example.org,A\nb@example.org,B\nc@example.org,C\n");
    Path awards = tmp.resolve("awards");
    assertThat(run("badge", "issue", "--badge", "first", "--roster", roster.toString(), "--key", key.toString(),
        "--out", awards.toString(), "--source", source.toString(), "--no-certificates", "--jobs", "2"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("Issued 3 badges");
    try (Stream<Path> files = Files.list(awards)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).hasSize(3 * 6)
          .noneMatch(n -> n.endsWith(".pdf")).filteredOn(n -> n.endsWith(".ob3.png")).hasSize(3);
    }
    assertThat(Files.readAllLines(source.resolve("badges/awards.csv"))).hasSize(1 + 3);
  }

  @Test
  void issueRefusesFewerThanOneJob() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    assertThat(run("badge", "issue", "--badge", "first", "--email", "a@example.org", "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString(), "--jobs", "0"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--jobs must be at least 1");
    assertThat(source.resolve("badges/awards.csv")).doesNotExist();
  }

  @Test
  void rosterProgressIsNotWrittenWhenStderrIsNotATerminal() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    Path roster = tmp.resolve("roster.csv");
    Files.writeString(roster, "email\na@example.org\nb@example.org\n");
    assertThat(run("badge", "issue", "--badge", "first", "--roster", roster.toString(), "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString())).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void keygenRefusesTheThemesAndSiteFoldersAndTheRepository() throws Exception {
    for (String inside : new String[] {"site/badge-key.jwk", "themes/default/badge-key.jwk"}) {
      assertThat(run("badge", "keygen", "--source", source.toString(), "--key", inside)).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString()).contains("refusing to write a private key inside");
      assertThat(Path.of(inside)).doesNotExist();
    }
    Files.createDirectories(tmp.resolve(".git"));
    Path atTheTop = tmp.resolve("badge-key.jwk");
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", atTheTop.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("refusing to write a private key inside " + tmp.toRealPath());
    assertThat(atTheTop).doesNotExist();
    assertThat(source.resolve("badges/keys")).doesNotExist();
  }

  @Test
  void keygenNeedsAnHttpsBaseUrl() throws Exception {
    Files.writeString(source.resolve("starkit.yml"), "title: T\nbase_url: http://example.org/w/\n");
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", tmp.resolve("k.jwk").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("Badge keys need an https:// base_url");
    assertThat(tmp.resolve("k.jwk")).doesNotExist();
  }

  @Test
  void issueRefusesAKeyWhosePublicHalfTheSiteDoesNotPublish() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    try (Stream<Path> keys = Files.list(source.resolve("badges/keys"))) {
      for (Path p : keys.toList()) {
        Files.delete(p);
      }
    }
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("is not in the curriculum: badges signed with it would not verify");
    assertThat(source.resolve("badges/awards.csv")).doesNotExist();
    assertThat(tmp.resolve("out")).doesNotExist();

    Files.writeString(source.resolve("starkit.yml"), "title: T\nbase_url: https://elsewhere.example.org/\n");
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("did base_url change?");
  }

  @Test
  void issueRejectsABadEmailOrEvidenceLinkBeforeSigning() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    assertThat(run("badge", "issue", "--badge", "first", "--email", "not-an-email", "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("'not-an-email' is not an email address");
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--evidence", "my project",
        "--key", key.toString(), "--out", tmp.resolve("out").toString(), "--source", source.toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("evidence must be an http(s) link");
    assertThat(source.resolve("badges/awards.csv")).doesNotExist();
  }

  @Test
  void badgesSignedWithARetiredKeyStillVerifyAfterRotation() throws Exception {
    Path oldKey = tmp.resolve("old.jwk");
    Path newKey = tmp.resolve("new.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", oldKey.toString());
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--key", oldKey.toString(),
        "--out", tmp.resolve("old").toString(), "--source", source.toString())).isZero();
    assertThat(run("badge", "keygen", "--source", source.toString(), "--key", newKey.toString())).isZero();
    assertThat(run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--key", newKey.toString(),
        "--out", tmp.resolve("new").toString(), "--source", source.toString())).isZero();
    Path site = tmp.resolve("site");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).as(err.toString()).isZero();
    com.fasterxml.jackson.databind.JsonNode jwks = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(site.resolve("badges/keys/jwks.json").toFile());
    assertThat(jwks.path("keys")).hasSize(2).allSatisfy(k -> assertThat(k.has("d")).isFalse());
    for (String folder : new String[] {"old", "new"}) {
      try (Stream<Path> files = Files.list(tmp.resolve(folder))) {
        for (Path badge : files.filter(p -> !p.toString().endsWith(".pdf")).toList()) {
          assertThat(run("badge", "verify", badge.toString(), "--email", "ada@example.org", "--site", site.toString(),
              "--base-url", "https://example.org/w/")).as(badge + "\n" + out).isZero();
        }
      }
    }
  }

  @Test
  void verifyWithOnlyABaseUrlFetchesNothingFromOtherSites() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    run("badge", "issue", "--badge", "first", "--email", "ada@example.org", "--key", key.toString(),
        "--out", tmp.resolve("out").toString(), "--source", source.toString());
    Path jwt;
    try (Stream<Path> files = Files.list(tmp.resolve("out"))) {
      jwt = files.filter(p -> p.toString().endsWith(".ob3.jwt")).findFirst().orElseThrow();
    }
    assertThat(run("badge", "verify", jwt.toString(), "--base-url", "https://other.example.net/"))
        .isEqualTo(ExitCode.CONTENT);
    assertThat(out.toString()).contains("it is not on https://other.example.net/ (--base-url)", "Verdict: INVALID");
  }

  @Test
  void buildFailsWhenAnyJsonItWouldWriteHoldsAPrivateKey() throws Exception {
    Path key = tmp.resolve("key.jwk");
    run("badge", "keygen", "--source", source.toString(), "--key", key.toString());
    Files.writeString(source.resolve("lessons/data.json"), "{\"example\": " + Files.readString(key) + "}");
    Path site = tmp.resolve("site");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("private-key-in-site", "files/data.json", "Nothing was written");
    assertThat(site).doesNotExist();
  }

  @Test
  void checkReportsUnknownBadgeReference() throws Exception {
    Files.writeString(source.resolve("lessons/project.md"),
        "---\ntitle: Project\nlevel: beginner\nduration: 1h\nsummary: Build it.\nbadge: frist\n---\n\n## Do\n\nIt.\n");
    assertThat(run("check", "--source", source.toString())).isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("error[unknown-badge]: 'frist' is not a badge. Did you mean 'first'?");
  }

  @Test
  void verifyChecksADataIntegritySampleOnlyWithTrustEmbeddedKey() {
    String sample = "src/test/resources/openbadges/1edtech-validator/ob30/simple-json.svg";
    assertThat(run("badge", "verify", sample, "--trust-embedded-key")).as(out.toString()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("PASS  signature", "eddsa-rdfc-2022", "Verdict: VALID");
    assertThat(run("badge", "verify", sample)).isEqualTo(ExitCode.CONTENT);
    assertThat(out.toString()).contains("FAIL  issuer key", "--trust-embedded-key", "Verdict: INVALID");
  }

  @Test
  void verifyRejectsGarbageWithExitOne() {
    assertThat(run("badge", "verify", "not.a.badge")).isEqualTo(ExitCode.CONTENT);
    assertThat(out.toString()).contains("Verdict: INVALID");
  }

  @Test
  void verifyServesDocumentsFromFilesGivenWithDocument() {
    String dir = "src/test/resources/openbadges/1edtech-validator/ob20/";
    String linked = "src/test/resources/openbadges/starkit/ob20-linked/";
    assertThat(run("badge", "verify", dir + "simple.jwt",
        "--document", "https://example.org/robotics-badge.json=" + linked + "robotics-badge.json",
        "--document", "https://example.org/organization.json=" + linked + "organization.json",
        "--document", "http://example.org/key1.json=" + dir + "key1.json")).as(out.toString()).isEqualTo(ExitCode.OK);
    assertThat(out.toString()).contains("PASS  key owner", "PASS  signature", "Verdict: VALID");
    assertThat(run("badge", "verify", dir + "simple.jwt",
        "--document", "https://example.org/robotics-badge.json=" + dir + "badgeclass1.json",
        "--document", "http://example.org/issuer1.json=" + dir + "issuer1.json",
        "--document", "http://example.org/key1.json=" + dir + "key1.json")).isEqualTo(ExitCode.CONTENT);
    assertThat(out.toString()).contains("FAIL  issuer key   the issuer profile http://example.org/issuer1.json does not list",
        "FAIL  key owner", "Verdict: INVALID");
  }

  @Test
  void verifyRefusesADocumentThatIsMissingOrNotAtAnAbsoluteUrl() {
    String jwt = "src/test/resources/openbadges/1edtech-validator/ob20/simple.jwt";
    assertThat(run("badge", "verify", jwt, "--document", "https://example.org/key.json=" + tmp.resolve("nope.json")))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("the file '" + tmp.resolve("nope.json") + "' does not exist");
    assertThat(run("badge", "verify", jwt, "--document", "key1.json=" + jwt)).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("'key1.json' is not an absolute URL");
  }
}
