package org.starkit.badge;

/**
 * The permanent public addresses of badge documents under a site's base URL. Changing any of
 * these breaks every badge already issued, so they are fixed here and nowhere else.
 */
public record BadgeUrls(String base) {
  public BadgeUrls {
    if (!base.endsWith("/")) {
      base = base + "/";
    }
  }

  public static final String DIR = "badges/";

  public String issuer() {
    return base + DIR + "issuer.json";
  }

  public String keyDir() {
    return base + DIR + "keys/";
  }

  public String key(String name) {
    return keyDir() + name + ".json";
  }

  public String jwks() {
    return keyDir() + "jwks.json";
  }

  public String revocations() {
    return base + DIR + "revocations.json";
  }

  public String ob2Issuer() {
    return base + DIR + "ob2/issuer.json";
  }

  public String ob2KeyDir() {
    return base + DIR + "ob2/keys/";
  }

  public String ob2Key(String name) {
    return ob2KeyDir() + name + ".json";
  }

  public String ob2Revocations() {
    return base + DIR + "ob2/revocations.json";
  }

  public String achievement(String id) {
    return base + DIR + id + "/achievement.json";
  }

  public String badgeClass(String id) {
    return base + DIR + id + "/badgeclass.json";
  }

  public String image(String id) {
    return base + DIR + id + "/image.svg";
  }

  public String page(String id) {
    return base + DIR + id + "/";
  }

  public String verify() {
    return base + "verify/";
  }

  /** The verify page for one credential, as printed on its certificate; the page reads the id from the fragment. */
  public String verifyCredential(String credentialId) {
    return verify() + "#credential=" + credentialId;
  }

  /** The site path (relative to the site root) of one of these URLs, or null if it is not under the base. */
  public String sitePath(String url) {
    return url.startsWith(base) ? url.substring(base.length()) : null;
  }
}
