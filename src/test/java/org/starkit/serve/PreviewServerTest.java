package org.starkit.serve;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.cli.ExitCode;
import org.starkit.cli.Main;
import org.starkit.render.Theme;
import org.starkit.write.OutputFile;

class PreviewServerTest {
  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/small/curriculum");
  private static final Path DEFAULT_THEME = Path.of("themes/default");
  private static final String SCRIPT = LiveReload.EVENTS_PATH;

  @TempDir
  Path tmp;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private PreviewServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Path copy(Path from, String name) throws IOException {
    Path target = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  private BuildOptions options(Path source, Theme theme) {
    return new BuildOptions(source, "curriculum", tmp.resolve("site"), theme, Optional.empty(), false,
        LocalDate.of(2030, 1, 1));
  }

  private Path start() throws IOException {
    return start(new Theme(DEFAULT_THEME, "themes/default"));
  }

  private Path start(Theme theme) throws IOException {
    Path source = copy(FIXTURE, "curriculum");
    server = PreviewServer.start(options(source, theme), 0, result -> {});
    return source;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(server.url()).resolve(path)).timeout(Duration.ofSeconds(5)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** Polls a page every 20 ms until it satisfies {@code condition}; fails after {@code within}. */
  private HttpResponse<String> await(String path, Predicate<HttpResponse<String>> condition, Duration within)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> response = get(path);
    while (!condition.test(response) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      response = get(path);
    }
    assertThat(condition).as("%s after %s: %s %s", path, within, response.statusCode(), response.body())
        .accepts(response);
    return response;
  }

  /** Sends a request line exactly as given, which HTTP clients would normalize first. */
  private String raw(String target) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), UTF_8);
    }
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void servesLessonPagesWithTheReloadScriptBeforeTheEndOfBody() throws Exception {
    start();
    HttpResponse<String> page = get("/lessons/hello/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("Hello, world").contains(SCRIPT);
    assertThat(page.body().indexOf(SCRIPT)).isLessThan(page.body().lastIndexOf("</body>"));
    assertThat(server.url()).matches("http://127\\.0\\.0\\.1:\\d+/");
    assertThat(get("/").body()).contains(SCRIPT);
    assertThat(get("/lessons/hello").statusCode()).isEqualTo(301);
  }

  @Test
  void servesAnEditedTitleWithinOneSecond() throws Exception {
    Path source = start();
    edit(source.resolve("lessons/basics/hello.md"), "title: Hello, world", "title: Hello, preview");
    await("/lessons/hello/", r -> r.body().contains("Hello, preview"), Duration.ofSeconds(1));
  }

  @Test
  void tellsOpenPagesToReloadWhenTheSiteChanges() throws Exception {
    Path source = start();
    HttpResponse<java.io.InputStream> events = client.send(HttpRequest.newBuilder(
        URI.create(server.url()).resolve(SCRIPT)).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
    BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), UTF_8));
    String first = CompletableFuture.supplyAsync(() -> nextData(lines)).get(5, TimeUnit.SECONDS);
    assertThat(get("/lessons/hello/").body()).contains("var v=\"" + first + "\"");
    edit(source.resolve("lessons/basics/second.md"), "Store values", "Keep values");
    String next = CompletableFuture.supplyAsync(() -> nextData(lines)).get(5, TimeUnit.SECONDS);
    assertThat(next).isNotEqualTo(first);
    events.body().close();
  }

  private static String nextData(BufferedReader lines) {
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data: ")) {
          return line.substring(6);
        }
      }
      throw new AssertionError("the event stream ended");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void showsEveryProblemWhileTheBuildFailsThenThePageOnceFixed() throws Exception {
    Path source = start();
    Path hello = source.resolve("lessons/basics/hello.md");
    String good = Files.readString(hello);
    edit(hello, "level: beginner", "level: [beginner");
    HttpResponse<String> page = await("/lessons/hello/", r -> r.statusCode() == 500, Duration.ofSeconds(5));
    assertThat(page.body()).contains("curriculum/lessons/basics/hello.md:4:9").contains("[yaml-syntax]")
        .contains("4 | duration: 30m").contains("hint: ").contains(SCRIPT)
        .contains("/__starkit/last-good/lessons/hello/");
    assertThat(get("/__starkit/last-good/lessons/hello/").body()).contains("Hello, world").contains(SCRIPT);
    assertThat(get("/assets/style.css").statusCode()).isEqualTo(200);
    Files.writeString(hello, good);
    await("/lessons/hello/", r -> r.statusCode() == 200 && r.body().contains("Hello, world"), Duration.ofSeconds(5));
  }

  @Test
  void escapesProblemTextOnTheDiagnosticsPage() throws Exception {
    Path source = start();
    edit(source.resolve("lessons/basics/hello.md"), "level: beginner", "level: \"<b>x</b>\"");
    HttpResponse<String> page = await("/", r -> r.statusCode() == 500, Duration.ofSeconds(5));
    assertThat(page.body()).contains("[unknown-level]").contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
  }

  @Test
  void showsThemeErrorsAndRecoversWhenTheTemplateIsFixed() throws Exception {
    Path theme = copy(DEFAULT_THEME, "theme");
    start(new Theme(theme, "theme"));
    Path template = theme.resolve("tags.peb");
    String good = Files.readString(template);
    Files.writeString(template,
        "{% extends \"base.peb\" %}\n{% block content %}\n{{ tags.nothing }}\n{% endblock %}\n");
    HttpResponse<String> page = await("/tags/", r -> r.statusCode() == 500, Duration.ofSeconds(5));
    assertThat(page.body()).contains("theme/tags.peb:").contains("[theme-error]");
    Files.writeString(template, good);
    await("/tags/", r -> r.statusCode() == 200, Duration.ofSeconds(5));
  }

  @Test
  void refusesPathsThatClimbOutOfTheSite() throws Exception {
    start();
    for (String target : List.of("/../", "/%2e%2e/", "/%2E%2E/etc/passwd", "/lessons/../../etc/passwd",
        "/lessons/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "/lessons%5c..%5cindex.html",
        "/lessons/./index.html", "/index.html%00.png", "/__starkit/last-good/../index.html",
        // each of these names an existing page once normalized or decoded naively
        "/lessons/hello/../../index.html", "/lessons/%2e%2e/index.html", "/lessons%2fhello%2findex.html",
        "/lessons/hello/./index.html", "/lessons%5chello%5cindex.html")) {
      String response = raw(target);
      assertThat(response).as(target).matches("(?s)HTTP/1\\.1 40[04] .*").doesNotContain("root:");
    }
    assertThat(raw("/lessons/hello/index.html")).startsWith("HTTP/1.1 200 ");
  }

  @Test
  void answersWithTheContentTypeOfEachFile() throws Exception {
    start();
    Map<String, String> expected = Map.of("/", "text/html; charset=utf-8", "/assets/style.css",
        "text/css; charset=utf-8", "/catalog.json", "application/json; charset=utf-8",
        "/" + path(".png"), "image/png", "/" + path(".ics"), "text/calendar; charset=utf-8",
        "/" + path(".zip"), "application/zip");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      HttpResponse<String> r = get(e.getKey());
      assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).as(e.getKey()).contains(e.getValue());
      assertThat(r.body().contains(SCRIPT)).as(e.getKey()).isEqualTo(e.getKey().equals("/"));
    }
    assertThat(Stream.of("a.js", "a.xml", "a.svg", "a.jpg", "a.gif", "a.webp", "a.txt", "a.csv", "a.pdf",
        "a.woff2", "a.bin").map(ContentTypes::of)).containsExactly("text/javascript; charset=utf-8",
        "application/xml; charset=utf-8", "image/svg+xml; charset=utf-8", "image/jpeg", "image/gif", "image/webp",
        "text/plain; charset=utf-8", "text/csv; charset=utf-8", "application/pdf", "font/woff2",
        "application/octet-stream");
  }

  private String path(String extension) {
    return server.snapshot().site().paths().stream().filter(p -> p.endsWith(extension)).sorted().findFirst()
        .orElseThrow();
  }

  @Test
  void answersOnlyGetAndHeadAndServesTheSites404Page() throws Exception {
    start();
    HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(server.url()))
        .POST(HttpRequest.BodyPublishers.ofString("x")));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(server.url()))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get("/").body().getBytes(UTF_8).length);
    HttpResponse<String> missing = get("/no/such/page/");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains(server.snapshot().site().file("404.html").orElseThrow().text().substring(0, 100))
        .contains(SCRIPT);
  }

  @Test
  void reportsATakenPortWithWhatToDo() throws Exception {
    Path source = copy(FIXTURE, "curriculum");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> PreviewServer.start(options(source, new Theme(DEFAULT_THEME, "t")), port, r -> {}))
          .isInstanceOf(PortInUseException.class)
          .hasMessage("Port " + port + " is in use; choose another with --port");
      StringWriter err = new StringWriter();
      int code = Main.run(new String[] {"serve", "--port", String.valueOf(port), "--source", source.toString()},
          new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
      assertThat(code).isEqualTo(ExitCode.USAGE);
      assertThat(err.toString()).contains("Port " + port + " is in use; choose another with --port");
    }
  }

  @Test
  void buildOutputNeverContainsTheReloadScript() throws Exception {
    Path source = start();
    Path site = tmp.resolve("site");
    new SiteBuilder().build(options(source, new Theme(DEFAULT_THEME, "themes/default")));
    try (Stream<Path> files = Files.walk(site)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).isNotEmpty();
      for (Path f : all) {
        assertThat(new String(Files.readAllBytes(f), ISO_8859_1)).as(f.toString()).doesNotContain("__starkit");
      }
    }
  }
}
