package org.starkit.badge;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.rdf.api.RdfConsumerException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.starkit.badge.Verdict.Check;
import org.starkit.badge.Verdict.Result;

/**
 * Checks the embedded Data Integrity proofs of an Open Badges 3.0 credential, cryptosuite
 * {@code eddsa-rdfc-2022} (W3C Data Integrity EdDSA Cryptosuites v1.0): the document and the
 * proof options are canonicalized with RDFC-1.0 using bundled contexts only, and the Ed25519
 * signature is checked over SHA-256(proof options) || SHA-256(document).
 */
final class DataIntegrityVerifier {
  static final String SUITE = "eddsa-rdfc-2022";
  private static final byte[] ED25519_SPKI = HexFormat.of().parseHex("302a300506032b6570032100");

  private final boolean trustEmbeddedKey;

  DataIntegrityVerifier(boolean trustEmbeddedKey) {
    this.trustEmbeddedKey = trustEmbeddedKey;
  }

  /** Adds the proof, issuer key and signature checks of every proof in {@code secured}. */
  void verify(JsonObject secured, String issuerId, List<Check> checks) {
    JsonValue proof = secured.get("proof");
    List<JsonObject> proofs = new ArrayList<>();
    if (proof instanceof JsonObject one) {
      proofs.add(one);
    } else if (proof instanceof JsonArray many) {
      for (JsonValue p : many) {
        if (!(p instanceof JsonObject o)) {
          checks.add(new Check("proof", Result.FAIL, "a proof is not a JSON object"));
          return;
        }
        proofs.add(o);
      }
    }
    if (proofs.isEmpty()) {
      checks.add(new Check("proof", Result.FAIL, "the credential has no proof"));
      return;
    }
    JsonObjectBuilder unsecured = Json.createObjectBuilder(secured);
    unsecured.remove("proof");
    JsonObject document = unsecured.build();
    for (JsonObject p : proofs) {
      verifyOne(document, p, issuerId, checks);
    }
    terms(document, checks);
  }

  private static void terms(JsonObject document, List<Check> checks) {
    java.util.Set<String> undefined;
    try {
      undefined = RdfCanonicalizer.undefinedTerms(document);
    } catch (JsonLdError | IllegalArgumentException e) {
      return; // the signature check has already said why the credential cannot be expanded
    }
    checks.add(new Check("terms", undefined.isEmpty() ? Result.PASS : Result.FAIL, undefined.isEmpty()
        ? "every property and type is defined by the credential's contexts"
        : "not defined by the credential's JSON-LD contexts, so not covered by the proof: " + String.join(", ", undefined)));
  }

