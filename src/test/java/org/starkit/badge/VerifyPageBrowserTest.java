package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.starkit.render.TemplateRenderer;
import org.starkit.site.Browser;
import org.starkit.site.StaticServer;
import org.starkit.render.Views;

/**
 * Drives the badge verify page (themes/default/verify.peb and assets/verify.js) in headless
 * Chromium. The site is built here, independently of starkit's own issuing code: keys, issuer
 * profiles and revocation lists are written to a temp folder served on 127.0.0.1, and the badges
 * are signed with Nimbus and baked into PNG and SVG files by hand, following the published layout.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} (see {@link Browser}); skipped when
 * they are missing, except on CI ({@code CI=true}), where it must run.
 */
class VerifyPageBrowserTest {
  private static final Path THEME = Path.of("themes/default");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ISSUER_NAME = "Starkit Test Workshops";
  private static final String ACHIEVEMENT_ID = "static-sites-101";
  private static final String ACHIEVEMENT_NAME = "Static Sites 101";
  private static final String EMAIL = "ada.lovelace@example.org";
  private static final String REVOKED_ID = "urn:uuid:00000000-0000-4000-8000-00000000dead";
  private static final String REVOKED_REASON = "Awarded in error";

  private static Path tmp;
  private static Path site;
  private static Path files;
  private static StaticServer server;
  private static Browser browser;
  private static String base;
  private static RSAKey k1;
  private static RSAKey k2;
  private static ECKey e1;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws Exception {
    tmp = Files.createTempDirectory("starkit-verify-page-");
    browser = Browser.startOrSkip(tmp);
    driver = browser.driver();
    site = Files.createDirectories(tmp.resolve("site"));
    files = Files.createDirectories(tmp.resolve("files"));
    server = new StaticServer(site);
    base = server.base();

    k1 = new RSAKeyGenerator(2048).keyID(base + "badges/keys/k1.json").keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256).generate();
    k2 = new RSAKeyGenerator(2048).keyID(base + "badges/keys/k2.json").keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.RS256).generate();
    e1 = new ECKeyGenerator(Curve.P_256).keyID(base + "badges/keys/e1.json").keyUse(KeyUse.SIGNATURE)
        .algorithm(JWSAlgorithm.ES256).generate();
    writeSite();
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
      if (tmp != null) {
        try (Stream<Path> walk = Files.walk(tmp)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  // ---- the cases ----

  @Test
  void bakedPngOfValidCredentialWithMatchingEmailIsValid() throws Exception {
    Instant from = now().minus(1, ChronoUnit.DAYS);
    Path png = write("valid.png", bakePng(List.of(itxt("openbadgecredential", sign3(credential(newId(), from, null), k1),
        false))));
    Result r = verifyFile(png, "  Ada.Lovelace@Example.ORG ");
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.recipient()).isEqualTo("match");
    assertThat(r.text()).contains(ISSUER_NAME, ACHIEVEMENT_NAME, from.toString().substring(0, 10),
        "Signature verified", "listed in the issuer's published keys", "Not on the issuer's revocation list");
    assertThat(r.checks()).doesNotContain("fail");
  }

  @Test
  void es256CredentialWithPublishedEcKeyIsValid() throws Exception {
    Result r = verifyToken(sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), e1), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.text()).contains("Signature algorithm ES256 is accepted", "EC P-256", "Signature verified");
  }

  @Test
  void wrongEmailIsReportedAsMismatch() throws Exception {
    Result r = verifyToken(sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k1),
        "someone.else@example.org");
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.recipient()).isEqualTo("mismatch");
    assertThat(r.text()).contains("Recipient does not match", "not issued to the email address you entered");
  }

  @Test
  void tamperedPayloadIsInvalid() throws Exception {
    String token = sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k1);
    String[] parts = token.split("\\.");
    // one character of the payload changed, so that it still decodes: the achievement's name
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload).contains(ACHIEVEMENT_NAME);
    String forged = Base64URL.encode(payload.replace(ACHIEVEMENT_NAME, "Static Sites 901")).toString();
    Result r = verifyToken(parts[0] + "." + forged + "." + parts[2], EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("signature does not match");

    // a raw character flip inside the payload segment, signature kept
    char[] chars = parts[1].toCharArray();
    int i = chars.length / 2;
    chars[i] = chars[i] == 'A' ? 'B' : 'A';
    Result flipped = verifyToken(parts[0] + "." + new String(chars) + "." + parts[2], EMAIL);
    assertThat(flipped.verdict()).as(flipped.text()).isEqualTo("INVALID");
  }

  @Test
  void algNoneIsRejected() throws Exception {
    String payload = JSON.writeValueAsString(credential(newId(), now().minus(1, ChronoUnit.HOURS), null));
    String header = "{\"alg\":\"none\",\"kid\":\"" + k1.getKeyID() + "\",\"typ\":\"JWT\"}";
    String token = Base64URL.encode(header) + "." + Base64URL.encode(payload) + ".";
    Result r = verifyToken(token, EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("Rejected", "\"none\"");
  }

  @Test
  void hs256SignedWithThePublicKeyIsRejected() throws Exception {
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(k1.getKeyID()).type(JOSEObjectType.JWT).build();
    JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(
        credential(newId(), now().minus(1, ChronoUnit.HOURS), null))));
    jws.sign(new MACSigner(k1.toRSAPublicKey().getEncoded()));
    Result r = verifyToken(jws.serialize(), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("Rejected", "HS256", "HMAC");
  }

  @Test
  void keyNotListedInJwksIsRejected() throws Exception {
    // k2 is hosted at badges/keys/k2.json on the same site, but jwks.json lists only k1 and e1
    Result r = verifyToken(sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k2), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("Rejected", "k2.json", "not listed in the issuer's published keys");
  }

  @Test
  void keyOnAnotherSiteIsRejected() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("https://badges.example.net/badges/keys/k1.json").generate();
    Result r = verifyToken(sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), foreign), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("not on this site");
  }

  @Test
  void revokedCredentialIsRevokedWithReason() throws Exception {
    Path png = write("revoked.png", bakePng(List.of(itxt("openbadgecredential",
        sign3(credential(REVOKED_ID, now().minus(3, ChronoUnit.DAYS), null), k1), false))));
    Result r = verifyFile(png, EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("REVOKED");
    assertThat(r.summary()).contains(REVOKED_REASON);
  }

  @Test
  void expiredCredentialIsExpired() throws Exception {
    Instant until = now().minus(1, ChronoUnit.DAYS);
    Result r = verifyToken(sign3(credential(newId(), until.minus(30, ChronoUnit.DAYS), until), k1), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("EXPIRED");
    assertThat(r.summary()).contains("expired on " + until.toString().substring(0, 10));
    assertThat(r.text()).contains("JWT claim exp equals validUntil");
  }

  @Test
  void bakedSvgOfValidOb2AssertionIsValid() throws Exception {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\""
        + " width=\"64\" height=\"64\" viewBox=\"0 0 64 64\"><openbadges:assertion verify=\""
        + sign2(assertion(newId(), now().minus(2, ChronoUnit.DAYS))) + "\"/>"
        + "<circle cx=\"32\" cy=\"32\" r=\"30\" fill=\"#0b5cad\"/></svg>";
    Result r = verifyFile(write("ob2.svg", svg.getBytes(StandardCharsets.UTF_8)), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.recipient()).isEqualTo("match");
    assertThat(r.text()).contains("Open Badges 2.0", ISSUER_NAME, ACHIEVEMENT_NAME,
        "listed in the issuer profile's publicKey", "Signature verified");
    assertThat(r.checks()).doesNotContain("fail");
  }

  @Test
  void bakedSvgOfValidOb3CredentialIsValid() throws Exception {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""
        + " width=\"64\" height=\"64\"><openbadges:credential verify=\""
        + sign3(credential(newId(), now().minus(1, ChronoUnit.DAYS), now().plus(300, ChronoUnit.DAYS)), k1)
        + "\"></openbadges:credential><rect width=\"64\" height=\"64\"/></svg>";
    Result r = verifyFile(write("ob3.svg", svg.getBytes(StandardCharsets.UTF_8)), "");
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.recipient()).isEqualTo("unchecked");
    assertThat(r.text()).contains("Not expired", "No email address given");
  }

  @Test
  void pngWithTwoBadgeChunksIsRejected() throws Exception {
    String token = sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k1);
    Path png = write("two.png", bakePng(List.of(itxt("openbadgecredential", token, false),
        itxt("openbadgecredential", token, false))));
    Result r = verifyFile(png, EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("INVALID");
    assertThat(r.summary()).contains("2 badge chunks");
  }

  @Test
  void pngWithCompressedOrTruncatedChunkIsRejected() throws Exception {
    String token = sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k1);
    Result compressed = verifyFile(write("compressed.png", bakePng(List.of(itxt("openbadgecredential", token, true)))),
        EMAIL);
    assertThat(compressed.verdict()).as(compressed.text()).isEqualTo("INVALID");
    assertThat(compressed.summary()).contains("compressed");

    byte[] whole = bakePng(List.of(itxt("openbadgecredential", token, false)));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 40);
    Result truncated = verifyFile(write("truncated.png", cut), EMAIL);
    assertThat(truncated.verdict()).as(truncated.text()).isEqualTo("INVALID");
    assertThat(truncated.summary()).contains("truncated");
  }

  @Test
  void onlySameSiteFilesAreRequested() throws Exception {
    server.clearRequests();
    Result r = verifyToken(sign3(credential(newId(), now().minus(1, ChronoUnit.HOURS), null), k1), EMAIL);
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(server.requests()).isNotEmpty().allSatisfy(uri -> {
      assertThat(uri).doesNotContain("?").doesNotContain(EMAIL);
      assertThat(uri).matches("/(verify/|assets/[a-z]+\\.(css|js)|badges/[a-z0-9/._-]+\\.json|favicon\\.ico)");
    });
  }

  @Test
  void certificateQrCodeOfARevokedCredentialSaysRevokedWithTheReason() {
    WebElement notice = openCertificate(REVOKED_ID);
    assertThat(notice.getAttribute("data-credential")).isEqualTo(REVOKED_ID);
    assertThat(notice.getAttribute("data-revoked")).isEqualTo("true");
    assertThat(notice.getText()).contains(REVOKED_ID, "has revoked this credential: " + REVOKED_REASON,
        "no longer valid");
  }

  @Test
  void certificateQrCodeThenItsBadgeFileMatchesAndAnotherBadgeDoesNot() throws Exception {
    String id = newId();
    WebElement notice = openCertificate(id);
    assertThat(notice.getAttribute("data-revoked")).isEqualTo("false");
    assertThat(notice.getText()).contains(id, "has not revoked this credential", "ask for the badge file");

    Path png = write("certificate.png", bakePng(List.of(itxt("openbadgecredential",
        sign3(credential(id, now().minus(1, ChronoUnit.DAYS), null), k1), false))));
    driver.findElement(By.id("verify-file")).sendKeys(png.toAbsolutePath().toString());
    Result same = submit();
    assertThat(same.verdict()).as(same.text()).isEqualTo("VALID");
    assertThat(same.certificate()).isEqualTo("match");
    assertThat(same.summary()).contains("It is the credential printed on the certificate you scanned");

    String other = sign3(credential(newId(), now().minus(1, ChronoUnit.DAYS), null), k1);
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        driver.findElement(By.id("verify-token")), other);
    Result different = submit();
    assertThat(different.certificate()).as(different.text()).isEqualTo("mismatch");
    assertThat(different.summary()).contains("It is not the credential printed on the certificate you scanned");
    assertThat(different.text()).contains("the certificate names " + id);
  }

  @Test
  void certificateAddressWithoutAValidIdSaysSo() {
    WebElement notice = openCertificate("javascript:alert(1)");
    assertThat(notice.getAttribute("data-credential")).isEmpty();
    assertThat(notice.getText()).contains("does not name a credential");
  }

  @Test
  void badgeIssuedByStarkitOnASiteBuiltByStarkitIsValidThenRevokedAfterRebuild() throws Exception {
    // the real pipeline: starkit's own issuer, publisher, verify page and assets, under /real/
    BadgeFixture real = new BadgeFixture(tmp.resolve("real-fixture"), base + "real/", site.resolve("real"));
    BadgeIssuer.Issued award = real.issuer(real.key).issue(new BadgeIssuer.Request(real.achievement, EMAIL,
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
        now().minus(1, ChronoUnit.DAYS), java.util.Optional.empty()),
        BadgeArtist.png(real.achievement, List.of("beginner")), BadgeArtist.svg(real.achievement, List.of("beginner")));
    new AwardWriter(tmp.resolve("real-out"), real.source.resolve("badges/awards.csv")).record(award);
    assertThat(real.build().diagnostics()).isEmpty();

    Path png = write("real.ob3.png", award.ob3Png());
    Path svg = write("real.ob2.svg", award.ob2Svg().getBytes(StandardCharsets.UTF_8));
    for (Path badge : List.of(png, svg)) {
      WebElement form = openPage(base + "real/verify/");
      driver.findElement(By.id("verify-email")).sendKeys(EMAIL);
      form.findElement(By.id("verify-file")).sendKeys(badge.toAbsolutePath().toString());
      Result r = submit();
      assertThat(r.verdict()).as(badge + "\n" + r.text()).isEqualTo("VALID");
      assertThat(r.recipient()).isEqualTo("match");
      assertThat(r.text()).contains("Example Workshops", "First Steps");
    }

    WebElement notice = openCertificate(base + "real/", award.id());
    assertThat(notice.getAttribute("data-revoked")).isEqualTo("false");
    driver.findElement(By.id("verify-file")).sendKeys(png.toAbsolutePath().toString());
    assertThat(submit().certificate()).isEqualTo("match");

    assertThat(AwardWriter.revoke(real.source.resolve("badges/awards.csv"), award.id(), "Project not finished")).isTrue();
    assertThat(real.build().diagnostics()).isEmpty();
    assertThat(openCertificate(base + "real/", award.id()).getText()).contains("revoked this credential: Project not finished");
    driver.findElement(By.id("verify-file")).sendKeys(png.toAbsolutePath().toString());
    Result revoked = submit();
    assertThat(revoked.verdict()).as(revoked.text()).isEqualTo("REVOKED");
    assertThat(revoked.summary()).contains("Project not finished");
  }

  @Test
  void verifyPageOfAFrenchSiteShowsItsResultsInFrench() throws Exception {
    // a site built by starkit whose starkit.yml says language: fr, under /fr/
    BadgeFixture fr = new BadgeFixture(tmp.resolve("fr-fixture"), base + "fr/", site.resolve("fr"));
    Files.writeString(fr.source.resolve("starkit.yml"), "language: fr\n", java.nio.file.StandardOpenOption.APPEND);
    BadgeIssuer.Issued award = fr.issue(EMAIL, java.util.Optional.empty());
    new AwardWriter(tmp.resolve("fr-out"), fr.source.resolve("badges/awards.csv")).record(award);
    assertThat(fr.build().diagnostics()).isEmpty();

    WebElement form = openPage(base + "fr/verify/");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
    driver.findElement(By.id("verify-email")).sendKeys(EMAIL);
    form.findElement(By.id("verify-file")).sendKeys(write("fr.ob3.png", award.ob3Png()).toAbsolutePath().toString());
    Result r = submit();
    assertThat(r.verdict()).as(r.text()).isEqualTo("VALID");
    assertThat(r.summary()).isEqualTo("Le badge est authentique, il a été émis par ce site et il est toujours valable."
        + " Il a été délivré à l’adresse e-mail saisie.");
    assertThat(r.text()).contains("VALIDE", "Vérifications, dans l’ordre", "Réussi", "Émetteur", "Example Workshops",
        "Signature vérifiée avec la clé de l’émetteur.", "Absent de la liste de révocation de l’émetteur.",
        "Le destinataire correspond")
        .doesNotContain("Signature verified", "Checks, in order", "verify.js.");

    String[] parts = award.vcJwt().split("\\.");
    WebElement again = openPage(base + "fr/verify/");
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        again.findElement(By.id("verify-token")), parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse());
    Result forged = submit();
    assertThat(forged.verdict()).as(forged.text()).isEqualTo("INVALID");
    assertThat(forged.summary()).startsWith("La signature ne correspond pas");
    assertThat(forged.text()).contains("NON VALIDE", "Échec");

    WebElement notice = openCertificate(base + "fr/", award.id());
    assertThat(notice.getText()).contains("Vous avez ouvert cette page depuis le certificat de l’attestation " + award.id(),
        "Ce site n’a pas révoqué cette attestation.");
  }

  // ---- driving the page ----

  /** Opens the verify page the way a certificate's QR code does, and waits for its notice. */
  private static WebElement openCertificate(String credentialId) {
    return openCertificate(base, credentialId);
  }

  private static WebElement openCertificate(String siteBase, String credentialId) {
    driver.get("about:blank");
    driver.get(siteBase + "verify/#credential=" + credentialId);
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.id("verify-certificate"), "data-state", "done"));
    return driver.findElement(By.id("verify-certificate"));
  }

  /** What the page showed: the verdict, the recipient state, each check's status and all text. */
  private record Result(String verdict, String recipient, String certificate, String summary, List<String> checks,
      String text) {}

  private static Result verifyFile(Path file, String email) {
    WebElement form = openPage();
    driver.findElement(By.id("verify-email")).sendKeys(email);
    form.findElement(By.id("verify-file")).sendKeys(file.toAbsolutePath().toString());
    return submit();
  }

  private static Result verifyToken(String token, String email) {
    WebElement form = openPage();
    driver.findElement(By.id("verify-email")).sendKeys(email);
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));",
        form.findElement(By.id("verify-token")), token);
    return submit();
  }

  private static WebElement openPage() {
    return openPage(base + "verify/");
  }

  private static WebElement openPage(String url) {
    driver.get(url);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-form")));
  }

  private static Result submit() {
    WebElement result = driver.findElement(By.id("verify-result"));
    assertThat(result.getAttribute("aria-live")).isEqualTo("polite");
    driver.findElement(By.id("verify-button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.attributeToBe(By.id("verify-result"), "data-state", "done"));
    WebElement verdict = result.findElement(By.cssSelector("[data-verdict]"));
    List<String> checks = new ArrayList<>();
    for (WebElement li : result.findElements(By.cssSelector(".verify-checks li"))) {
      checks.add(li.getAttribute("data-status"));
    }
    return new Result(verdict.getAttribute("data-verdict"), verdict.getAttribute("data-recipient"),
        verdict.getAttribute("data-certificate"), verdict.findElement(By.className("verdict-summary")).getText(), checks, result.getText());
  }

  // ---- the site ----

  private static void writeSite() throws Exception {
    Views.Layout layout = new Views.Layout(new Views.SiteView(ISSUER_NAME, "Workshop lessons.", "", base), "../",
        "Verify a badge", "Check a badge issued by this site.", "en", base + "verify/",
        List.of(new Views.NavLink("Home", "index.html", false)));
    String html = new TemplateRenderer(THEME, "themes/default").render("verify.peb", Map.of("layout", layout));
    assertThat(html).contains("<noscript>", "starkit badge verify", "aria-live=\"polite\"",
        "<script src=\"../assets/verify.js\" defer></script>");
    put("verify/index.html", html);
    try (Stream<Path> assets = Files.list(THEME.resolve("assets"))) {
      for (Path p : assets.filter(Files::isRegularFile).toList()) {
        put("assets/" + p.getFileName(), Files.readString(p));
      }
    }

    put("badges/keys/k1.json", k1.toPublicJWK().toJSONString());
    put("badges/keys/k2.json", k2.toPublicJWK().toJSONString()); // hosted, but not in jwks.json
    put("badges/keys/e1.json", e1.toPublicJWK().toJSONString());
    put("badges/keys/jwks.json", new JWKSet(List.<JWK>of(k1.toPublicJWK(), e1.toPublicJWK())).toString());
    putJson("badges/issuer.json", map("@context", List.of("https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"), "id", base + "badges/issuer.json",
        "type", List.of("Profile"), "name", ISSUER_NAME, "url", base, "email", "badges@example.org"));
    putJson("badges/revocations.json", map("id", base + "badges/revocations.json", "issuer",
        base + "badges/issuer.json", "revokedCredential", List.of(map("id", REVOKED_ID, "revoked", true,
            "revocationReason", REVOKED_REASON))));
    putJson("badges/" + ACHIEVEMENT_ID + "/achievement.json", achievement());

    String ob2 = "https://w3id.org/openbadges/v2";
    putJson("badges/ob2/issuer.json", map("@context", ob2, "type", "Issuer", "id", base + "badges/ob2/issuer.json",
        "name", ISSUER_NAME, "url", base, "email", "badges@example.org",
        "publicKey", List.of(base + "badges/ob2/keys/k1.json"), "revocationList", base + "badges/ob2/revocations.json"));
    putJson("badges/ob2/keys/k1.json", map("@context", ob2, "type", "CryptographicKey",
        "id", base + "badges/ob2/keys/k1.json", "owner", base + "badges/ob2/issuer.json",
        "publicKeyPem", pem(k1.toRSAPublicKey().getEncoded())));
    putJson("badges/ob2/revocations.json", map("@context", ob2, "type", "RevocationList",
        "id", base + "badges/ob2/revocations.json", "issuer", base + "badges/ob2/issuer.json",
        "revokedAssertions", List.of(map("id", REVOKED_ID, "revocationReason", REVOKED_REASON))));
    putJson("badges/" + ACHIEVEMENT_ID + "/badgeclass.json", map("@context", ob2, "type", "BadgeClass",
        "id", base + "badges/" + ACHIEVEMENT_ID + "/badgeclass.json", "name", ACHIEVEMENT_NAME,
        "description", "Built and published a static site from Markdown lessons.",
        "image", base + "badges/" + ACHIEVEMENT_ID + "/image.png",
        "criteria", map("narrative", "Complete the capstone project."), "issuer", base + "badges/ob2/issuer.json"));
  }

  private static Map<String, Object> achievement() {
    return map("id", base + "badges/" + ACHIEVEMENT_ID + "/achievement.json", "type", List.of("Achievement"),
        "name", ACHIEVEMENT_NAME, "description", "Built and published a static site from Markdown lessons.",
        "criteria", map("narrative", "Complete the capstone project."),
        "image", map("id", base + "badges/" + ACHIEVEMENT_ID + "/image.png", "type", "Image"));
  }

  /** An OpenBadgeCredential with its JWT claims (iss, jti, sub, nbf, exp), as the issuer signs it. */
  private static Map<String, Object> credential(String id, Instant validFrom, Instant validUntil) throws Exception {
    String salt = salt();
    String subject = newId();
    Map<String, Object> c = map(
        "@context", List.of("https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"),
        "id", id,
        "type", List.of("VerifiableCredential", "OpenBadgeCredential"),
        "issuer", map("id", base + "badges/issuer.json", "type", List.of("Profile"), "name", ISSUER_NAME, "url", base),
        "validFrom", validFrom.toString());
    if (validUntil != null) {
      c.put("validUntil", validUntil.toString());
    }
    c.put("name", ACHIEVEMENT_NAME);
    c.put("credentialSubject", map("id", subject, "type", List.of("AchievementSubject"),
        "identifier", List.of(map("type", "IdentityObject", "identityHash", identityHash(EMAIL, salt),
            "identityType", "emailAddress", "hashed", true, "salt", salt)),
        "achievement", achievement()));
    c.put("credentialStatus", map("id", base + "badges/revocations.json", "type", "1EdTechRevocationList"));
    c.put("credentialSchema", List.of(map("id",
        "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
        "type", "1EdTechJsonSchemaValidator2019")));
    c.put("iss", base + "badges/issuer.json");
    c.put("jti", id);
    c.put("sub", subject);
    c.put("nbf", validFrom.getEpochSecond());
    if (validUntil != null) {
      c.put("exp", validUntil.getEpochSecond());
    }
    return c;
  }

  private static Map<String, Object> assertion(String id, Instant issuedOn) throws Exception {
    String salt = salt();
    return map("@context", "https://w3id.org/openbadges/v2", "type", "Assertion", "id", id,
        "recipient", map("type", "email", "hashed", true, "salt", salt, "identity", identityHash(EMAIL, salt)),
        "badge", base + "badges/" + ACHIEVEMENT_ID + "/badgeclass.json",
        "issuedOn", issuedOn.toString(),
        "verification", map("type", "SignedBadge", "creator", base + "badges/ob2/keys/k1.json"));
  }

  /** A VC-JWT: header exactly alg, kid, typ; RS256 for an RSA key, ES256 for an EC P-256 key. */
  private static String sign3(Map<String, Object> payload, JWK key) throws Exception {
    JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    JWSSigner signer = key instanceof ECKey ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key);
    JWSHeader header = new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    JWSObject jws = new JWSObject(header, new Payload(JSON.writeValueAsString(payload)));
    jws.sign(signer);
    assertThat(jws.getHeader().toJSONObject()).containsOnlyKeys("alg", "kid", "typ");
    return jws.serialize();
  }

  private static String sign2(Map<String, Object> assertion) throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(JSON.writeValueAsString(assertion)));
    jws.sign(new RSASSASigner(k1));
    return jws.serialize();
  }

  private static String identityHash(String email, String salt) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest((email.strip().toLowerCase(java.util.Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8));
    return "sha256$" + HexFormat.of().formatHex(digest);
  }

  private static String salt() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String newId() {
    return "urn:uuid:" + UUID.randomUUID();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String pem(byte[] spki) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(spki)
        + "\n-----END PUBLIC KEY-----\n";
  }

  // ---- baking ----

  /** A 1x1 grey PNG with the given chunks inserted before IEND. */
  private static byte[] bakePng(List<byte[]> extra) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10});
    out.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 0).put((byte) 0)
        .put((byte) 0).put((byte) 0).array()));
    out.write(chunk("IDAT", deflate(new byte[] {0, (byte) 0x80})));
    for (byte[] c : extra) {
      out.write(c);
    }
    out.write(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** An iTXt chunk: keyword, NUL, compression flag and method, empty language tag and translated keyword, text. */
  private static byte[] itxt(String keyword, String text, boolean compressed) throws IOException {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(keyword.getBytes(StandardCharsets.ISO_8859_1));
    data.write(new byte[] {0, (byte) (compressed ? 1 : 0), 0, 0, 0});
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    data.write(compressed ? deflate(utf8) : utf8);
    return chunk("iTXt", data.toByteArray());
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data)
        .putInt((int) crc.getValue()).array();
  }

  private static byte[] deflate(byte[] input) {
    Deflater d = new Deflater();
    d.setInput(input);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  // ---- files and the server ----

  private static Path write(String name, byte[] bytes) throws IOException {
    return Files.write(files.resolve(name), bytes);
  }

  private static void put(String path, String content) throws IOException {
    Path p = site.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static void putJson(String path, Object value) throws IOException {
    put(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
