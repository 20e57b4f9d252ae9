package org.starkit.badge;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Makes, stores and loads badge signing keys. A private key lives only outside the repository,
 * readable by its owner alone; its public half goes to {@code badges/keys/<name>.json} in the
 * curriculum, whose published address is the key's {@code kid}.
 */
public final class SigningKeys {
  /** Private JWK members; none may ever reach the site. */
  public static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  private SigningKeys() {}

  /** A new key pair. {@code alg} is RS256 (RSA 2048) or ES256 (P-256). */
  public static JWK generate(String alg, BadgeUrls urls) throws JOSEException {
    if (alg.equals("ES256")) {
      ECKey k = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
      String name = name(k);
      return new ECKey.Builder(k).keyID(urls.key(name)).build();
    }
    RSAKey k = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    return new RSAKey.Builder(k).keyID(urls.key(name(k))).build();
  }

  /** A key made by {@link #make}: where its two halves were written, and its kid. */
  public record Made(Path privateKey, Path publicKey, String kid) {}

  /**
   * Makes a key pair and writes it: the private key to {@code privatePath} (owner-only, never
   * overwriting), the public key to {@code keysDir/<name>.json}.
   */
  public static Made make(String alg, BadgeUrls urls, Path privatePath, Path keysDir) throws IOException {
    JWK jwk;
    try {
      jwk = generate(alg, urls);
    } catch (JOSEException e) {
      throw new IOException("could not make a " + alg + " key: " + e.getMessage(), e);
    }
    Path publicPath = keysDir.resolve(nameOf(jwk) + ".json");
    writePrivate(privatePath, jwk);
    Files.createDirectories(keysDir);
    Files.writeString(publicPath, publicJson(jwk) + "\n");
    return new Made(privatePath, publicPath, jwk.getKeyID());
  }

  /** A key's short, stable name: derived from its thumbprint, so a new key always gets a new kid. */
  public static String name(JWK key) throws JOSEException {
    return "key-" + key.computeThumbprint().toString().replaceAll("[^A-Za-z0-9]", "").substring(0, 12).toLowerCase();
  }

  /** The name part of a kid URL. */
  public static String nameOf(JWK key) {
    String kid = key.getKeyID();
    String last = kid.substring(kid.lastIndexOf('/') + 1);
    return last.endsWith(".json") ? last.substring(0, last.length() - 5) : last;
  }

  /**
   * Where the private key goes: {@code --key}, else {@code STARKIT_KEY}, else the per-user
   * configuration folder.
   */
  public static Path privateKeyPath(Optional<Path> option) {
    if (option.isPresent()) {
      return option.get();
    }
    String env = System.getenv("STARKIT_KEY");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return config.resolve("starkit").resolve("badge-key.jwk");
  }

  /** Refuses a private-key path inside any of the given folders (the curriculum, themes, the site). */
  public static void refuseInside(Path key, List<Path> forbidden) throws IOException {
    Path k = key.toAbsolutePath().normalize();
    Path real = Files.exists(k.getParent()) ? k.getParent().toRealPath().resolve(k.getFileName()) : k;
    for (Path f : forbidden) {
      Path dir = f.toAbsolutePath().normalize();
      Path realDir = Files.exists(dir) ? dir.toRealPath() : dir;
      if (k.startsWith(dir) || real.startsWith(realDir)) {
        throw new IOException("refusing to write a private key inside " + f
            + ": it would be committed or published. Use --key with a path outside the repository.");
      }
    }
  }

