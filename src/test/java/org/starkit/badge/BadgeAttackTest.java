package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadgeAttackTest {
  @TempDir
  Path tmp;

  BadgeFixture f;
  BadgeIssuer.Issued award;

  @BeforeEach
  void issue() throws Exception {
    f = new BadgeFixture(tmp);
    award = f.issue("ada@example.org", Optional.empty());
    f.build();
  }

  private Verdict.Status status(String token) {
    return f.verify(token.getBytes(StandardCharsets.UTF_8), null).status();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private String payload() {
    return award.vcJwt().split("\\.")[1];
  }

  @Test
  void rejectsAlgNone() {
    assertThat(status(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload() + ".")).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsHs256KeyedWithThePublicKey() throws Exception {
    byte[] secret = SigningKeys.publicJson(f.key).getBytes(StandardCharsets.UTF_8);
    JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(f.key.getKeyID()).build(),
        new Payload(Base64.getUrlDecoder().decode(payload())));
    forged.sign(new MACSigner(secret));
    Verdict v = f.verify(forged.serialize().getBytes(StandardCharsets.UTF_8), null);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks()).anySatisfy(c -> assertThat(c.detail()).contains("HS256 is not accepted"));
  }

  @Test
  void rejectsModifiedPayload() {
    String changed = new String(Base64.getUrlDecoder().decode(payload()), StandardCharsets.UTF_8)
        .replace("First Steps", "Grand Master");
    String[] parts = award.vcJwt().split("\\.");
    assertThat(status(parts[0] + "." + b64(changed) + "." + parts[2])).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsKeyNotPublishedByTheIssuer() throws Exception {
    JWK rogue = SigningKeys.generate("RS256", f.urls);
    Files.writeString(f.site.resolve("badges/keys/" + SigningKeys.nameOf(rogue) + ".json"), SigningKeys.publicJson(rogue));
    BadgeIssuer.Issued forged = f.issuer(rogue).issue(new BadgeIssuer.Request(f.achievement, "x@example.org",
        Optional.empty(), Optional.empty(), Optional.empty(), java.time.Instant.parse("2026-03-01T00:00:00Z"),
        Optional.empty()), BadgeArtist.png(f.achievement, java.util.List.of()), "<svg></svg>");
    Verdict v = f.verify(forged.ob3Png(), null);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks()).anySatisfy(c -> assertThat(c.detail()).contains("not in the issuer's key set"));
  }

  @Test
  void rejectsSwappedKid() throws Exception {
    JWK rogue = SigningKeys.generate("RS256", f.urls);
    JWSObject swapped = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(f.key.getKeyID())
        .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), new Payload(Base64.getUrlDecoder().decode(payload())));
    swapped.sign(new RSASSASigner(rogue.toRSAKey()));
    assertThat(status(swapped.serialize())).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsKidOutsideTheIssuersKeys() throws Exception {
    JWSObject elsewhere = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("https://evil.example/key.json")
        .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), new Payload(Base64.getUrlDecoder().decode(payload())));
    elsewhere.sign(new RSASSASigner(f.key.toRSAKey()));
    assertThat(status(elsewhere.serialize())).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsDuplicatedBadgeChunk() throws Exception {
    byte[] twice = PngBaker.bake(award.ob3Png(), PngBaker.OB2, award.ob2Jws());
    twice = insertBeforeIend(twice, chunk("iTXt", ("openbadgecredential\0\0\0\0\0" + award.vcJwt())
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(f.verify(twice, null).status()).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void rejectsCompressedBadgeChunk() throws Exception {
    byte[] plain = BadgeArtist.png(f.achievement, java.util.List.of());
    Deflater d = new Deflater();
    d.setInput(award.vcJwt().getBytes(StandardCharsets.UTF_8));
    d.finish();
    byte[] buf = new byte[8192];
    int n = d.deflate(buf);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.writeBytes("openbadgecredential".getBytes(StandardCharsets.ISO_8859_1));
    data.writeBytes(new byte[] {0, 1, 0, 0, 0});
    data.write(buf, 0, n);
    Verdict v = f.verify(insertBeforeIend(plain, chunk("iTXt", data.toByteArray())), null);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks().get(0).detail()).contains("compressed");
  }

  @Test
  void rejectsTruncatedPng() {
    byte[] cut = Arrays.copyOf(award.ob3Png(), award.ob3Png().length - 30);
    Verdict v = f.verify(cut, null);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks().get(0).detail()).contains("truncated");
  }

  @Test
  void svgWithExternalEntityReadsNothing() throws Exception {
    Path secret = tmp.resolve("secret.txt");
    Files.writeString(secret, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
    String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"" + SvgBaker.OB3_NS + "\">"
        + "<openbadges:credential>&xxe;</openbadges:credential></svg>";
    Verdict v = f.verify(svg.getBytes(StandardCharsets.UTF_8), null);
    assertThat(v.status()).isEqualTo(Verdict.Status.INVALID);
    assertThat(v.checks().toString()).doesNotContain("e30");
  }

  @Test
  void verifiesThirdPartySamplesWithEmbeddedKeys() throws Exception {
    BadgeVerifier verifier = new BadgeVerifier(u -> Optional.empty(), java.time.Instant.now(), true);
    for (String name : new String[] {"simple-jwt.png", "simple-jwt.svg", "simple-jwt_v1.png"}) {
      byte[] sample = Files.readAllBytes(Path.of("src/test/resources/openbadges/1edtech-validator/ob30", name));
      Verdict v = verifier.verify(sample, Optional.empty());
      assertThat(v.status()).as(name + " " + v.checks()).isEqualTo(Verdict.Status.VALID);
    }
    BadgeVerifier strict = new BadgeVerifier(u -> Optional.empty(), java.time.Instant.now(), false);
    assertThat(strict.verify(Files.readAllBytes(Path.of("src/test/resources/openbadges/1edtech-validator/ob30/simple-jwt.png")),
        Optional.empty()).status()).isEqualTo(Verdict.Status.INVALID);
  }

  @Test
  void verifiesThirdPartyOb2SampleAgainstItsDocuments() throws Exception {
    Path dir = Path.of("src/test/resources/openbadges/1edtech-validator/ob20");
    java.util.Map<String, Path> docs = java.util.Map.of(
        "http://example.org/key1.json", dir.resolve("key1.json"),
        "https://example.org/robotics-badge.json", dir.resolve("badgeclass1.json"),
        "http://example.org/issuer1.json", dir.resolve("issuer1.json"));
    DocumentSource source = url -> {
      Path p = docs.get(url);
      return p == null ? Optional.empty() : Optional.of(Files.readString(p));
    };
    Verdict v = new BadgeVerifier(source, java.time.Instant.now(), false)
        .verify(Files.readAllBytes(dir.resolve("simple.jwt")), Optional.empty());
    assertThat(v.checks()).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("signature");
      assertThat(c.result()).isEqualTo(Verdict.Result.PASS);
    });
    // The sample's issuer profile does not list the key, which the 2.0 rules require.
    assertThat(v.checks()).anySatisfy(c -> {
      assertThat(c.name()).isEqualTo("issuer key");
      assertThat(c.result()).isEqualTo(Verdict.Result.FAIL);
    });
  }

  private static byte[] insertBeforeIend(byte[] png, byte[] chunk) {
    int iend = png.length - 12;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, iend);
    out.writeBytes(chunk);
    out.write(png, iend, 12);
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + data.length);
    b.putInt(data.length);
    b.put(type.getBytes(StandardCharsets.ISO_8859_1));
    b.put(data);
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.ISO_8859_1));
    crc.update(data);
    b.putInt((int) crc.getValue());
    return b.array();
  }
}
