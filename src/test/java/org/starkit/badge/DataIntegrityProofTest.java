package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/** Open Badges 3.0 credentials secured with an embedded eddsa-rdfc-2022 Data Integrity proof. */
class DataIntegrityProofTest {
  private static final Path SAMPLES = Path.of("src/test/resources/openbadges/1edtech-validator/ob30");
  private static final DocumentSource NOTHING = url -> {
    throw new AssertionError("nothing should be fetched, but " + url + " was");
  };

  private static Verdict verify(byte[] badge, boolean trustEmbeddedKey) {
    return new BadgeVerifier(NOTHING, Instant.parse("2026-12-01T00:00:00Z"), trustEmbeddedKey)
        .verify(badge, Optional.empty());
  }

  private static Check check(Verdict v, String name) {
    return v.checks().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " check in " + v.checks()));
  }

  private static String sampleJson() throws Exception {
    return PngBaker.unbake(Files.readAllBytes(SAMPLES.resolve("simple-json.png"))).text();
  }

  @Test
  void verifiesTheThirdPartyBakedSamplesWithTheirEmbeddedKey() throws Exception {
    for (String name : new String[] {"simple-json.png", "simple-json.svg"}) {
      Verdict v = verify(Files.readAllBytes(SAMPLES.resolve(name)), true);
      assertThat(v.status()).as(name + " " + v.checks()).isEqualTo(Verdict.Status.VALID);
      assertThat(check(v, "proof").result()).isEqualTo(Result.PASS);
      assertThat(check(v, "signature").result()).isEqualTo(Result.PASS);
      assertThat(check(v, "signature").detail()).contains("eddsa-rdfc-2022");
      assertThat(check(v, "issuer key").result()).isEqualTo(Result.WARN);
      assertThat(check(v, "issuer key").detail()).contains("intact, not who issued it");
      assertThat(check(v, "schema").result()).isEqualTo(Result.PASS);
      assertThat(check(v, "terms").result()).isEqualTo(Result.PASS);
      assertThat(check(v, "expiry").result()).isEqualTo(Result.PASS);
      assertThat(v.summary()).contains("Teamwork", "Example Corp");
    }
  }

  @Test
  void failsKeyOwnershipWithoutTrustEmbeddedKey() throws Exception {
    Verdict v = verify(Files.readAllBytes(SAMPLES.resolve("simple-json.png")), false);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(check(v, "issuer key").result()).isEqualTo(Result.FAIL);
    assertThat(check(v, "issuer key").detail()).contains("not published by the issuer", "--trust-embedded-key");
  }

  @Test
  void rejectsATamperedName() throws Exception {
    String svg = Files.readString(SAMPLES.resolve("simple-json.svg"));
    String tampered = svg.replace("\"name\": \"Teamwork Badge\"", "\"name\": \"Teamwork Badgf\"");
    assertThat(tampered).isNotEqualTo(svg);
    Verdict v = verify(tampered.getBytes(StandardCharsets.UTF_8), true);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(check(v, "signature").result()).isEqualTo(Result.FAIL);
    assertThat(check(v, "signature").detail()).contains("the badge was changed");

    byte[] png = Files.readAllBytes(SAMPLES.resolve("simple-json.png"));
    String json = PngBaker.unbake(png).text().replace("\"Teamwork\"", "\"Teamwork!\"");
    Verdict baked = verify(PngBaker.bake(png, "openbadgecredential", json), true);
    assertThat(check(baked, "signature").result()).isEqualTo(Result.FAIL);
  }

  @Test
  void refusesAnUnknownCryptosuite() throws Exception {
    String json = sampleJson().replace("eddsa-rdfc-2022", "ecdsa-xyz");
    Verdict v = verify(json.getBytes(StandardCharsets.UTF_8), true);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(check(v, "proof").result()).isEqualTo(Result.FAIL);
    assertThat(check(v, "proof").detail()).contains("ecdsa-xyz is not supported");
    assertThat(v.checks()).noneMatch(c -> c.name().equals("signature") && c.result() == Result.PASS);
  }

  @Test
  void failsOnAContextNotBundledWithoutFetchingIt() throws Exception {
    String json = sampleJson().replace("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://contexts.example.net/ob-v3p0-context-9.json");
    Verdict v = verify(json.getBytes(StandardCharsets.UTF_8), true);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(check(v, "signature").result()).isEqualTo(Result.FAIL);
    assertThat(check(v, "signature").detail()).contains("https://contexts.example.net/ob-v3p0-context-9.json",
        "not one starkit bundles");
  }

  @Test
  void checksAProofGivenAsASingleObjectThoughTheSchemaWantsAnArray() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode credential = (ObjectNode) mapper.readTree(sampleJson());
    credential.set("proof", credential.get("proof").get(0));
    Verdict v = verify(mapper.writeValueAsBytes(credential), true);
    assertThat(check(v, "signature").result()).as(v.checks().toString()).isEqualTo(Result.PASS);
    assertThat(check(v, "schema").detail()).contains("/proof");
  }

  @Test
  void failsOnAPropertyNoContextDefines() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode credential = (ObjectNode) mapper.readTree(sampleJson());
    ((ObjectNode) credential.path("credentialSubject")).put("grade", "A+");
    Verdict v = verify(mapper.writeValueAsBytes(credential), true);
    assertThat(check(v, "signature").result()).as("JSON-LD drops the term, so the proof still holds").isEqualTo(Result.PASS);
    assertThat(check(v, "terms").result()).isEqualTo(Result.FAIL);
    assertThat(check(v, "terms").detail()).contains("grade");
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsDuplicateMembers() throws Exception {
    String json = sampleJson().replace("\"name\": \"Teamwork Badge\",", "\"name\": \"Teamwork Badge\", \"name\": \"Other\",");
    Verdict v = verify(json.getBytes(StandardCharsets.UTF_8), true);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(check(v, "format").detail()).contains("Duplicate field 'name'");
  }

  @Test
  void stillRunsTheCredentialChecks() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode credential = (ObjectNode) mapper.readTree(sampleJson());
    Verdict withEmail = new BadgeVerifier(NOTHING, Instant.parse("2026-12-01T00:00:00Z"), true)
        .verify(sampleJson().getBytes(StandardCharsets.UTF_8), Optional.of("ada@example.org"));
    assertThat(check(withEmail, "recipient").result()).isEqualTo(Result.FAIL);
    assertThat(check(withEmail, "revocation").result()).isEqualTo(Result.SKIP);

    Verdict early = new BadgeVerifier(NOTHING, Instant.parse("2009-01-01T00:00:00Z"), true)
        .verify(sampleJson().getBytes(StandardCharsets.UTF_8), Optional.empty());
    assertThat(check(early, "valid from").result()).isEqualTo(Result.FAIL);

    ((ObjectNode) credential.path("credentialSubject").path("achievement")).remove("name");
    Verdict unschematic = verify(mapper.writeValueAsBytes(credential), true);
    assertThat(check(unschematic, "schema").result()).isEqualTo(Result.FAIL);
    assertThat(check(unschematic, "signature").result()).isEqualTo(Result.FAIL);
  }
}
