package org.starkit.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
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
  private final String keyName;
  private final CompactSigner signer;
  private final CompactSigner.Header ob3Header;
  private final CompactSigner.Header ob2Header;
  private final JsonEncoder plain = new JsonEncoder(Map.of());
  /** What every award of the last achievement and images shares, prepared once. */
  private volatile Prepared prepared;

  /**
   * The images cut for baking, and the JSON of the documents every credential of the achievement
   * embeds, made once for a roster's awards.
   */
  private record Prepared(Achievement achievement, byte[] png, String svg, JsonEncoder credentials,
      PngBaker.Template pngTemplate, SvgBaker.Template ob3Svg, SvgBaker.Template ob2Svg) {}

  public BadgeIssuer(CredentialFactory credentials, JWK key) throws JOSEException {
    this(credentials, key, new SecureRandom());
  }

  /** An issuer drawing ids and salts from {@code random}: tests use a seeded one, to compare outputs. */
  BadgeIssuer(CredentialFactory credentials, JWK key, Random random) throws JOSEException {
    this(credentials, key, random, null);
  }

  /** An issuer whose RS256 signatures {@code rsa} makes (null: the provider {@link RsaProviderLoader} finds). */
  BadgeIssuer(CredentialFactory credentials, JWK key, Random random, Provider rsa) throws JOSEException {
    this.random = random;
    this.credentials = credentials;
    this.key = key;
    this.keyName = SigningKeys.nameOf(key);
    this.signer = new CompactSigner(key, rsa);
    this.ob3Header = new CompactSigner.Header(new JWSHeader.Builder(signer.algorithm()).keyID(key.getKeyID())
        .type(JOSEObjectType.JWT).build());
    this.ob2Header = new CompactSigner.Header(new JWSHeader.Builder(signer.algorithm()).build());
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

  /** What makes the signatures, for the user: "AWS-LC v1.47.0 (ACCP 2.5.0)", "the JDK (SunRsaSign)". */
  public String signedWith() {
    return signer.provider() == null ? "the JDK (ES256, through Nimbus)" : RsaProviderLoader.describe(signer.provider());
  }

  /** What an organizer asks for: one learner's award. */
  public record Request(Achievement achievement, String email, Optional<String> name, Optional<String> evidence,
      Optional<String> narrative, Instant issued, Optional<Instant> expires) {}

  /** A signed award and its baked images. */
  public record Issued(String id, Achievement achievement, Instant issued, String vcJwt, String ob2Jws,
      byte[] ob3Png, String ob3Svg, byte[] ob2Png, String ob2Svg, Map<String, Object> credential) {}

  /** The recipient identifier: sha256 of the trimmed, lower-cased email followed by the salt. */
  public static String identityHash(String email, String salt) {
    byte[] digest = SHA256.get().digest((email.strip().toLowerCase(Locale.ROOT) + salt).getBytes(StandardCharsets.UTF_8));
    return "sha256$" + HexFormat.of().formatHex(digest);
  }

  /** One digest per thread: a provider look-up per award costs more than the hash. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  /** The random parts of one award: its id, its subject's id and the salt of the email's hash. */
  public record Draw(String id, String subjectId, String salt) {}

  /** Draws the random parts of the next award (version 4 UUIDs and a 128-bit salt). */
  public Draw draw() {
    byte[] b = new byte[48]; // the salt, then the award's id, then the subject's id: one read of the random source
    random.nextBytes(b);
    return new Draw("urn:uuid:" + uuid(b, 16), "urn:uuid:" + uuid(b, 32),
        Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(b, 16)));
  }

  private static UUID uuid(byte[] b, int at) {
    b[at + 6] = (byte) ((b[at + 6] & 0x0f) | 0x40);
    b[at + 8] = (byte) ((b[at + 8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(b, at, 16);
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
    Prepared p = prepare(r.achievement(), png, svg);
    String salt = draw.salt();
    String id = draw.id();
    CredentialFactory.Recipient recipient = new CredentialFactory.Recipient(draw.subjectId(),
        identityHash(r.email(), salt), salt, r.name().orElse(""));
    Instant from = r.issued().with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
    Optional<Instant> until = r.expires().map(e -> e.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0));
    CredentialFactory.AwardFacts facts = new CredentialFactory.AwardFacts(id, from, until, r.evidence(), r.narrative());
    Map<String, Object> credential = credentials.credential(r.achievement(), recipient, facts);
    String vcJwt = signer.sign(ob3Header, p.credentials().encode(claims(credential, recipient.subjectId(), from, until)));
    Map<String, Object> assertion = credentials.assertion(r.achievement(), recipient, facts, keyName);
    String ob2Jws = signer.sign(ob2Header, plain.encode(assertion));
    return new Issued(id, r.achievement(), from, vcJwt, ob2Jws, PngBaker.bake(p.pngTemplate(), PngBaker.OB3, vcJwt),
        p.ob3Svg().bake(vcJwt), PngBaker.bake(p.pngTemplate(), PngBaker.OB2, ob2Jws), p.ob2Svg().bake(ob2Jws),
        credential);
  }

  private Prepared prepare(Achievement a, byte[] png, String svg) throws PngBaker.BakeException {
    Prepared p = prepared;
    if (p != null && p.achievement() == a && p.png() == png && p.svg() == svg) {
      return p;
    }
    Map<String, Object> issuer = credentials.embeddedIssuer();
    Map<String, Object> achievement = credentials.embeddedAchievement(a);
    Map<Object, String> known = new IdentityHashMap<>();
    known.put(issuer, plain.encode(issuer));
    known.put(achievement, new JsonEncoder(known).encode(achievement));
    p = new Prepared(a, png, svg, new JsonEncoder(known), PngBaker.prepare(png), SvgBaker.prepare(svg, true),
        SvgBaker.prepare(svg, false));
    prepared = p;
    return p;
  }

  /**
   * The VC-JWT's claims: the credential's members and the registered claims (times in seconds since
   * the epoch), in the order Nimbus's {@code JWTClaimsSet.toJSONObject} writes them: a
   * {@link HashMap}'s, filled in that order (fixed by the names' String hash codes, so the same on
   * every run).
   */
  private static Map<String, Object> claims(Map<String, Object> credential, String subject, Instant from,
      Optional<Instant> until) {
    Map<String, Object> claims = new HashMap<>(); // grown one put at a time, as there: a presized table orders otherwise
    credential.forEach(claims::put);
    @SuppressWarnings("unchecked")
    Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
    claims.put("iss", issuer.get("id"));
    claims.put("jti", credential.get("id"));
    claims.put("sub", subject);
    claims.put("nbf", from.getEpochSecond());
    until.ifPresent(u -> claims.put("exp", u.getEpochSecond()));
    return claims;
  }

  static List<String> headerNames(JWSHeader header) {
    return List.copyOf(header.toJSONObject().keySet());
  }
}
