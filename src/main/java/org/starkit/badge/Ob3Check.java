package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/**
 * The checks of an Open Badges 3.0 credential, a VC-JWT or one with embedded Data Integrity
 * proofs, in the order the specification gives them.
 */
final class Ob3Check {
  private final BadgeVerifier verifier;
  private final JWSObject jws;
  private final jakarta.json.JsonObject secured;
  private final JsonNode credential;
  private final JsonNode claims;
  private final List<Check> checks;
  private final Optional<String> email;

  Ob3Check(BadgeVerifier verifier, JWSObject jws, JsonNode credential, JsonNode claims, List<Check> checks,
      Optional<String> email) {
    this.verifier = verifier;
    this.jws = jws;
    this.secured = null;
    this.credential = credential;
    this.claims = claims;
    this.checks = checks;
    this.email = email;
  }

  /** A credential secured with embedded Data Integrity proofs instead of a JWS. */
  Ob3Check(BadgeVerifier verifier, JsonNode credential, jakarta.json.JsonObject secured, List<Check> checks,
      Optional<String> email) {
    this.verifier = verifier;
    this.jws = null;
    this.secured = secured;
    this.credential = credential;
    this.claims = credential;
    this.checks = checks;
    this.email = email;
  }

  Verdict run() {
    String issuerId = credential.path("issuer").isTextual() ? credential.path("issuer").asText()
        : credential.path("issuer").path("id").asText();
    if (jws == null) {
      new DataIntegrityVerifier(verifier.trustEmbeddedKey()).verify(secured, issuerId, checks);
      validFrom();
    } else {
      jwt(issuerId);
    }
    if (claims.has("vc")) {
      checks.add(new Check("schema", Result.WARN, "a VCDM 1.1 credential (vc claim): the Open Badges 3.0 schema"
          + " describes VCDM 2.0 credentials, so it was not applied"));
    } else {
      SchemaCheck.check(credential, checks);
    }
    boolean revoked = revoked();
    boolean expired = expired();
    recipient();
    String name = credential.path("credentialSubject").path("achievement").path("name").asText(credential.path("name").asText());
    String summary = "'" + name + "' issued by " + credential.path("issuer").path("name").asText(issuerId) + " on "
        + credential.path("validFrom").asText(credential.path("issuanceDate").asText());
    return BadgeVerifier.conclude("Open Badges 3.0", checks, revoked, expired, summary);
  }

  private void jwt(String issuerId) {
    Set<String> headers = new HashSet<>(jws.getHeader().toJSONObject().keySet());
    headers.removeAll(BadgeVerifier.ob3Headers());
    headers.remove("jwk");
    if (!headers.isEmpty()) {
      checks.add(new Check("header", Result.FAIL, "headers other than alg, kid and typ are not allowed: " + headers));
    } else if (jws.getHeader().getType() != null && !"JWT".equals(jws.getHeader().getType().getType())) {
      checks.add(new Check("header", Result.FAIL, "typ must be JWT"));
    } else {
      checks.add(new Check("header", Result.PASS, "alg, kid, typ only"));
    }
    Optional<JWK> key = key(issuerId);
    if (key.isPresent()) {
      boolean ok = BadgeVerifier.signatureValid(jws, key.get());
      checks.add(new Check("signature", ok ? Result.PASS : Result.FAIL,
          ok ? "valid " + jws.getHeader().getAlgorithm() + " signature" : "the signature does not match: the badge was changed"));
    }
    claims(issuerId);
  }

  /** Without JWT claims to compare, only that the credential is already valid. */
  private void validFrom() {
    String from = credential.path("validFrom").asText(credential.path("issuanceDate").asText(""));
    try {
      boolean future = Instant.parse(from).isAfter(verifier.now());
      checks.add(new Check("valid from", future ? Result.FAIL : Result.PASS, (future ? "not valid before " : "valid since ")
          + from));
    } catch (RuntimeException e) {
      checks.add(new Check("valid from", Result.FAIL, "validFrom is not a date-time: '" + from + "'"));
    }
  }

