package org.starkit.site;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * Serves a folder on 127.0.0.1 the way a static host does: a folder address serves its
 * index.html, a missing file gets 404.html with status 404, and text is gzip-compressed when the
 * browser accepts it (so resource timing shows the sizes a reader's browser transfers). Every
 * request's path and query are recorded.
 */
public final class StaticServer implements AutoCloseable {
  private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"), Map.entry("xml", "application/xml"), Map.entry("ics", "text/calendar"),
      Map.entry("zip", "application/zip"), Map.entry("txt", "text/plain; charset=utf-8"));

  private final Path root;
  private final HttpServer server;
  private final ExecutorService threads;
  private final ConcurrentLinkedQueue<String> requests = new ConcurrentLinkedQueue<>();

  public StaticServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "static-test-server");
      t.setDaemon(true);
      return t;
    });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(threads);
    server.start();
  }

  /** The server's address, ending in '/'. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The path and query of every request so far, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try {
      requests.add(exchange.getRequestURI().toString());
      Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (Files.isDirectory(file)) {
        file = file.resolve("index.html");
      }
      int status = 200;
      if (!"GET".equals(exchange.getRequestMethod()) || !file.startsWith(root) || !Files.isRegularFile(file)) {
        file = root.resolve("404.html");
        status = 404;
        if (!"GET".equals(exchange.getRequestMethod()) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
      }
      byte[] body = Files.readAllBytes(file);
      String name = file.getFileName().toString();
      String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.getResponseHeaders().set("Timing-Allow-Origin", "*");
      String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
      if (accept != null && accept.contains("gzip") && (type.startsWith("text/") || type.contains("json")
          || type.contains("svg") || type.contains("xml"))) {
        body = gzip(body);
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      }
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    } finally {
      exchange.close();
    }
  }

  /** gzip at the default level, as static hosts and web servers compress text. */
  public static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
