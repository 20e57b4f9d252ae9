package org.starkit.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;

/**
 * The live preview: builds the site in memory, serves it on the loopback interface only, and
 * rebuilds and reloads open pages whenever a file of the source or theme folder changes. Runs
 * until closed.
 */
public final class PreviewServer implements AutoCloseable {
  /**
   * How long changes must have settled before a rebuild: long enough for an editor's save (often
   * a write and a rename a few milliseconds apart) to arrive as one change, short enough not to
   * count in the time from saving to the reloaded page. A save split in two costs one extra
   * rebuild, never a wrong page.
   */
  static final Duration QUIET = Duration.ofMillis(25);

  private final HttpServer http;
  private final ExecutorService pool;
  private final PreviewBuilder builder;
  private final LiveReload reload;
  private final SourceWatcher watcher;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PreviewServer(HttpServer http, ExecutorService pool, PreviewBuilder builder, LiveReload reload,
      SourceWatcher watcher) {
    this.http = http;
    this.pool = pool;
    this.builder = builder;
    this.reload = reload;
    this.watcher = watcher;
  }

  /**
   * Binds the port, builds the site, starts watching and serving.
   *
   * @param port the port on 127.0.0.1, or 0 for any free one
   * @param onRebuild told about every rebuild after the first, on the watcher's thread
   * @throws PortInUseException when the port is taken
   */
  public static PreviewServer start(BuildOptions options, int port, Consumer<BuildResult> onRebuild)
      throws IOException {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (BindException e) {
      throw new PortInUseException(port, e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "starkit-http-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    PreviewBuilder builder = new PreviewBuilder(options);
    LiveReload reload = new LiveReload();
    SourceWatcher watcher = null;
    try {
      watcher = SourceWatcher.start(List.of(options.source(), options.theme().dir()), QUIET, changes -> {
        if (builder.rebuild(changes)) {
          reload.publish(builder.current().version());
        }
        onRebuild.accept(builder.current().result());
      });
      builder.rebuild();
      reload.publish(builder.current().version());
      DiagnosticsPage diagnostics = new DiagnosticsPage(options.sourceLabel());
      http.createContext("/", new PreviewHandler(builder::current, reload, diagnostics));
      http.setExecutor(pool);
      http.start();
      return new PreviewServer(http, pool, builder, reload, watcher);
    } catch (IOException | RuntimeException e) {
      if (watcher != null) {
        watcher.close();
      }
      reload.close();
      http.stop(0);
      pool.shutdownNow();
      throw e;
    }
  }

  /** The port the preview listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** The address to open, such as {@code http://127.0.0.1:8000/}. */
  public String url() {
    InetAddress host = http.getAddress().getAddress();
    String name = host instanceof Inet6Address ? "[" + host.getHostAddress() + "]" : host.getHostAddress();
    return "http://" + name + ":" + port() + "/";
  }

  /** The latest build. */
  public BuildResult result() {
    return builder.current().result();
  }

  /** What the preview serves now, for tests. */
  Snapshot snapshot() {
    return builder.current();
  }

  /** Whether the latest build failed, so that pages show its problems. */
  public boolean failing() {
    return builder.current().failing();
  }

  /** Stops watching, closes open event streams and stops serving. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    watcher.close();
    reload.close();
    http.stop(0);
    pool.shutdownNow();
  }
}
