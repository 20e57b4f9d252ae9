package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.build.BuildResult;

class BadgeRoundTripTest {
  @TempDir
  Path tmp;

  BadgeFixture f;
  BadgeIssuer.Issued award;

  @BeforeEach
  void issue() throws Exception {
    f = new BadgeFixture(tmp);
    award = f.issue("  Ada@Example.org ", Optional.empty());
    BuildResult r = f.build();
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void everyFormatVerifiesInBothVersions() {
    for (byte[] input : new byte[][] {award.ob3Png(), award.ob3Svg().getBytes(StandardCharsets.UTF_8),
        award.vcJwt().getBytes(StandardCharsets.UTF_8), award.ob2Png(), award.ob2Svg().getBytes(StandardCharsets.UTF_8),
        award.ob2Jws().getBytes(StandardCharsets.UTF_8)}) {
      Verdict v = f.verify(input, "ada@example.org");
      assertThat(v.status()).as(v.checks().toString()).isEqualTo(Verdict.Status.VALID);
    }
  }

  @Test
  void issuedCredentialConformsToTheOfficialSchema() throws Exception {
    assertThat(SchemaCheck.errors(new ObjectMapper().valueToTree(award.credential()))).isEmpty();
  }

  @Test
  void vcJwtHeaderHasExactlyAlgKidAndTyp() throws Exception {
    String header = new String(Base64.getUrlDecoder().decode(award.vcJwt().split("\\.")[0]), StandardCharsets.UTF_8);
    assertThat(new ObjectMapper().readTree(header).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("alg", "kid", "typ");
    assertThat(header).contains("\"kid\":\"" + f.urls.key(SigningKeys.nameOf(f.key)) + "\"");
  }

  @Test
  void vcJwtPayloadIsTheCredentialPlusIssJtiSubNbfAndExp() throws Exception {
    BadgeIssuer.Issued expiring = f.issue("ada@example.org", Optional.of(Instant.parse("2029-03-01T10:00:00Z")));
    com.fasterxml.jackson.databind.JsonNode claims = new ObjectMapper().readTree(
        Base64.getUrlDecoder().decode(expiring.vcJwt().split("\\.")[1]));
    assertThat(claims.path("iss").asText()).isEqualTo(f.urls.issuer()).isEqualTo(claims.path("issuer").path("id").asText());
    assertThat(claims.path("jti").asText()).isEqualTo(expiring.id()).isEqualTo(claims.path("id").asText());
    assertThat(claims.path("sub").asText()).isEqualTo(claims.path("credentialSubject").path("id").asText());
    assertThat(claims.path("nbf").asLong()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").getEpochSecond());
    assertThat(claims.path("validFrom").asText()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(claims.path("exp").asLong()).isEqualTo(Instant.parse("2029-03-01T10:00:00Z").getEpochSecond());
    assertThat(claims.path("validUntil").asText()).isEqualTo("2029-03-01T10:00:00Z");
    assertThat(new ObjectMapper().readTree(Base64.getUrlDecoder().decode(award.vcJwt().split("\\.")[1])).has("exp"))
        .isFalse();
  }

  @Test
  void recipientIsASaltedHashOfTheNormalizedEmailAndAFreshUrnUuid() throws Exception {
    BadgeIssuer.Issued again = f.issue("ada@example.org", Optional.empty());
    java.util.List<String> subjects = new java.util.ArrayList<>();
    java.util.List<String> salts = new java.util.ArrayList<>();
    for (BadgeIssuer.Issued a : java.util.List.of(award, again)) {
      com.fasterxml.jackson.databind.JsonNode subject = new ObjectMapper().valueToTree(a.credential())
          .path("credentialSubject");
      assertThat(subject.path("id").asText()).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      com.fasterxml.jackson.databind.JsonNode identity = subject.path("identifier").get(0);
      String salt = identity.path("salt").asText();
      assertThat(Base64.getUrlDecoder().decode(salt)).hasSizeGreaterThanOrEqualTo(16);
      java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
      String expected = "sha256$" + java.util.HexFormat.of().formatHex(
          sha.digest(("ada@example.org" + salt).getBytes(StandardCharsets.UTF_8)));
      assertThat(identity.path("identityHash").asText()).isEqualTo(expected);
      assertThat(identity.path("hashed").asBoolean()).isTrue();
      assertThat(identity.path("identityType").asText()).isEqualTo("emailAddress");
      com.fasterxml.jackson.databind.JsonNode ob2 = new ObjectMapper().readTree(
          Base64.getUrlDecoder().decode(a.ob2Jws().split("\\.")[1])).path("recipient");
      assertThat(ob2.path("identity").asText()).isEqualTo(expected);
      assertThat(ob2.path("salt").asText()).isEqualTo(salt);
      subjects.add(subject.path("id").asText());
      salts.add(salt);
    }
    assertThat(subjects).doesNotHaveDuplicates();
    assertThat(salts).doesNotHaveDuplicates();
  }

  @Test
  void everyKindOfIssuedCredentialConformsToTheOfficialSchema() throws Exception {
    com.nimbusds.jose.jwk.JWK ec = SigningKeys.generate("ES256", f.urls);
    for (BadgeIssuer issuer : java.util.List.of(f.issuer(f.key), f.issuer(ec))) {
      for (boolean full : new boolean[] {false, true}) {
        BadgeIssuer.Issued a = issuer.issue(new BadgeIssuer.Request(f.achievement, "ada@example.org",
            full ? Optional.of("Ada") : Optional.empty(),
            full ? Optional.of("https://example.org/projects/ada") : Optional.empty(),
            full ? Optional.of("Built a *guessing game* and explained it.") : Optional.empty(),
            Instant.parse("2026-03-01T10:00:00Z"), full ? Optional.of(Instant.parse("2029-03-01T00:00:00Z"))
                : Optional.empty()),
            BadgeArtist.png(f.achievement, java.util.List.of("beginner")),
            BadgeArtist.svg(f.achievement, java.util.List.of("beginner")));
        assertThat(SchemaCheck.errors(new ObjectMapper().valueToTree(a.credential()))).as("full=" + full).isEmpty();
        assertThat(SchemaCheck.errors(new ObjectMapper().readTree(Base64.getUrlDecoder().decode(
            a.vcJwt().split("\\.")[1])))).as("the JWT payload, full=" + full).isEmpty();
      }
    }
  }

  @Test
  void schemaCheckRejectsACredentialMissingWhatTheSchemaRequires() {
    com.fasterxml.jackson.databind.node.ObjectNode broken = new ObjectMapper().valueToTree(award.credential());
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("credentialSubject").path("achievement"))
        .remove("name");
    broken.put("validFrom", "yesterday");
    assertThat(SchemaCheck.errors(broken)).anySatisfy(e -> assertThat(e).contains("name"))
        .anySatisfy(e -> assertThat(e).contains("validFrom"));
  }

  @Test
  void theEmailIsStoredNowhere() {
    for (String text : new String[] {award.vcJwt(), award.ob2Jws(), award.ob3Svg(),
        new String(award.ob3Png(), StandardCharsets.ISO_8859_1)}) {
      String decoded = text + decodeAll(text);
      assertThat(decoded.toLowerCase()).doesNotContain("ada@example.org");
    }
  }

  private static String decodeAll(String jwsLike) {
    StringBuilder s = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{20,}").matcher(jwsLike);
    while (m.find()) {
      try {
        s.append(new String(Base64.getUrlDecoder().decode(m.group()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        // not base64url
      }
    }
    return s.toString();
  }

  @Test
  void wrongEmailDoesNotMatch() {
    Verdict v = f.verify(award.ob3Png(), "bob@example.org");
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks()).anySatisfy(c -> assertThat(c.detail()).isEqualTo("not awarded to this email"));
  }

  @Test
  void revokedAfterRevokeAndRebuild() throws Exception {
    AwardWriter writer = new AwardWriter(tmp.resolve("out"), f.source.resolve("badges/awards.csv"));
    writer.record(award);
    assertThat(AwardWriter.revoke(f.source.resolve("badges/awards.csv"), award.id(), "Awarded in error")).isTrue();
    f.build();
    for (byte[] input : new byte[][] {award.ob3Png(), award.ob2Png()}) {
      Verdict v = f.verify(input, null);
      assertThat(v.status()).isEqualTo(Verdict.Status.REVOKED);
      assertThat(v.checks()).anySatisfy(c -> assertThat(c.detail()).contains("Awarded in error"));
    }
  }

  @Test
  void expiredBadgeIsReportedAsExpired() throws Exception {
    BadgeIssuer.Issued old = f.issue("ada@example.org", Optional.of(Instant.parse("2026-04-01T00:00:00Z")));
    assertThat(f.verify(old.ob3Png(), null).status()).isEqualTo(Verdict.Status.EXPIRED);
    assertThat(f.verify(old.ob2Png(), null).status()).isEqualTo(Verdict.Status.EXPIRED);
  }

  @Test
  void noFileOfTheSiteHoldsPrivateKeyMaterial() throws Exception {
    String d = f.key.toJSONObject().get("d").toString();
    try (Stream<Path> files = Files.walk(f.site)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
        assertThat(text).as(p.toString()).doesNotContain(d);
        if (p.toString().endsWith(".json")) {
          assertThat(SecretScanner.holdsPrivateKey(Files.readAllBytes(p))).as(p.toString()).isFalse();
        }
      }
    }
    assertThat(f.site.resolve("badges/keys/jwks.json")).exists();
    assertThat(f.site.resolve("badges/first-steps/achievement.json")).exists();
    assertThat(f.site.resolve("badges/first-steps/index.html")).exists();
    assertThat(f.site.resolve("verify/index.html")).exists();
  }

  @Test
  void privateKeyCommittedByMistakeFailsTheBuild() throws Exception {
    Path leaked = f.source.resolve("badges/keys/" + SigningKeys.nameOf(f.key) + ".json");
    Files.writeString(leaked, f.key.toJSONString());
    BuildResult r = f.build();
    assertThat(r.diagnostics()).anySatisfy(d -> assertThat(d.code()).isEqualTo("private-key-in-repository"));
    try (Stream<Path> files = Files.walk(f.site)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> {
        try {
          return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).noneMatch(s -> s.contains(f.key.toJSONObject().get("d").toString()));
    }
  }

  @Test
  void secretScannerFindsPrivateMembersOnlyBesideKtyInTheSameObject() throws Exception {
    assertThat(SecretScanner.holdsPrivateKey(("{\"a\":[1,{\"b\":[{\"kty\":\"RSA\",\"n\":\"x\",\"d\":\"y\"}]}]}")
        .getBytes(StandardCharsets.UTF_8))).isTrue();
    // escaped names are what they decode to
    assertThat(SecretScanner.holdsPrivateKey("{\"\\u006bty\":\"oct\",\"\\u006B\":\"secret\"}"
        .getBytes(StandardCharsets.UTF_8))).isTrue();
    // a public key, and kty and d in different objects, are not private keys
    assertThat(SecretScanner.holdsPrivateKey("{\"keys\":[{\"kty\":\"RSA\",\"n\":\"x\",\"e\":\"AQAB\"}]}"
        .getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(SecretScanner.holdsPrivateKey("{\"kty\":\"RSA\",\"x\":{\"d\":1},\"y\":[{\"p\":2}]}"
        .getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(SecretScanner.holdsPrivateKey("{\"d\":1,\"inner\":{\"kty\":\"RSA\"},\"q\":2}"
        .getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  @Test
  void secretScannerRejectsAnyJsonWithPrivateMembers() {
    assertThat(SecretScanner.scan(java.util.List.of(org.starkit.write.OutputFile.text("x/y.json",
        "{\"keys\":[" + f.key.toJSONString() + "]}")))).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("private-key-in-site"));
  }
}
