package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/**
 * Verifies a badge given as a baked PNG or SVG, a compact JWS or JSON, in Open Badges 3.0 or
 * 2.0: signature, key published by the issuer, claims, schema, revocation, expiry, recipient.
 */
public final class BadgeVerifier {
  private static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final Set<String> OB3_HEADERS = Set.of("alg", "kid", "typ");

  private final DocumentSource documents;
  private final Instant now;
  private final boolean trustEmbeddedKey;
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper strictJson = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /**
   * @param trustEmbeddedKey accept a key carried in the badge itself ({@code jwk} header, or a
   *     Data Integrity verification method that is its own Multikey), which
   *     proves integrity but not who issued it
   */
  public BadgeVerifier(DocumentSource documents, Instant now, boolean trustEmbeddedKey) {
    this.documents = documents;
    this.now = now;
    this.trustEmbeddedKey = trustEmbeddedKey;
  }

  public Verdict verify(byte[] input, Optional<String> email) {
    List<Check> checks = new ArrayList<>();
    String jws;
    try {
      jws = BadgeExtractor.extract(input);
      checks.add(new Check("read", Result.PASS, "found " + (BadgeExtractor.isAssertion(jws) ? "an unsigned" : "a signed")
          + " badge (" + BadgeExtractor.describe(input) + ")"));
    } catch (PngBaker.BakeException e) {
      checks.add(new Check("read", Result.FAIL, e.getMessage()));
      return new Verdict(Verdict.Status.INVALID, "unknown", checks, "");
    }
    if (jws.startsWith("{")) {
      return verifyProof(jws, checks, email);
    }
    JWSObject object;
    JsonNode payload;
    try {
      object = JWSObject.parse(jws);
      payload = json.readTree(object.getPayload().toString());
    } catch (Exception e) {
      checks.add(new Check("format", Result.FAIL, "not a signed JWS: " + e.getMessage()));
      return new Verdict(Verdict.Status.INVALID, "unknown", checks, "");
    }
    JWSAlgorithm alg = object.getHeader().getAlgorithm();
    if (!ALLOWED.contains(alg)) {
      checks.add(new Check("algorithm", Result.FAIL, alg + " is not accepted; badges must be signed with RS256 or ES256"));
      return new Verdict(Verdict.Status.INVALID, "unknown", checks, "");
    }
    checks.add(new Check("algorithm", Result.PASS, alg.getName()));
    boolean ob3 = payload.has("credentialSubject") || payload.has("vc");
    return ob3 ? new Ob3Check(this, object, payload.has("vc") ? payload.get("vc") : payload, payload, checks, email).run()
        : new Ob2Check(this, object, payload, checks, email).run();
  }

  private Verdict verifyProof(String text, List<Check> checks, Optional<String> email) {
    JsonNode credential;
    jakarta.json.JsonObject secured;
    try {
      credential = strictJson.readTree(text);
      try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
        secured = reader.readObject();
      }
    } catch (Exception e) {
      checks.add(new Check("format", Result.FAIL, "not a JSON credential: " + e.getMessage()));
      return new Verdict(Verdict.Status.INVALID, "unknown", checks, "");
    }
    if (BadgeExtractor.isAssertion(text)) {
      return new Ob2Check(this, null, credential, checks, email).run();
    }
    if (!credential.has("credentialSubject")) {
      checks.add(new Check("format", Result.FAIL, "an embedded proof is only checked on Open Badges 3.0 credentials"));
      return new Verdict(Verdict.Status.INVALID, "unknown", checks, "");
    }
    return new Ob3Check(this, credential, secured, checks, email).run();
  }

  Optional<JsonNode> document(String url, List<Check> checks, String what) {
    try {
      Optional<String> text = documents.fetch(url);
      if (text.isEmpty()) {
        checks.add(new Check(what, Result.FAIL, "could not get " + url + ": there is no document at that address"));
        return Optional.empty();
      }
      return Optional.of(json.readTree(text.get()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      checks.add(new Check(what, Result.FAIL, "could not read " + url + ": it is not JSON ("
          + e.getOriginalMessage() + ")"));
      return Optional.empty();
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      checks.add(new Check(what, Result.FAIL, "could not read " + url + ": " + why));
      return Optional.empty();
    }
  }

  static boolean signatureValid(JWSObject object, JWK key) {
    try {
      JWSVerifier v = key.getKeyType().getValue().equals("EC") ? new ECDSAVerifier(key.toECKey().toPublicJWK())
          : new RSASSAVerifier(key.toRSAKey().toPublicJWK());
      return object.verify(v);
    } catch (Exception e) {
      return false;
    }
  }

  static Optional<JWK> jwkFromSet(JsonNode jwks, String kid) {
    try {
      return Optional.ofNullable(JWKSet.parse(jwks.toString()).getKeyByKeyId(kid));
    } catch (java.text.ParseException e) {
      return Optional.empty();
    }
  }

  Instant now() {
    return now;
  }

  boolean trustEmbeddedKey() {
    return trustEmbeddedKey;
  }

  static Set<String> ob3Headers() {
    return OB3_HEADERS;
  }

  static Verdict conclude(String version, List<Check> checks, boolean revoked, boolean expired, String summary) {
    boolean failed = checks.stream().anyMatch(c -> c.result() == Result.FAIL);
    Verdict.Status status = failed ? Verdict.Status.INVALID : revoked ? Verdict.Status.REVOKED
        : expired ? Verdict.Status.EXPIRED : Verdict.Status.VALID;
    return new Verdict(status, version, checks, summary);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
