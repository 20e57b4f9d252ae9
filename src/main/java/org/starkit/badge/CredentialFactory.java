package org.starkit.badge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.model.Achievement;
import org.starkit.model.Issuer;

/**
 * Builds the JSON documents of Open Badges 3.0 and 2.0 as ordered maps: achievements, issuer
 * profiles, credentials and assertions. Pure: no keys, no clock, no randomness.
 */
public final class CredentialFactory {
  public static final List<String> OB3_CONTEXT = List.of("https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json");
  public static final String OB2_CONTEXT = "https://w3id.org/openbadges/v2";
  public static final String SCHEMA =
      "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

  private final BadgeUrls urls;
  private final Issuer issuer;
  /** The issuer as every credential embeds it: built once, shared by every award, never changed. */
  private final Map<String, Object> embeddedIssuer;
  /** The last achievement embedded, and its shared, unchangeable document. */
  private volatile Shared last;

  private record Shared(Achievement achievement, Map<String, Object> document) {}

  /** The last time written, and its text: a roster's awards share their dates. */
  private volatile Written written;

  private record Written(Instant time, String text) {}

  private String text(Instant time) {
    Written w = written;
    if (w == null || !w.time().equals(time)) {
      w = new Written(time, time.toString());
      written = w;
    }
    return w.text();
  }

  public CredentialFactory(BadgeUrls urls, Issuer issuer) {
    this.urls = urls;
    this.issuer = issuer;
    this.embeddedIssuer = java.util.Collections.unmodifiableMap(embeddedProfile());
  }

  /** The award's recipient: a salted hash of the email, and a per-award subject id. */
  public record Recipient(String subjectId, String identityHash, String salt, String name) {}

  /** What one award says, besides the achievement. */
  public record AwardFacts(String id, Instant validFrom, Optional<Instant> validUntil, Optional<String> evidence,
      Optional<String> narrative) {}

  public Map<String, Object> profile() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("@context", OB3_CONTEXT.subList(0, 2));
    p.put("id", urls.issuer());
    p.put("type", List.of("Profile"));
    p.put("name", issuer.name());
    p.put("url", issuer.url().isEmpty() ? urls.base() : issuer.url());
    if (!issuer.email().isEmpty()) {
      p.put("email", issuer.email());
    }
    return p;
  }

  private Map<String, Object> embeddedProfile() {
    Map<String, Object> p = new LinkedHashMap<>(profile());
    p.remove("@context");
    return p;
  }

  public Map<String, Object> achievement(Achievement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", urls.achievement(a.id()));
    m.put("type", List.of("Achievement"));
    m.put("achievementType", "Badge");
    m.put("name", a.name());
    m.put("description", a.description());
    Map<String, Object> criteria = new LinkedHashMap<>();
    criteria.put("id", urls.page(a.id()));
    criteria.put("narrative", a.narrative());
    m.put("criteria", criteria);
    m.put("image", fields("id", urls.image(a.id()), "type", "Image"));
    if (!a.tags().isEmpty()) {
      m.put("tag", a.tags());
    }
    m.put("creator", embeddedProfile());
    return m;
  }

  /** The Achievement as a standalone JSON-LD document, for its permanent address. */
  /** The issuer as credentials embed it; the same unchangeable map every time. */
  Map<String, Object> embeddedIssuer() {
    return embeddedIssuer;
  }

  /**
   * The achievement as credentials embed it: for the same achievement as the previous call (a
   * roster's awards), the same unchangeable map, built once.
   */
  Map<String, Object> embeddedAchievement(Achievement a) {
    Shared s = last;
    if (s == null || s.achievement() != a) {
      Map<String, Object> m = achievement(a);
      m.put("creator", embeddedIssuer);
      s = new Shared(a, java.util.Collections.unmodifiableMap(m));
      last = s;
    }
    return s.document();
  }

  public Map<String, Object> achievementDocument(Achievement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", OB3_CONTEXT.subList(0, 2));
    m.putAll(achievement(a));
    return m;
  }

  public Map<String, Object> credential(Achievement a, Recipient r, AwardFacts f) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("@context", OB3_CONTEXT);
    c.put("id", f.id());
    c.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
    c.put("issuer", embeddedIssuer);
    c.put("validFrom", text(f.validFrom()));
    f.validUntil().ifPresent(u -> c.put("validUntil", u.toString()));
    c.put("name", a.name());
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("id", r.subjectId());
    subject.put("type", List.of("AchievementSubject"));
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("type", "IdentityObject");
    identity.put("identityHash", r.identityHash());
    identity.put("identityType", "emailAddress");
    identity.put("hashed", true);
    identity.put("salt", r.salt());
    subject.put("identifier", List.of(identity));
    subject.put("achievement", embeddedAchievement(a));
    f.narrative().ifPresent(n -> subject.put("narrative", n));
    c.put("credentialSubject", subject);
    f.evidence().ifPresent(e -> c.put("evidence", List.of(fields("id", e, "type", List.of("Evidence")))));
    c.put("credentialSchema", List.of(fields("id", SCHEMA, "type", "1EdTechJsonSchemaValidator2019")));
    c.put("credentialStatus", fields("id", urls.revocations(), "type", "1EdTechRevocationList"));
    return c;
  }

  public Map<String, Object> badgeClass(Achievement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", OB2_CONTEXT);
    m.put("type", "BadgeClass");
    m.put("id", urls.badgeClass(a.id()));
    m.put("name", a.name());
    m.put("description", a.description());
    m.put("image", urls.image(a.id()));
    m.put("criteria", fields("id", urls.page(a.id()), "narrative", a.narrative()));
    m.put("issuer", urls.ob2Issuer());
    if (!a.tags().isEmpty()) {
      m.put("tags", a.tags());
    }
    return m;
  }

  public Map<String, Object> ob2Issuer(List<String> keyNames) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", OB2_CONTEXT);
    m.put("type", "Issuer");
    m.put("id", urls.ob2Issuer());
    m.put("name", issuer.name());
    m.put("url", issuer.url().isEmpty() ? urls.base() : issuer.url());
    m.put("email", issuer.email().isEmpty() ? "badges@" + java.net.URI.create(urls.base()).getHost() : issuer.email());
    m.put("publicKey", keyNames.stream().map(urls::ob2Key).toList());
    m.put("revocationList", urls.ob2Revocations());
    return m;
  }

  public Map<String, Object> assertion(Achievement a, Recipient r, AwardFacts f, String keyName) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", OB2_CONTEXT);
    m.put("type", "Assertion");
    m.put("id", f.id());
    m.put("recipient", fields("type", "email", "hashed", true, "salt", r.salt(), "identity", r.identityHash()));
    m.put("badge", urls.badgeClass(a.id()));
    m.put("issuedOn", text(f.validFrom()));
    f.validUntil().ifPresent(u -> m.put("expires", u.toString()));
    f.evidence().ifPresent(e -> m.put("evidence", e));
    f.narrative().ifPresent(n -> m.put("narrative", n));
    m.put("verification", fields("type", "SignedBadge", "creator", urls.ob2Key(keyName)));
    return m;
  }

  /**
   * A small JSON object whose members keep the order written: {@code Map.of} iterates in an order
   * that changes from one JVM to the next, which would make the same award serialise differently.
   */
  private static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
