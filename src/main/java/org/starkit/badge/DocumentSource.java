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

  /**
   * These documents, except that each URL in {@code files} is served from its local file instead
   * (for offline verification, tests, and issuers whose site is down). The caller checks that the
   * files exist; one that disappeared since is an error, never a fall back to the web.
   */
  default DocumentSource overriddenBy(java.util.Map<String, java.nio.file.Path> files) {
    java.util.Map<String, java.nio.file.Path> copy = java.util.Map.copyOf(files);
    return url -> {
      java.nio.file.Path file = copy.get(url);
      if (file == null) {
        return fetch(url);
      }
      try {
        return Optional.of(java.nio.file.Files.readString(file));
      } catch (IOException e) {
        throw new IOException("the file " + file + " given for it with --document cannot be read", e);
      }
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
        throw new IOException("only https:// addresses are fetched (give --document URL=FILE to use a copy)");
      }
      java.net.http.HttpResponse<String> r;
      try {
        r = client.send(java.net.http.HttpRequest.newBuilder(uri)
            .timeout(java.time.Duration.ofSeconds(20)).header("Accept", "application/json").GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while fetching " + url, e);
      } catch (java.net.http.HttpTimeoutException e) {
        throw new IOException("the host " + uri.getHost() + " did not answer in time", e);
      } catch (java.net.ConnectException | java.nio.channels.UnresolvedAddressException e) {
        throw new IOException("the host " + uri.getHost() + " could not be reached (no network, or no such host)", e);
      } catch (IOException e) {
        throw new IOException("fetching from " + uri.getHost() + " failed ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
      }
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() == 410) {
        throw new IOException("the server answered 410 Gone: the issuer has withdrawn it (a hosted badge so answered is revoked)");
      }
      if (r.statusCode() != 200) {
        throw new IOException("the server answered HTTP " + r.statusCode());
      }
      return Optional.of(r.body());
    };
  }
}
