package org.starkit.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;

/**
 * Signs JWS in compact serialisation, {@code header.payload.signature}, as Nimbus's
 * {@code JWSObject.sign} does (the same bytes), for many payloads under a few fixed headers: each
 * header is serialised once, and an RS256 key gets one initialised {@link Signature} per thread
 * instead of a provider look-up and key initialisation per signature, from the provider
 * {@link RsaProviderLoader} finds (AWS-LC's when it loads here, else the JDK's: the same bytes).
 * ES256 signs through Nimbus, which turns the JCA's DER signature into the JOSE form. Safe for
 * concurrent use.
 */
final class CompactSigner {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** A header, and its base64url text. */
  record Header(JWSHeader header, String encoded) {
    Header(JWSHeader header) {
      this(header, header.toBase64URL().toString());
    }
  }

  private final JWSAlgorithm alg;
  private final JWSSigner nimbus;
  private final ThreadLocal<Signature> rsa;
  private final Provider provider;

  /**
   * Signs RS256 with {@code provider} when it takes the key, else with the JDK's; a null provider
   * means the one {@link RsaProviderLoader} finds.
   */
  CompactSigner(JWK key, Provider provider) throws JOSEException {
    if (key.getKeyType().getValue().equals("EC")) {
      this.alg = JWSAlgorithm.ES256;
      this.nimbus = new ECDSASigner(key.toECKey());
      this.rsa = null;
      this.provider = null;
    } else {
      this.alg = JWSAlgorithm.RS256;
      this.nimbus = new RSASSASigner(key.toRSAKey());
      PrivateKey privateKey = key.toRSAKey().toPrivateKey();
      if (privateKey instanceof RSAPrivateKey k && k.getModulus().bitLength() < 2048) {
        throw new JOSEException("The RSA key size must be at least 2048 bits");
      }
      Provider wanted = provider != null ? provider : RsaProviderLoader.provider();
      this.provider = usable(wanted, privateKey) ? wanted : RsaProviderLoader.jdkProvider();
      this.rsa = ThreadLocal.withInitial(() -> {
        try {
          return initialised(this.provider, privateKey);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("no RS256 signature: " + e.getMessage(), e);
        }
      });
    }
  }

  /** Signs with the provider {@link RsaProviderLoader} finds. */
  CompactSigner(JWK key) throws JOSEException {
    this(key, null);
  }

  private static boolean usable(Provider provider, PrivateKey key) {
    try {
      initialised(provider, key);
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false; // a key the native provider refuses: the JDK's signs it
    }
  }

  private static Signature initialised(Provider provider, PrivateKey key) throws GeneralSecurityException {
    Signature s = Signature.getInstance("SHA256withRSA", provider);
    s.initSign(key);
    return s;
  }

  /** The provider that makes this signer's RS256 signatures; null for ES256, which Nimbus signs. */
  Provider provider() {
    return provider;
  }

  JWSAlgorithm algorithm() {
    return alg;
  }

  /** The compact JWS of {@code payloadJson} under {@code header}. */
  String sign(Header header, String payloadJson) throws JOSEException {
    String input = header.encoded() + "." + BASE64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
    byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
    String signature;
    if (rsa == null) {
      signature = nimbus.sign(header.header(), bytes).toString();
    } else {
      try {
        Signature s = rsa.get();
        s.update(bytes);
        signature = BASE64URL.encodeToString(s.sign());
      } catch (GeneralSecurityException e) {
        throw new JOSEException("RS256 signing failed: " + e.getMessage(), e);
      }
    }
    return input + "." + signature;
  }
}
