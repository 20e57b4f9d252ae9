package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/** The checks of an Open Badges 2.0 signed assertion (spec steps 1 to 7). */
final class Ob2Check {
  private final BadgeVerifier verifier;
  private final JWSObject jws;
  private final JsonNode assertion;
  private final List<Check> checks;
  private final Optional<String> email;

  Ob2Check(BadgeVerifier verifier, JWSObject jws, JsonNode assertion, List<Check> checks, Optional<String> email) {
    this.verifier = verifier;
    this.jws = jws;
    this.assertion = assertion;
    this.checks = checks;
    this.email = email;
  }

  Verdict run() {
    String creator = assertion.path("verification").path("creator").asText("");
    Optional<JsonNode> badge = verifier.document(assertion.path("badge").asText(), checks, "badge class");
    Optional<JsonNode> issuer = badge.flatMap(b -> verifier.document(b.path("issuer").asText(), checks, "issuer"));
    boolean listed = false;
    if (issuer.isPresent()) {
      JsonNode keys = issuer.get().path("publicKey");
      for (JsonNode k : keys.isArray() ? keys : List.of(keys)) {
        listed |= k.asText().equals(creator);
      }
      checks.add(new Check("issuer key", listed ? Result.PASS : Result.FAIL,
          listed ? creator + " is listed by the issuer" : "the key " + creator + " is not listed in the issuer's profile"));
    }
    if (!creator.isEmpty()) {
      verifier.document(creator, checks, "signature").ifPresent(key -> {
        try {
          JWK jwk = SigningKeys.fromPem(key.path("publicKeyPem").asText());
          boolean ok = BadgeVerifier.signatureValid(jws, jwk);
          checks.add(new Check("signature", ok ? Result.PASS : Result.FAIL,
              ok ? "valid signature" : "the signature does not match: the badge was changed"));
        } catch (Exception e) {
          checks.add(new Check("signature", Result.FAIL, "the key document holds no usable public key"));
        }
      });
    }
    boolean ok = assertion.path("type").asText().equals("Assertion") && assertion.has("recipient")
        && assertion.has("issuedOn") && assertion.has("id");
    checks.add(new Check("structure", ok ? Result.PASS : Result.FAIL,
        ok ? "an Assertion with id, recipient, badge and issuedOn" : "not a complete Open Badges 2.0 Assertion"));
    boolean revoked = issuer.map(this::revoked).orElse(false);
    boolean expired = false;
    if (assertion.has("expires")) {
      expired = Instant.parse(assertion.path("expires").asText()).isBefore(verifier.now());
      checks.add(new Check("expiry", expired ? Result.WARN : Result.PASS,
          (expired ? "expired on " : "valid until ") + assertion.path("expires").asText()));
    } else {
      checks.add(new Check("expiry", Result.PASS, "does not expire"));
    }
    recipient();
    String summary = "'" + badge.map(b -> b.path("name").asText()).orElse("?") + "' issued by "
        + issuer.map(i -> i.path("name").asText()).orElse("?") + " on " + assertion.path("issuedOn").asText();
    return BadgeVerifier.conclude("Open Badges 2.0", checks, revoked, expired, summary);
  }

  private boolean revoked(JsonNode issuer) {
    if (!issuer.has("revocationList")) {
      checks.add(new Check("revocation", Result.SKIP, "the issuer publishes no revocation list"));
      return false;
    }
    Optional<JsonNode> list = verifier.document(issuer.path("revocationList").asText(), checks, "revocation");
    if (list.isEmpty()) {
      return false;
    }
    String id = assertion.path("id").asText();
    for (JsonNode e : list.get().path("revokedAssertions")) {
      String entry = e.isTextual() ? e.asText() : e.path("id").asText(e.path("uid").asText());
      if (entry.equals(id)) {
        checks.add(new Check("revocation", Result.WARN, "revoked: " + e.path("revocationReason").asText("no reason given")));
        return true;
      }
    }
    checks.add(new Check("revocation", Result.PASS, "not revoked"));
    return false;
  }

  private void recipient() {
    if (email.isEmpty()) {
      checks.add(new Check("recipient", Result.SKIP, "give --email to check who it was awarded to"));
      return;
    }
    JsonNode r = assertion.path("recipient");
    String expected = r.path("identity").asText();
    boolean match = r.path("hashed").asBoolean() ? BadgeIssuer.identityHash(email.get(), r.path("salt").asText(""))
        .equalsIgnoreCase(expected) : email.get().strip().equalsIgnoreCase(expected);
    checks.add(new Check("recipient", match ? Result.PASS : Result.FAIL,
        match ? "awarded to this email" : "not awarded to this email"));
  }
}
