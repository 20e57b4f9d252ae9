package org.starkit.badge;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the JCA provider that makes RS256 signatures: AWS-LC's RSA, through the Amazon Corretto
 * Crypto Provider (ACCP), when its native library loads on this machine (the bundled one is for
 * Linux on x86-64), and otherwise, silently, the JDK's. RSASSA-PKCS1-v1_5 signatures are
 * deterministic, so both providers give the very same bytes (a test signs the same awards with
 * each); AWS-LC signs in about half the CPU time of the JDK's BigInteger arithmetic. Only signing
 * goes through it: badges are still written, parsed and verified by Nimbus with the JDK's provider.
 *
 * <p>Loading ACCP unpacks and links a 10 MB library (a few tenths of a CPU second), so a command
 * that will sign calls {@link #start} first, and the library loads on its own thread while the
 * curriculum is read. The system property {@code starkit.rsa=jdk} keeps the JDK's provider.
 */
public final class RsaProviderLoader {
  /** The system property that, set to {@code jdk}, turns the native provider off. */
  public static final String PROPERTY = "starkit.rsa";
  /** ACCP logs a warning through java.util.logging when its library does not load: held, so the level stays set. */
  private static final Logger ACCP_LOG = Logger.getLogger("AmazonCorrettoCryptoProvider");
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final FutureTask<Optional<Provider>> NATIVE = new FutureTask<>(RsaProviderLoader::loadNative);

  private RsaProviderLoader() {}

  /** Starts loading the native provider on a thread of its own, once; later calls do nothing. */
  public static void start() {
    if (STARTED.compareAndSet(false, true)) {
      Thread t = new Thread(NATIVE, "starkit-rsa-loader");
      t.setDaemon(true);
      t.start();
    }
  }

  /** The provider RS256 signatures are made with: the native one when it loaded and is not turned off. */
  static Provider provider() {
    return nativeProvider().orElseGet(RsaProviderLoader::jdkProvider);
  }

  /** The native provider, when it loaded here and {@code starkit.rsa} is not {@code jdk}. */
  static Optional<Provider> nativeProvider() {
    if ("jdk".equals(System.getProperty(PROPERTY))) {
      return Optional.empty();
    }
    start();
    try {
      return NATIVE.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  /** The JDK's provider of {@code SHA256withRSA} (SunRsaSign), the one Nimbus verifies with. */
  static Provider jdkProvider() {
    try {
      return Signature.getInstance("SHA256withRSA").getProvider();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA256withRSA", e);
    }
  }

  /** A provider, for the user: "AWS-LC v1.47.0 (ACCP 2.5.0)" or "the JDK (SunRsaSign)". */
  static String describe(Provider p) {
    return p instanceof AmazonCorrettoCryptoProvider accp
        ? accp.getAwsLcVersionStr() + " (ACCP " + accp.getVersionStr() + ")"
        : "the JDK (" + p.getName() + ")";
  }

  private static Optional<Provider> loadNative() {
    ACCP_LOG.setLevel(Level.OFF);
    try {
      AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
      if (accp.getLoadingError() != null || accp.getService("Signature", "SHA256withRSA") == null) {
        return Optional.empty();
      }
      Signature.getInstance("SHA256withRSA", accp);
      return Optional.of(accp);
    } catch (LinkageError | RuntimeException | NoSuchAlgorithmException e) {
      // no native library for this platform, or one that does not link: the JDK signs
      return Optional.empty();
    }
  }
}
