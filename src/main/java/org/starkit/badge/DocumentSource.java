package org.starkit.badge;

import java.io.IOException;
import java.util.Optional;

/**
 * Where a verifier gets published documents (keys, issuer profiles, revocation lists) by URL: a
 * built site folder, explicit files, or the web.
 */
@FunctionalInterface
public interface DocumentSource {
  /** The document's text, or empty when it does not exist. */
  Optional<String> fetch(String url) throws IOException;

  /** These documents, but only those under {@code baseUrl}: a badge naming another site's documents fails. */
  default DocumentSource under(String baseUrl) {
    String base = new BadgeUrls(baseUrl).base();
    return url -> {
      if (!url.startsWith(base)) {
        throw new IOException("it is not on " + base + " (--base-url)");
      }
      return fetch(url);
    };
  }

  /** Documents under {@code baseUrl} read from a built site folder; nothing else. */
  static DocumentSource site(java.nio.file.Path dir, String baseUrl) {
    BadgeUrls urls = new BadgeUrls(baseUrl);
    java.nio.file.Path root = dir.toAbsolutePath().normalize();
    return url -> {
      String path = urls.sitePath(url);
      if (path == null || path.contains("..")) {
        return Optional.empty();
      }
      java.nio.file.Path file = root.resolve(path).normalize();
      if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(java.nio.file.Files.readString(file));
    };
  }

  /** Documents fetched over HTTPS (or HTTP on this machine), with a short timeout. */
  static DocumentSource web() {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .connectTimeout(java.time.Duration.ofSeconds(10)).followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
    return url -> {
      java.net.URI uri = java.net.URI.create(url);
      boolean local = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      if (!"https".equals(uri.getScheme()) && !(local && "http".equals(uri.getScheme()))) {
        return Optional.empty();
      }
      try {
        java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofSeconds(20)).header("Accept", "application/json").GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + url, e);
      }
    };
  }
}
