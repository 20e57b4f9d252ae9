package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.model.Issuer;

/** The issuer's own JSON and JWS writing gives the very bytes Nimbus's JWT and JWS objects give. */
class CompactSignerTest {
  @TempDir
  static Path tmp;

  static BadgeFixture f;

  @BeforeAll
  static void fixture() throws Exception {
    f = new BadgeFixture(tmp.resolve("fixture"));
    f.build();
  }

  static String payload(String jws) {
    return new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  @Test
  void writesStringsAsNimbusDoes() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) {
      all.append(c);
    }
    all.append("\ud83d\ude00 \ufeff \uffff");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("text", all.toString());
    doc.put("k\"e\\y\n", List.of(true, false, 12L, 7, List.of(), Map.of()));
    doc.put("nested", Map.of("a", List.of("b", Map.of("c", "<&>='"))));
    assertThat(new JsonEncoder(Map.of()).encode(doc)).isEqualTo(JSONObjectUtils.toJSONString(doc));
  }

  @Test
  void pastesKnownDocumentsVerbatim() {
    Map<String, Object> shared = Map.of("id", "x");
    Map<Object, String> known = new IdentityHashMap<>();
    known.put(shared, "{\"id\":\"x\"}");
    assertThat(new JsonEncoder(known).encode(List.of(shared, Map.of("id", "x")))).isEqualTo("[{\"id\":\"x\"},{\"id\":\"x\"}]");
  }

  @Test
  void writesMembersOfSmallObjectsInTheOrderTheyAreGiven() throws Exception {
    // Map.of iterates in an order that differs between JVMs; the same award must serialise the same
    BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(f.urls,
        new Issuer("Example Workshops", f.base, "badges@example.org")), f.key, new Random(7));
    BadgeIssuer.Issued award = issuer.issue(new BadgeIssuer.Request(f.achievement, "learner@example.org",
        Optional.empty(), Optional.of("https://example.org/work"), Optional.empty(),
        Instant.parse("2026-03-01T10:00:00Z"), Optional.empty()), BadgeArtist.png(f.achievement, List.of("beginner")),
        BadgeArtist.svg(f.achievement, List.of("beginner")));
    assertThat(payload(award.ob2Jws())).contains("\"recipient\":{\"type\":\"email\",\"hashed\":true,\"salt\":")
        .contains("\"verification\":{\"type\":\"SignedBadge\",\"creator\":");
    assertThat(payload(award.vcJwt())).contains("\"evidence\":[{\"id\":\"https://example.org/work\",\"type\":[")
        .contains("\"credentialStatus\":{\"id\":");
  }

  @Test
  void signsAwardsAsNimbusSignsThem() throws Exception {
    BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(f.urls,
        new Issuer("Example \"Workshops\"", f.base, "badges@example.org")), f.key, new Random(7));
    byte[] png = BadgeArtist.png(f.achievement, List.of("beginner"));
    String svg = BadgeArtist.svg(f.achievement, List.of("beginner"));
    Instant issued = Instant.parse("2026-03-01T10:00:00Z");
    Instant until = Instant.parse("2027-03-01T10:00:00Z");
    RSASSASigner nimbus = new RSASSASigner(f.key.toRSAKey());
    for (int i = 0; i < 3; i++) {
      BadgeIssuer.Request r = new BadgeIssuer.Request(f.achievement, "learner" + i + "@example.org",
          Optional.of("Lé \"" + i + "\""), Optional.of("https://example.org/work/" + i),
          Optional.of("Made a\ngame\u2028"), issued, i == 1 ? Optional.empty() : Optional.of(until));
      BadgeIssuer.Issued award = issuer.issue(r, png, svg);

      JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
      award.credential().forEach(claims::claim);
      @SuppressWarnings("unchecked")
      Map<String, Object> iss = (Map<String, Object>) award.credential().get("issuer");
      @SuppressWarnings("unchecked")
      Map<String, Object> subject = (Map<String, Object>) award.credential().get("credentialSubject");
      claims.issuer((String) iss.get("id")).jwtID(award.id()).subject((String) subject.get("id"))
          .notBeforeTime(Date.from(issued));
      if (i != 1) {
        claims.expirationTime(Date.from(until));
      }
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(f.key.getKeyID())
          .type(JOSEObjectType.JWT).build(), claims.build());
      jwt.sign(nimbus);
      assertThat(award.vcJwt()).isEqualTo(jwt.serialize());

      String assertion = payload(award.ob2Jws());
      assertThat(assertion).isEqualTo(JSONObjectUtils.toJSONString(JSONObjectUtils.parse(assertion)));
      JWSObject ob2 = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), new Payload(assertion));
      ob2.sign(nimbus);
      assertThat(award.ob2Jws()).isEqualTo(ob2.serialize());

      assertThat(award.ob3Png()).isEqualTo(PngBaker.bake(png, PngBaker.OB3, award.vcJwt()));
      assertThat(award.ob2Svg()).isEqualTo(SvgBaker.bake(svg, false, award.ob2Jws()));
      assertThat(PngBaker.unbake(award.ob2Png())).isEqualTo(new PngBaker.Baked(PngBaker.OB2, award.ob2Jws()));
    }
  }
}
