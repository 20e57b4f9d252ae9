package org.starkit.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads open pages when the site changes, with server-sent events. Every page the preview serves
 * carries a small script holding the version it was served at; the script listens to
 * {@value #EVENTS_PATH}, which sends the current version on connecting and whenever it changes, and
 * reloads the page when the two differ. So a change that happens while a page is loading is not
 * missed, and a restarted preview (a new version) reloads pages too.
 */
final class LiveReload implements AutoCloseable {
  static final String EVENTS_PATH = "/__starkit/events";
  private static final long HEARTBEAT_SECONDS = 15;

  private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "starkit-live-reload");
    t.setDaemon(true);
    return t;
  });
  private volatile String version = "";

  LiveReload() {
    // Comments keep connections open through proxies and find the ones browsers closed.
    heartbeat.scheduleAtFixedRate(() -> clients.forEach(c -> send(c, ": keep-alive\n\n")),
        HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
  }

  /** Tells every open page the site is now at {@code next}; pages at another version reload. */
  void publish(String next) {
    version = next;
    clients.forEach(c -> send(c, message(next)));
  }

  /** How many pages are listening, for tests. */
  int listeners() {
    return clients.size();
  }

  /** Answers a request for the event stream and keeps it open; the exchange is closed later. */
  void connect(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    clients.add(exchange);
    send(exchange, "retry: 500\n" + message(version));
  }

  /** The page with the reload script for {@code pageVersion} before its last {@code </body>}. */
  byte[] inject(byte[] html, String pageVersion) {
    String page = new String(html, StandardCharsets.UTF_8);
    String script = "<script>/* starkit serve: live reload */(function(){var v=\"" + pageVersion
        + "\";var s=new EventSource(\"" + EVENTS_PATH + "\");s.onmessage=function(e){if(e.data!==v){s.close();"
        + "location.reload();}};})();</script>\n";
    int at = page.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
    String out = at < 0 ? page + script : page.substring(0, at) + script + page.substring(at);
    return out.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (HttpExchange c : clients) {
      clients.remove(c);
      c.close();
    }
  }

  private static String message(String version) {
    return "data: " + version + "\n\n";
  }

  private void send(HttpExchange client, String text) {
    synchronized (client) {
      try {
        OutputStream body = client.getResponseBody();
        body.write(text.getBytes(StandardCharsets.UTF_8));
        body.flush();
      } catch (IOException e) {
        clients.remove(client);
        client.close();
      }
    }
  }
}