  /** The git working tree holding {@code dir} (the nearest folder with a {@code .git}), if any. */
  public static Optional<Path> repositoryOf(Path dir) {
    Path p = dir.toAbsolutePath().normalize();
    try {
      p = Files.exists(p) ? p.toRealPath() : p;
    } catch (IOException e) {
      // keep the normalized path
    }
    for (; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Writes the private key readable and writable by its owner only; never overwrites. */
  public static void writePrivate(Path path, JWK key) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    try {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // no POSIX permissions (Windows): restrict the new, still empty file to its owner before
      // anything secret is written, and refuse rather than leave a key others can read
      Files.createFile(path);
      java.io.File f = path.toFile();
      boolean ownerOnly = f.setReadable(false, false) && f.setReadable(true, true)
          && f.setWritable(false, false) && f.setWritable(true, true);
      if (!ownerOnly) {
        Files.deleteIfExists(path);
        throw new IOException("cannot make " + path + " readable by its owner only on this file system;"
            + " choose a --key on a file system that supports it.");
      }
    } catch (FileAlreadyExistsException e) {
      throw new IOException(path + " already exists; refusing to overwrite a signing key. Choose another --key.");
    }
    Files.writeString(path, key.toJSONString() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  public static JWK readPrivate(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException("no signing key at " + path + "; create one with 'starkit badge keygen' or give --key.");
    }
    try {
      JWK key = JWK.parse(Files.readString(path));
      if (!key.isPrivate()) {
        throw new IOException(path + " holds a public key; signing needs the private key made by 'starkit badge keygen'.");
      }
      return key;
    } catch (ParseException e) {
      throw new IOException(path + " is not a JWK: " + e.getMessage());
    }
  }

  /**
   * Refuses to sign with a key whose public half the site does not publish: badges signed with
   * it would never verify. The key's kid must be its address under this site's
   * {@code badges/keys/}, and that file must be in the curriculum, holding the same key.
   */
  public static void requirePublished(JWK key, List<org.starkit.model.PublicKey> published, BadgeUrls urls)
      throws IOException {
    String name = nameOf(key);
    if (key.getKeyID() == null || !key.getKeyID().equals(urls.key(name))) {
      throw new IOException("this key's kid is " + key.getKeyID() + ", but this site publishes its keys under "
          + urls.keyDir() + " (did base_url change?): badges signed with it would not verify. Make a new key for"
          + " this site with 'starkit badge keygen'.");
    }
    Optional<org.starkit.model.PublicKey> file = published.stream().filter(p -> p.name().equals(name)).findFirst();
    if (file.isEmpty()) {
      throw new IOException("the public half of this key, badges/keys/" + name + ".json, is not in the curriculum:"
          + " badges signed with it would not verify. Restore and commit that file (written by 'starkit badge keygen').");
    }
    try {
      if (!JWK.parse(file.get().json()).toPublicJWK().equals(key.toPublicJWK())) {
        throw new IOException(file.get().path() + " holds another key than the signing key: badges signed with it"
            + " would not verify. Restore the file written by 'starkit badge keygen'.");
      }
    } catch (ParseException e) {
      throw new IOException(file.get().path() + " is not a JWK: " + e.getMessage());
    }
  }

  /** The public half as JSON, with no private member. */
  public static String publicJson(JWK key) {
    return key.toPublicJWK().toJSONString();
  }

  /** A public key from SPKI PEM (RSA or EC P-256), as Open Badges 2.0 key documents carry it. */
  public static JWK fromPem(String pem) throws java.security.GeneralSecurityException {
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
    java.security.spec.X509EncodedKeySpec spec = new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(b64));
    try {
      return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
          .generatePublic(spec)).build();
    } catch (java.security.spec.InvalidKeySpecException e) {
      return new ECKey.Builder(Curve.P_256, (java.security.interfaces.ECPublicKey) java.security.KeyFactory
          .getInstance("EC").generatePublic(spec)).build();
    }
  }

  /** The public key as SPKI PEM, for Open Badges 2.0 CryptographicKey documents. */
  public static String pem(JWK key) throws JOSEException {
    byte[] der = key.getKeyType().getValue().equals("RSA") ? key.toRSAKey().toPublicKey().getEncoded()
        : key.toECKey().toPublicKey().getEncoded();
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }
}
