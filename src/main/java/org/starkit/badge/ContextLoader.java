package org.starkit.badge;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves the JSON-LD contexts bundled in the jar, and nothing else: a context URL not bundled is
 * refused, never fetched, so checking a proof needs no network and cannot be steered by one.
 */
final class ContextLoader implements DocumentLoader {
  private static final String DIR = "/org/starkit/badge/contexts/";
  private static final Map<String, String> FILES = index();
  static final String REFUSED = "is not one starkit bundles";

  /** The bundled context URLs. */
  static java.util.Set<String> urls() {
    return FILES.keySet();
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    String file = FILES.get(url.toString());
    if (file == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the JSON-LD context " + url
          + " " + REFUSED + ", and contexts are never fetched from the network");
    }
    try (InputStream in = ContextLoader.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "the bundled context " + file + " is missing");
      }
      JsonDocument doc = JsonDocument.of(in);
      doc.setDocumentUrl(url);
      return doc;
    } catch (IOException e) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, e);
    }
  }

  private static Map<String, String> index() {
    try (InputStream in = ContextLoader.class.getResourceAsStream(DIR + "index.json")) {
      Map<String, String> files = new TreeMap<>();
      JsonNode contexts = new ObjectMapper().readTree(in).path("contexts");
      contexts.fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
      return Map.copyOf(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