  private Optional<JWK> key(String issuerId) {
    String kid = jws.getHeader().getKeyID();
    if (kid == null) {
      JWK embedded = jws.getHeader().getJWK();
      if (embedded != null && verifier.trustEmbeddedKey() && !embedded.isPrivate()) {
        checks.add(new Check("issuer key", Result.WARN, "the key is embedded in the badge: this proves the badge"
            + " is intact, not who issued it"));
        return Optional.of(embedded);
      }
      checks.add(new Check("issuer key", Result.FAIL, embedded == null ? "the badge names no key (no kid)"
          : "the key is embedded in the badge, not published by the issuer (use --trust-embedded-key to check integrity only)"));
      return Optional.empty();
    }
    String base = issuerId.contains("/") ? issuerId.substring(0, issuerId.lastIndexOf('/') + 1) : "";
    if (base.isEmpty() || !kid.startsWith(base + "keys/")) {
      checks.add(new Check("issuer key", Result.FAIL, "the key " + kid + " is not one the issuer publishes (" + base
          + "keys/)"));
      return Optional.empty();
    }
    Optional<JsonNode> jwks = verifier.document(base + "keys/jwks.json", checks, "issuer key");
    Optional<JsonNode> doc = verifier.document(kid, checks, "issuer key");
    if (jwks.isEmpty() || doc.isEmpty()) {
      return Optional.empty();
    }
    Optional<JWK> listed = BadgeVerifier.jwkFromSet(jwks.get(), kid);
    try {
      JWK published = JWK.parse(doc.get().toString());
      if (listed.isEmpty() || !listed.get().toPublicJWK().equals(published.toPublicJWK())) {
        checks.add(new Check("issuer key", Result.FAIL, "the key " + kid + " is not in the issuer's key set"));
        return Optional.empty();
      }
      checks.add(new Check("issuer key", Result.PASS, kid + " is published by the issuer"));
      return Optional.of(published);
    } catch (java.text.ParseException e) {
      checks.add(new Check("issuer key", Result.FAIL, kid + " is not a JWK"));
      return Optional.empty();
    }
  }

  private void claims(String issuerId) {
    StringBuilder wrong = new StringBuilder();
    if (!issuerId.equals(claims.path("iss").asText())) {
      wrong.append(" iss differs from issuer.id;");
    }
    if (!credential.path("id").asText().equals(claims.path("jti").asText())) {
      wrong.append(" jti differs from id;");
    }
    String subject = credential.path("credentialSubject").path("id").asText("");
    if (!claims.has("sub")) {
      checks.add(new Check("claims", Result.WARN, "no sub claim (older issuers leave it out)"));
    } else if (!subject.equals(claims.path("sub").asText(""))) {
      wrong.append(" sub differs from credentialSubject.id;");
    }
    String from = credential.path("validFrom").asText(credential.path("issuanceDate").asText(""));
    try {
      Instant validFrom = Instant.parse(from);
      if (claims.has("nbf") && claims.path("nbf").asLong() != validFrom.getEpochSecond()) {
        wrong.append(" nbf differs from validFrom;");
      }
      if (validFrom.isAfter(verifier.now())) {
        wrong.append(" validFrom is in the future;");
      }
    } catch (RuntimeException e) {
      wrong.append(" validFrom is not a date-time;");
    }
    if (credential.has("validUntil") && claims.has("exp")
        && Instant.parse(credential.path("validUntil").asText()).getEpochSecond() != claims.path("exp").asLong()) {
      wrong.append(" exp differs from validUntil;");
    }
    checks.add(new Check("claims", wrong.isEmpty() ? Result.PASS : Result.FAIL,
        wrong.isEmpty() ? "iss, jti, sub, nbf and exp match the credential" : wrong.toString().strip()));
  }

  private boolean revoked() {
    JsonNode status = credential.path("credentialStatus");
    if (!"1EdTechRevocationList".equals(status.path("type").asText())) {
      checks.add(new Check("revocation", Result.SKIP, "the badge names no revocation list"));
      return false;
    }
    Optional<JsonNode> list = verifier.document(status.path("id").asText(), checks, "revocation");
    if (list.isEmpty()) {
      return false;
    }
    for (JsonNode entry : list.get().path("revokedCredential")) {
      if (entry.path("id").asText().equals(credential.path("id").asText()) && entry.path("revoked").asBoolean(true)) {
        checks.add(new Check("revocation", Result.WARN, "revoked: " + entry.path("revocationReason").asText("no reason given")));
        return true;
      }
    }
    checks.add(new Check("revocation", Result.PASS, "not revoked"));
    return false;
  }

  private boolean expired() {
    String until = credential.path("validUntil").asText(credential.path("expirationDate").asText(""));
    if (until.isEmpty()) {
      checks.add(new Check("expiry", Result.PASS, "does not expire"));
      return false;
    }
    boolean expired = Instant.parse(until).isBefore(verifier.now());
    checks.add(new Check("expiry", expired ? Result.WARN : Result.PASS, (expired ? "expired on " : "valid until ") + until));
    return expired;
  }

  private void recipient() {
    if (email.isEmpty()) {
      checks.add(new Check("recipient", Result.SKIP, "give --email to check who it was awarded to"));
      return;
    }
    for (JsonNode id : credential.path("credentialSubject").path("identifier")) {
      if ("emailAddress".equals(id.path("identityType").asText())) {
        String hash = BadgeIssuer.identityHash(email.get(), id.path("salt").asText(""));
        boolean match = id.path("hashed").asBoolean() ? hash.equalsIgnoreCase(id.path("identityHash").asText())
            : email.get().strip().equalsIgnoreCase(id.path("identityHash").asText());
        checks.add(new Check("recipient", match ? Result.PASS : Result.FAIL,
            match ? "awarded to this email" : "not awarded to this email"));
        return;
      }
    }
    checks.add(new Check("recipient", Result.FAIL, "the badge names no email recipient"));
  }
}
