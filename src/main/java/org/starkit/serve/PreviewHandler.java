package org.starkit.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.starkit.build.BuildResult;
import org.starkit.write.OutputFile;

/**
 * Answers the preview's requests from the in-memory site. Pages get the reload script. While the
 * build fails, every page request gets the diagnostics page with status 500; other files, and every
 * page under {@code /__starkit/last-good/}, come from the last good build.
 */
final class PreviewHandler implements HttpHandler {
  private final Supplier<Snapshot> snapshots;
  private final LiveReload reload;
  private final DiagnosticsPage diagnostics;

  PreviewHandler(Supplier<Snapshot> snapshots, LiveReload reload, DiagnosticsPage diagnostics) {
    this.snapshots = snapshots;
    this.reload = reload;
    this.diagnostics = diagnostics;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    boolean open = false;
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(exchange, 405, ContentTypes.TEXT,
            ("The preview answers GET and HEAD, not " + method + ".\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      String raw = exchange.getRequestURI().getRawPath();
      if (raw.equals(LiveReload.EVENTS_PATH) && method.equals("GET")) {
        reload.connect(exchange);
        open = true;
        return;
      }
      serve(exchange, raw, snapshots.get());
    } finally {
      if (!open) {
        exchange.close();
      }
    }
  }

  private void serve(HttpExchange exchange, String raw, Snapshot snapshot) throws IOException {
    boolean lastGood = raw.startsWith(DiagnosticsPage.LAST_GOOD);
    if (raw.equals(DiagnosticsPage.LAST_GOOD.substring(0, DiagnosticsPage.LAST_GOOD.length() - 1))) {
      redirect(exchange, DiagnosticsPage.LAST_GOOD);
      return;
    }
    String rest = lastGood ? raw.substring(DiagnosticsPage.LAST_GOOD.length() - 1) : raw;
    Optional<String> path = raw.startsWith("/__starkit/") && !lastGood ? Optional.empty() : RequestPaths.resolve(rest);
    if (path.isEmpty()) {
      notFound(exchange, snapshot, lastGood);
      return;
    }
    if (snapshot.failing() && !lastGood && isPage(path.get())) {
      Optional<String> previous = snapshot.site().isEmpty() ? Optional.empty() : Optional.of(rest.substring(1));
      page(exchange, 500, diagnostics.render(snapshot.result(), previous).getBytes(StandardCharsets.UTF_8), snapshot);
      return;
    }
    OutputFile file;
    try {
      file = snapshot.site().file(path.get()).orElse(null);
    } catch (PreviewSite.FileFailedException e) {
      BuildResult failed = new BuildResult(List.of(e.diagnostic()), List.of(), snapshot.result().sources(),
          snapshot.result().lessons());
      page(exchange, 500, diagnostics.render(failed, Optional.empty()).getBytes(StandardCharsets.UTF_8), snapshot);
      return;
    }
    if (file != null) {
      String type = ContentTypes.of(file.path());
      if (ContentTypes.isHtml(file.path())) {
        page(exchange, 200, file.bytes(), snapshot);
      } else {
        respond(exchange, 200, type, file.bytes());
      }
    } else if (!raw.endsWith("/") && snapshot.site().contains(path.get() + "/index.html")) {
      redirect(exchange, raw + "/");
    } else {
      notFound(exchange, snapshot, lastGood);
    }
  }

  /** Whether a request is for a page: an HTML file, or a name without extension (a folder). */
  private static boolean isPage(String path) {
    return ContentTypes.isHtml(path) || !path.substring(path.lastIndexOf('/') + 1).contains(".");
  }

  private void notFound(HttpExchange exchange, Snapshot snapshot, boolean lastGood) throws IOException {
    if (snapshot.failing() && !lastGood) {
      page(exchange, 500, diagnostics.render(snapshot.result(), Optional.empty()).getBytes(StandardCharsets.UTF_8),
          snapshot);
      return;
    }
    OutputFile notFound;
    try {
      notFound = snapshot.site().file("404.html").orElse(null);
    } catch (PreviewSite.FileFailedException e) {
      notFound = null;
    }
    byte[] body = notFound != null ? notFound.bytes()
        : "<!DOCTYPE html>\n<title>Not found</title>\n<p>Page not found.</p>\n".getBytes(StandardCharsets.UTF_8);
    page(exchange, 404, body, snapshot);
  }

  private void page(HttpExchange exchange, int status, byte[] html, Snapshot snapshot) throws IOException {
    respond(exchange, status, ContentTypes.HTML, reload.inject(html, snapshot.version()));
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    respond(exchange, 301, ContentTypes.TEXT, ("Moved to " + location + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }
}
