package org.starkit.badge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/** The checks of an Open Badges 2.0 assertion, signed (spec steps 1 to 7) or hosted ({@code jws} null). */
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
    JsonNode baked = assertion;
    boolean hosted = jws == null;
    String version = hosted ? "Open Badges 2.0 (hosted)" : "Open Badges 2.0";
    boolean hostedRevoked = false;
    if (hosted) {
      Optional<JsonNode> copy = hostedCopy();
      if (copy.isEmpty()) {
        return BadgeVerifier.conclude(version, checks, false, false, "");
      }
      baked = copy.get();
      hostedRevoked = baked.path("revoked").asBoolean(false);
      if (hostedRevoked) {
        checks.add(new Check("revocation", Result.WARN,
            "revoked: " + baked.path("revocationReason").asText("no reason given")));
      }
    }
    JsonNode a = baked;
    Optional<JsonNode> badge = linked(a.path("badge"), "badge class");
    Optional<JsonNode> issuer = badge.flatMap(b -> linked(b.path("issuer"), "issuer"));
    if (hosted) {
      issuer.ifPresent(i -> scope(a, i));
    } else {
      key(a, issuer);
    }
    boolean ok = a.path("type").asText().equals("Assertion") && a.has("recipient")
        && a.has("issuedOn") && a.has("id");
    checks.add(new Check("structure", ok ? Result.PASS : Result.FAIL,
        ok ? "an Assertion with id, recipient, badge and issuedOn" : "not a complete Open Badges 2.0 Assertion"));
    boolean revoked = hostedRevoked || (!hosted && issuer.map(i -> revoked(a, i)).orElse(false));
    boolean expired = false;
    if (a.has("expires")) {
      expired = Instant.parse(a.path("expires").asText()).isBefore(verifier.now());
      checks.add(new Check("expiry", expired ? Result.WARN : Result.PASS,
          (expired ? "expired on " : "valid until ") + a.path("expires").asText()));
    } else {
      checks.add(new Check("expiry", Result.PASS, "does not expire"));
    }
    recipient(a);
    String summary = "'" + badge.map(b -> b.path("name").asText()).orElse("?") + "' issued by "
        + issuer.map(i -> i.path("name").asText()).orElse("?") + " on " + a.path("issuedOn").asText();
    return BadgeVerifier.conclude(version, checks, revoked, expired, summary);
  }

  /** A hosted badge is only a pointer: the assertion at its id is the source of truth. */
  private Optional<JsonNode> hostedCopy() {
    String type = assertion.path("verification").path("type").asText("");
    if (!type.equals("HostedBadge") && !type.equals("hosted")) {
      checks.add(new Check("verification", Result.FAIL, "an unsigned 2.0 assertion must be a hosted badge"
          + " (verification.type HostedBadge), not '" + type + "'"));
      return Optional.empty();
    }
    String id = assertion.path("id").asText("");
    Optional<JsonNode> copy = linked(assertion.path("id"), "hosted copy");
    if (copy.isEmpty()) {
      checks.add(new Check("hosted", Result.FAIL, "a hosted badge: it only points to the assertion the issuer hosts at "
          + (id.isEmpty() ? "its id" : id) + ", which must be fetched from the issuer to verify it (or given with --document "
          + (id.isEmpty() ? "URL" : id) + "=FILE)"));
      return Optional.empty();
    }
    List<String> differ = new java.util.ArrayList<>();
    for (String field : List.of("badge", "recipient", "issuedOn", "expires")) {
      if (!assertion.path(field).equals(copy.get().path(field))) {
        differ.add(field);
      }
    }
    String vtype = copy.get().path("verification").path("type").asText("");
    if (!vtype.equals("HostedBadge") && !vtype.equals("hosted")) {
      differ.add("verification");
    }
    checks.add(new Check("hosted copy", differ.isEmpty() ? Result.PASS : Result.FAIL, differ.isEmpty()
        ? "a hosted badge matching the assertion hosted at " + id + ", which decides"
        : "the assertion hosted at " + id + " differs from the baked badge in " + String.join(", ", differ)));
    return copy;
  }

  /** The hosted assertion must be served from the issuer's origin (or one it allows) and prefix. */
  private void scope(JsonNode a, JsonNode issuer) {
    String id = a.path("id").asText("");
    JsonNode policy = issuer.path("verification");
    List<String> origins = new java.util.ArrayList<>();
    for (JsonNode o : policy.path("allowedOrigins").isArray() ? policy.path("allowedOrigins")
        : policy.has("allowedOrigins") ? List.of(policy.path("allowedOrigins")) : List.<JsonNode>of()) {
      origins.add(o.asText());
    }
    if (origins.isEmpty()) {
      origins.add(host(issuer.path("id").asText("")));
    }
    String prefix = policy.path("startsWith").asText("");
    boolean ok = origins.contains(host(id)) && id.startsWith(prefix);
    checks.add(new Check("hosted scope", ok ? Result.PASS : Result.FAIL, ok ? "hosted on " + host(id) + ", allowed by the issuer"
        : "the assertion is hosted at " + id + ", which the issuer does not allow (" + String.join(", ", origins)
        + (prefix.isEmpty() ? "" : ", starting with " + prefix) + ")"));
  }

  private static String host(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The key must be the assertion's creator, listed by the issuer profile, and owned by the issuer. */
  private void key(JsonNode a, Optional<JsonNode> issuer) {
    String creator = a.path("verification").path("creator").asText("");
    if (creator.isEmpty()) {
      checks.add(new Check("issuer key", Result.FAIL, "the assertion names no key (verification.creator)"));
      return;
    }
    if (issuer.isPresent()) {
      JsonNode keys = issuer.get().path("publicKey");
      boolean listed = false;
      for (JsonNode k : keys.isArray() ? keys : List.of(keys)) {
        listed |= k.asText().equals(creator);
      }
      String id = issuer.get().path("id").asText();
      checks.add(new Check("issuer key", listed ? Result.PASS : Result.FAIL, listed ? creator + " is listed by the issuer"
          : "the issuer profile " + id + " does not list the key " + creator + " in its publicKey"));
    }
    linked(TextNode.valueOf(creator), "key").ifPresent(key -> {
      String owner = key.path("owner").asText("");
      issuer.ifPresent(i -> {
        boolean owned = owner.equals(i.path("id").asText());
        checks.add(new Check("key owner", owned ? Result.PASS : Result.FAIL, owned ? "the key belongs to the issuer"
            : "the key's owner is " + (owner.isEmpty() ? "not given" : owner) + ", not the issuer " + i.path("id").asText()));
      });
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

  /** A linked document, which must say it is the one at that address; an embedded badge class is taken as is. */
  private Optional<JsonNode> linked(JsonNode ref, String what) {
    if (ref.isObject() && what.equals("badge class")) {
      return Optional.of(ref);
    }
    String url = ref.isObject() ? ref.path("id").asText("") : ref.asText("");
    if (url.isEmpty()) {
      checks.add(new Check(what, Result.FAIL, "the badge names no " + what));
      return Optional.empty();
    }
    Optional<JsonNode> doc = verifier.document(url, checks, what);
    doc.ifPresent(d -> {
      String id = d.path("id").asText("");
      if (!id.equals(url)) {
        checks.add(new Check(what, Result.FAIL, "the document at " + url + " says it is "
            + (id.isEmpty() ? "nothing (no id)" : id) + ", so it is not the " + what + " the badge links to"));
      }
    });
    return doc;
  }

  private boolean revoked(JsonNode a, JsonNode issuer) {
    if (!issuer.has("revocationList")) {
      checks.add(new Check("revocation", Result.SKIP, "the issuer publishes no revocation list"));
      return false;
    }
    Optional<JsonNode> list = verifier.document(issuer.path("revocationList").asText(), checks, "revocation");
    if (list.isEmpty()) {
      return false;
    }
    String id = a.path("id").asText();
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

  private void recipient(JsonNode a) {
    if (email.isEmpty()) {
      checks.add(new Check("recipient", Result.SKIP, "give --email to check who it was awarded to"));
      return;
    }
    JsonNode r = a.path("recipient");
    String expected = r.path("identity").asText();
    boolean match = r.path("hashed").asBoolean() ? BadgeIssuer.identityHash(email.get(), r.path("salt").asText(""))
        .equalsIgnoreCase(expected) : email.get().strip().equalsIgnoreCase(expected);
    checks.add(new Check("recipient", match ? Result.PASS : Result.FAIL,
        match ? "awarded to this email" : "not awarded to this email"));
  }
}
