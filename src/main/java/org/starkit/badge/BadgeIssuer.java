package org.starkit.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.starkit.model.Achievement;

/**
 * Signs one award as an Open Badges 3.0 VC-JWT and an Open Badges 2.0 signed assertion, and
 * bakes both into the achievement's PNG and SVG. The learner's email is only ever hashed with a
 * fresh random salt; it appears in no output.
 */
public final class BadgeIssuer {
  private final Random random;
  private final CredentialFactory credentials;
  private final JWK key;
  private final JWSSigner signer;
  private final JWSAlgorithm alg;

  public BadgeIssuer(CredentialFactory credentials, JWK key) throws JOSEException {
    this(credentials, key, new SecureRandom());
  }

  /** An issuer drawing ids and salts from {@code random}: tests use a seeded one, to compare outputs. */
  BadgeIssuer(CredentialFactory credentials, JWK key, Random random) throws JOSEException {
    this.random = random;
    this.credentials = credentials;
    this.key = key;
    if (key.getKeyType().getValue().equals("EC")) {
      this.signer = new ECDSASigner(key.toECKey());
      this.alg = JWSAlgorithm.ES256;
    } else {
      this.signer = new RSASSASigner(key.toRSAKey());
      this.alg = JWSAlgorithm.RS256;
    }
  }

  /**
   * An issuer signing with the private key in {@code keyFile}, once it is sure the site publishes
   * that key's public half (see {@link SigningKeys#requirePublished}).
   */
  public static BadgeIssuer withKeyFile(CredentialFactory credentials, Path keyFile,
      List<org.starkit.model.PublicKey> published, BadgeUrls urls) throws IOException {
    JWK key = SigningKeys.readPrivate(keyFile);
    SigningKeys.requirePublished(key, published, urls);
    try {
      return new BadgeIssuer(credentials, key);
    } catch (JOSEException e) {
      throw new IOException(keyFile + " cannot sign badges: " + e.getMessage(), e);
    }
  }

  /** What an organizer asks for: one learner's award. */
  public record Request(Achievement achievement, String email, Optional<String> name, Optional<String> evidence,
      Optional<String> narrative, Instant issued, Optional<Instant> expires) {}

  /** A signed award and its baked images. */
  public record Issued(String id, Achievement achievement, Instant issued, String vcJwt, String ob2Jws,
      byte[] ob3Png, String ob3Svg, byte[] ob2Png, String ob2Svg, Map<String, Object> credential) {}

  /** The recipient identifier: sha256 of the trimmed, lower-cased email followed by the salt. */
  public static String identityHash(String email, String salt) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((email.strip().toLowerCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8));
      return "sha256$" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The random parts of one award: its id, its subject's id and the salt of the email's hash. */
  public record Draw(String id, String subjectId, String salt) {}

  /** Draws the random parts of the next award (version 4 UUIDs and a 128-bit salt). */
  public Draw draw() {
    byte[] saltBytes = new byte[16];
    random.nextBytes(saltBytes);
    return new Draw("urn:uuid:" + uuid(), "urn:uuid:" + uuid(),
        Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes));
  }

  private UUID uuid() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(b);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  public Issued issue(Request r, byte[] png, String svg) throws JOSEException, PngBaker.BakeException {
    return issue(r, draw(), png, svg);
  }

  /**
   * Signs and bakes one award with random parts drawn before: safe to call from several threads at
   * once (each signature gets its own {@link java.security.Signature}).
   */
  public Issued issue(Request r, Draw draw, byte[] png, String svg) throws JOSEException, PngBaker.BakeException {
    String salt = draw.salt();
    String id = draw.id();
    CredentialFactory.Recipient recipient = new CredentialFactory.Recipient(draw.subjectId(),
        identityHash(r.email(), salt), salt, r.name().orElse(""));
    Instant from = r.issued().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
    Optional<Instant> until = r.expires().map(e -> e.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0));
    CredentialFactory.AwardFacts facts = new CredentialFactory.AwardFacts(id, from, until, r.evidence(), r.narrative());
    Map<String, Object> credential = credentials.credential(r.achievement(), recipient, facts);
    String vcJwt = signCredential(credential, recipient.subjectId(), from, until);
    Map<String, Object> assertion = credentials.assertion(r.achievement(), recipient, facts, SigningKeys.nameOf(key));
    JWSObject ob2 = new JWSObject(new JWSHeader.Builder(alg).build(), new Payload(assertion));
    ob2.sign(signer);
    String ob2Jws = ob2.serialize();
    return new Issued(id, r.achievement(), from, vcJwt, ob2Jws, PngBaker.bake(png, PngBaker.OB3, vcJwt),
        SvgBaker.bake(svg, true, vcJwt), PngBaker.bake(png, PngBaker.OB2, ob2Jws), SvgBaker.bake(svg, false, ob2Jws),
        credential);
  }

  private String signCredential(Map<String, Object> credential, String subject, Instant from, Optional<Instant> until)
      throws JOSEException {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
    credential.forEach(claims::claim);
    @SuppressWarnings("unchecked")
    Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
    claims.issuer((String) issuer.get("id")).jwtID((String) credential.get("id")).subject(subject)
        .notBeforeTime(Date.from(from));
    until.ifPresent(u -> claims.expirationTime(Date.from(u)));
    JWSHeader header = new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    jwt.sign(signer);
    return jwt.serialize();
  }

  static List<String> headerNames(JWSHeader header) {
    return List.copyOf(header.toJSONObject().keySet());
  }
}
