package org.starkit.badge;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTimeTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns JSON-LD credentials into the bytes an {@code eddsa-rdfc-2022} proof signs: expansion to
 * RDF with the bundled contexts only ({@link ContextLoader}), RDFC-1.0 canonical N-Quads, SHA-256.
 */
final class RdfCanonicalizer {
  private static final long CANON_MILLIS = 10_000;
  private static final String UNDEFINED = "urn:starkit:undefined-term:";

  private RdfCanonicalizer() {}

  /** SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document. */
  static byte[] hashData(JsonObject document, JsonObject proof) throws JsonLdError, RdfConsumerException {
    JsonValue context = document.get("@context");
    if (context == null) {
      throw new IllegalArgumentException("the credential has no @context");
    }
    JsonObjectBuilder options = Json.createObjectBuilder(proof);
    options.remove("proofValue");
    if (proof.containsKey("@context")) {
      List<JsonValue> own = asList(proof.get("@context"));
      List<JsonValue> docs = asList(context);
      if (own.size() > docs.size() || !docs.subList(0, own.size()).equals(own)) {
        throw new IllegalArgumentException("the proof's @context is not the start of the credential's @context");
      }
      context = proof.get("@context");
      document = Json.createObjectBuilder(document).add("@context", context).build();
    }
    options.add("@context", context);
    byte[] optionsHash = sha256(canonicalize(options.build()));
    byte[] documentHash = sha256(canonicalize(document));
    byte[] out = new byte[64];
    System.arraycopy(optionsHash, 0, out, 0, 32);
    System.arraycopy(documentHash, 0, out, 32, 32);
    return out;
  }

  /** The RDFC-1.0 canonical N-Quads of a JSON-LD document, with contexts from the jar only. */
  static String canonicalize(JsonObject document) throws JsonLdError, RdfConsumerException {
    RdfCanon canon = RdfCanon.create("SHA-256", new RdfCanonTimeTicker(CANON_MILLIS));
    JsonLd.toRdf(JsonDocument.of(document)).loader(new ContextLoader()).provide(canon);
    StringWriter out = new StringWriter();
    canon.provide(new NQuadsWriter(out));
    return out.toString();
  }

  /**
   * The properties and types no context of the document defines. JSON-LD drops them, so a proof
   * does not cover them: expanding once more with a catch-all vocabulary after the document's
   * contexts finds them.
   */
  static Set<String> undefinedTerms(JsonObject document) throws JsonLdError {
    if (!document.containsKey("@context")) {
      throw new IllegalArgumentException("the credential has no @context");
    }
    JsonArrayBuilder contexts = Json.createArrayBuilder();
    asList(document.get("@context")).forEach(contexts::add);
    contexts.add(Json.createObjectBuilder().add("@vocab", UNDEFINED));
    Set<String> undefined = new TreeSet<>();
    RdfQuadConsumer collector = new RdfQuadConsumer() {
      @Override
      public RdfQuadConsumer quad(String s, String p, String o, String datatype, String language, String direction,
          String graph) {
        for (String iri : new String[] {p, datatype == null && language == null ? o : null}) {
          if (iri != null && iri.startsWith(UNDEFINED)) {
            undefined.add(iri.substring(UNDEFINED.length()));
          }
        }
        return this;
      }
    };
    JsonLd.toRdf(JsonDocument.of(Json.createObjectBuilder(document).add("@context", contexts).build()))
        .loader(new ContextLoader()).provide(collector);
    return undefined;
  }

  private static List<JsonValue> asList(JsonValue v) {
    return v instanceof JsonArray a ? a : List.of(v);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