  private void verifyOne(JsonObject document, JsonObject proof, String issuerId, List<Check> checks) {
    String type = text(proof, "type");
    String suite = text(proof, "cryptosuite");
    if (!"DataIntegrityProof".equals(type)) {
      checks.add(new Check("proof", Result.FAIL, "the proof type " + (type.isEmpty() ? "(none)" : type)
          + " is not supported: starkit checks DataIntegrityProof with " + SUITE + ", and VC-JWT"));
      return;
    }
    if (!SUITE.equals(suite)) {
      checks.add(new Check("proof", Result.FAIL, "the cryptosuite " + (suite.isEmpty() ? "(none)" : suite)
          + " is not supported: starkit checks " + SUITE + " Data Integrity proofs, and VC-JWT"));
      return;
    }
    if (!"assertionMethod".equals(text(proof, "proofPurpose"))) {
      checks.add(new Check("proof", Result.FAIL, "the proof purpose must be assertionMethod, not '"
          + text(proof, "proofPurpose") + "'"));
      return;
    }
    checks.add(new Check("proof", Result.PASS, "DataIntegrityProof, " + SUITE + ", assertionMethod"));
    Optional<PublicKey> key = key(text(proof, "verificationMethod"), issuerId, checks);
    if (key.isEmpty()) {
      return;
    }
    byte[] signature;
    try {
      signature = Base58Decoder.decodeMultibase(text(proof, "proofValue"));
    } catch (IllegalArgumentException e) {
      checks.add(new Check("signature", Result.FAIL, "the proofValue is not readable: " + e.getMessage()));
      return;
    }
    if (signature.length != 64) {
      checks.add(new Check("signature", Result.FAIL, "the proofValue is " + signature.length
          + " bytes; an Ed25519 signature is 64"));
      return;
    }
    byte[] hashData;
    try {
      hashData = RdfCanonicalizer.hashData(document, proof);
    } catch (IllegalArgumentException | JsonLdError | RdfConsumerException | IllegalStateException e) {
      checks.add(new Check("signature", Result.FAIL, "cannot be checked: " + reason(e)));
      return;
    }
    boolean ok;
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key.get());
      verifier.update(hashData);
      ok = verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    checks.add(new Check("signature", ok ? Result.PASS : Result.FAIL,
        ok ? "valid " + SUITE + " (Ed25519) proof" : "the proof does not match: the badge was changed"));
  }

  private Optional<PublicKey> key(String method, String issuerId, List<Check> checks) {
    String multikey = embeddedMultikey(method);
    if (multikey == null) {
      checks.add(new Check("issuer key", Result.FAIL, "the verification method '" + method + "' is neither a did:key"
          + " nor a URL ending in its Multikey, and starkit does not resolve other key documents"));
      return Optional.empty();
    }
    PublicKey key;
    try {
      key = ed25519(multikey);
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      checks.add(new Check("issuer key", Result.FAIL, "the verification method's key is not an Ed25519 Multikey: "
          + e.getMessage()));
      return Optional.empty();
    }
    if (!trustEmbeddedKey) {
      checks.add(new Check("issuer key", Result.FAIL, "the key is embedded in the badge (" + method + "), not published"
          + " by the issuer (use --trust-embedded-key to check integrity only)"));
      return Optional.empty();
    }
    String controller = method.startsWith("did:key:") ? method.split("#", 2)[0] : method.substring(0, method.indexOf('#'));
    checks.add(new Check("issuer key", Result.WARN, "the key is embedded in the badge: this proves the badge"
        + " is intact, not who issued it" + (controller.equals(issuerId) ? "" : " (its controller " + controller
        + " is not the issuer " + issuerId + ")")));
    return Optional.of(key);
  }

  /** The Multikey a verification method carries itself ({@code did:key:z..} or {@code ...#z6Mk..}), or null. */
  static String embeddedMultikey(String method) {
    if (method.startsWith("did:key:")) {
      String[] parts = method.substring("did:key:".length()).split("#", 2);
      return parts.length == 1 || parts[1].equals(parts[0]) ? parts[0] : null;
    }
    int hash = method.indexOf('#');
    return hash > 0 && method.startsWith("z6Mk", hash + 1) ? method.substring(hash + 1) : null;
  }

  /** An Ed25519 public key from a Multikey: base58btc multibase, multicodec 0xed 0x01, then 32 bytes. */
  static PublicKey ed25519(String multikey) throws GeneralSecurityException {
    byte[] raw = Base58Decoder.decodeMultibase(multikey);
    if (raw.length != 34 || (raw[0] & 0xff) != 0xed || raw[1] != 0x01) {
      throw new IllegalArgumentException("expected the ed25519-pub multicodec prefix and 32 bytes");
    }
    byte[] spki = new byte[ED25519_SPKI.length + 32];
    System.arraycopy(ED25519_SPKI, 0, spki, 0, ED25519_SPKI.length);
    System.arraycopy(raw, 2, spki, ED25519_SPKI.length, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  private static String text(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? s.getString() : "";
  }

  /** The loader's own refusal where there is one (titanium wraps it), else the first message. */
  private static String reason(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains(ContextLoader.REFUSED)) {
        return t.getMessage();
      }
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : "the credential is not valid JSON-LD: " + e.getMessage();
  }
}
