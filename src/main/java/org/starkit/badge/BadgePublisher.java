package org.starkit.badge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Achievement;
import org.starkit.model.Award;
import org.starkit.model.Badges;
import org.starkit.model.PublicKey;
import org.starkit.model.SiteConfig;
import org.starkit.source.SourceFile;
import org.starkit.write.OutputFile;

/**
 * Produces the public badge documents of the site: issuer profiles, every public key ever used
 * (one JWK per kid, and a JWKS), revocation lists for 3.0 and 2.0, and each achievement's JSON
 * and image. Keys are checked: a file with private key material is an error, never published.
 */
public final class BadgePublisher {
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  /** The documents, and the problems found in keys and references. */
  public record Result(List<OutputFile> files, List<Diagnostic> diagnostics) {}

  public Result publish(Badges badges, SiteConfig config) {
    List<Diagnostic> problems = new ArrayList<>();
    List<OutputFile> out = new ArrayList<>();
    if (badges.achievements().isEmpty() && badges.keys().isEmpty() && badges.awards().isEmpty()) {
      return new Result(out, problems);
    }
    if (config.baseUrl().isEmpty()) {
      problems.add(Diagnostic.error("starkit.yml", 0, 0, "missing-base-url",
          "Badges need the site's address: their keys and documents live at permanent URLs.",
          "Set base_url in starkit.yml to the https:// address the site is published at."));
      return new Result(out, problems);
    }
    BadgeUrls urls = new BadgeUrls(config.baseUrl());
    CredentialFactory factory = new CredentialFactory(urls, config.issuer());
    List<JWK> keys = keys(badges.keys(), urls, problems);
    List<String> names = keys.stream().map(SigningKeys::nameOf).toList();
    out.add(json("badges/issuer.json", factory.profile()));
    List<Map<String, Object>> jwks = new ArrayList<>();
    for (JWK k : keys) {
      jwks.add(k.toPublicJWK().toJSONObject());
      out.add(OutputFile.text("badges/keys/" + SigningKeys.nameOf(k) + ".json", SigningKeys.publicJson(k) + "\n"));
      try {
        Map<String, Object> crypto = new LinkedHashMap<>();
        crypto.put("@context", CredentialFactory.OB2_CONTEXT);
        crypto.put("type", "CryptographicKey");
        crypto.put("id", urls.ob2Key(SigningKeys.nameOf(k)));
        crypto.put("owner", urls.ob2Issuer());
        crypto.put("publicKeyPem", SigningKeys.pem(k));
        out.add(json("badges/ob2/keys/" + SigningKeys.nameOf(k) + ".json", crypto));
      } catch (com.nimbusds.jose.JOSEException e) {
        problems.add(Diagnostic.error("badges/keys/" + SigningKeys.nameOf(k) + ".json", 0, 0, "invalid-key",
            "This key cannot be exported: " + e.getMessage(), "Make a new key with 'starkit badge keygen'."));
      }
    }
    out.add(json("badges/keys/jwks.json", Map.of("keys", jwks)));
    out.add(json("badges/ob2/issuer.json", factory.ob2Issuer(names)));
    List<Map<String, Object>> revoked3 = new ArrayList<>();
    List<Map<String, Object>> revoked2 = new ArrayList<>();
    for (Award a : badges.awards()) {
      if (a.revoked()) {
        revoked3.add(Map.of("id", a.id(), "revoked", true, "revocationReason", a.reason()));
        revoked2.add(Map.of("id", a.id(), "revocationReason", a.reason()));
      }
    }
    Map<String, Object> list3 = new LinkedHashMap<>();
    list3.put("id", urls.revocations());
    list3.put("issuer", urls.issuer());
    list3.put("revokedCredential", revoked3);
    out.add(json("badges/revocations.json", list3));
    Map<String, Object> list2 = new LinkedHashMap<>();
    list2.put("@context", CredentialFactory.OB2_CONTEXT);
    list2.put("type", "RevocationList");
    list2.put("id", urls.ob2Revocations());
    list2.put("issuer", urls.ob2Issuer());
    list2.put("revokedAssertions", revoked2);
    out.add(json("badges/ob2/revocations.json", list2));
    for (Achievement a : badges.achievements()) {
      out.add(json("badges/" + a.id() + "/achievement.json", factory.achievementDocument(a)));
      out.add(json("badges/" + a.id() + "/badgeclass.json", factory.badgeClass(a)));
      out.add(OutputFile.text("badges/" + a.id() + "/image.svg", svg(a, badges, config)));
      out.add(new OutputFile("badges/" + a.id() + "/image.png", BadgeArtist.png(a, config.levels())));
    }
    return new Result(out, problems);
  }

  /** The achievement's SVG: its own file beside it, or one drawn in the theme's style. */
  public static String svg(Achievement a, Badges badges, SiteConfig config) {
    Optional<SourceFile> own = a.image().flatMap(name -> badges.images().stream()
        .filter(f -> f.path().equals("badges/" + name)).findFirst());
    return own.map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElseGet(() -> BadgeArtist.svg(a, config.levels()));
  }

  private static List<JWK> keys(List<PublicKey> files, BadgeUrls urls, List<Diagnostic> problems) {
    List<JWK> keys = new ArrayList<>();
    for (PublicKey f : files) {
      try {
        JWK k = JWK.parse(f.json());
        if (k.isPrivate() || SigningKeys.PRIVATE_MEMBERS.stream().anyMatch(m -> k.toJSONObject().containsKey(m))) {
          problems.add(Diagnostic.error(f.path(), 0, 0, "private-key-in-repository",
              "This file holds a PRIVATE signing key; it was not published.",
              "Delete it from the repository (and its history), move it outside, and make a new key with"
                  + " 'starkit badge keygen': anyone who saw it can forge badges."));
        } else if (k.getKeyID() == null || !k.getKeyID().equals(urls.key(f.name()))) {
          problems.add(Diagnostic.error(f.path(), 0, 0, "key-id-mismatch",
              "The key's kid is '" + k.getKeyID() + "' but this file is published at " + urls.key(f.name()) + ".",
              "Keep the file name that 'starkit badge keygen' chose; the kid is the key's permanent address."));
        } else {
          keys.add(k);
        }
      } catch (java.text.ParseException e) {
        problems.add(Diagnostic.error(f.path(), 0, 0, "invalid-key", "This file is not a JWK: " + e.getMessage(),
            "Public keys are written by 'starkit badge keygen'; restore the file from version control."));
      }
    }
    return keys;
  }

  static OutputFile json(String path, Object value) {
    try {
      return OutputFile.text(path, JSON.writeValueAsString(value) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
