package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.model.Issuer;

/**
 * RS256 signatures are deterministic: whichever provider makes them, native AWS-LC or the JDK's,
 * an award's bytes are the same, and Nimbus verifies them.
 */
class RsaProviderLoaderTest {
  @TempDir
  static Path tmp;

  static BadgeFixture f;
  static byte[] png;
  static String svg;

  @BeforeAll
  static void fixture() throws Exception {
    f = new BadgeFixture(tmp.resolve("fixture"));
    png = BadgeArtist.png(f.achievement, List.of("beginner"));
    svg = BadgeArtist.svg(f.achievement, List.of("beginner"));
  }

  /** Three awards signed through {@code rsa}, with ids and salts from the same seed. */
  static List<BadgeIssuer.Issued> issue(Provider rsa) throws Exception {
    BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(f.urls,
        new Issuer("Example Workshops", f.base, "badges@example.org")), f.key, new Random(11), rsa);
    List<BadgeIssuer.Issued> awards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      awards.add(issuer.issue(new BadgeIssuer.Request(f.achievement, "learner" + i + "@example.org",
          Optional.of("Learner " + i), Optional.empty(), Optional.of("Made a game"),
          Instant.parse("2026-03-01T10:00:00Z"), Optional.empty()), png, svg));
    }
    return awards;
  }

  static void assertSameBytes(List<BadgeIssuer.Issued> a, List<BadgeIssuer.Issued> b) {
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).vcJwt()).isEqualTo(b.get(i).vcJwt());
      assertThat(a.get(i).ob2Jws()).isEqualTo(b.get(i).ob2Jws());
      assertThat(a.get(i).ob3Png()).isEqualTo(b.get(i).ob3Png());
      assertThat(a.get(i).ob2Svg()).isEqualTo(b.get(i).ob2Svg());
    }
  }

  @Test
  void signsAwardsWithTheSameBytesWhicheverProviderSigns() throws Exception {
    Provider jdk = RsaProviderLoader.jdkProvider();
    assertThat(jdk.getName()).isEqualTo("SunRsaSign");
    List<BadgeIssuer.Issued> byJdk = issue(jdk);
    // where the native library does not load, this compares the fallback with the JDK: still equal
    List<BadgeIssuer.Issued> byFound = issue(RsaProviderLoader.provider());
    assertSameBytes(byJdk, byFound);
    RSASSAVerifier nimbus = new RSASSAVerifier(f.key.toRSAKey().toPublicJWK());
    for (BadgeIssuer.Issued award : byFound) {
      assertThat(JWSObject.parse(award.vcJwt()).verify(nimbus)).isTrue();
      assertThat(JWSObject.parse(award.ob2Jws()).verify(nimbus)).isTrue();
    }
    // and the signatures are not all alike: each award signs its own payload
    assertThat(byFound.get(0).vcJwt().split("\\.")[2]).isNotEqualTo(byFound.get(1).vcJwt().split("\\.")[2]);
  }

  @Test
  void fallsBackToTheJdkWhenAProviderCannotSignRs256() throws Exception {
    Provider noRsa = Security.getProvider("SUN"); // digests and DSA, no RSA signatures
    BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(f.urls,
        new Issuer("Example Workshops", f.base, "badges@example.org")), f.key, new Random(11), noRsa);
    assertThat(issuer.signedWith()).isEqualTo("the JDK (SunRsaSign)");
    assertSameBytes(issue(noRsa), issue(RsaProviderLoader.jdkProvider()));
  }

  @Test
  void keepsTheJdkProviderWhenTurnedOff() {
    String before = System.getProperty(RsaProviderLoader.PROPERTY);
    System.setProperty(RsaProviderLoader.PROPERTY, "jdk");
    try {
      assertThat(RsaProviderLoader.provider().getName()).isEqualTo("SunRsaSign");
    } finally {
      if (before == null) {
        System.clearProperty(RsaProviderLoader.PROPERTY);
      } else {
        System.setProperty(RsaProviderLoader.PROPERTY, before);
      }
    }
  }

  /** The bundled library is for Linux on x86-64: there it must load, or the dependency is broken. */
  @Test
  @EnabledOnOs(OS.LINUX)
  @EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64")
  void loadsTheNativeProviderOnLinuxX8664() throws Exception {
    Provider found = RsaProviderLoader.nativeProvider().orElseThrow();
    assertThat(found.getName()).isEqualTo("AmazonCorrettoCryptoProvider");
    assertThat(RsaProviderLoader.describe(found)).startsWith("AWS-LC v").contains("(ACCP 2.");
    BadgeIssuer issuer = new BadgeIssuer(new CredentialFactory(f.urls,
        new Issuer("Example Workshops", f.base, "badges@example.org")), f.key, new Random(11), found);
    assertThat(issuer.signedWith()).startsWith("AWS-LC v");
  }
}
