package org.starkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.build.BuildOptions;
import org.starkit.build.BuildResult;
import org.starkit.build.SiteBuilder;
import org.starkit.cli.Main;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.render.Theme;
import org.starkit.write.OutputFile;

/**
 * End-to-end builds of curricula written by someone hostile or careless: every case must end in
 * diagnostics or safe output, never in an exception, a file outside the output directory, or
 * script in the site.
 */
@Timeout(120)
class HostileInputTest {
  private static final List<String> FORBIDDEN_IN_HTML =
      List.of("<script", "onerror", "onclick", "javascript:", "<iframe", "data:");

  @TempDir
  Path tmp;

  private Path src;
  private Path out;

  /** Result of one command line run. */
  private record Cli(int code, String out, String err) {}

  @BeforeEach
  void createCurriculum() throws IOException {
    src = tmp.resolve("curriculum");
    out = tmp.resolve("site");
    write("starkit.yml", "title: Test\n");
  }

  // ---------------------------------------------------------------- helpers

  private void write(String rel, String text) throws IOException {
    writeBytes(rel, text.getBytes(StandardCharsets.UTF_8));
  }

  private void writeBytes(String rel, byte[] bytes) throws IOException {
    Path p = src.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  private static String lesson(String title, String body) {
    return "---\ntitle: " + title + "\nlevel: beginner\nduration: 45m\nsummary: A lesson.\n---\n\n" + body;
  }

  private static byte[] concat(Object... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else if (p instanceof byte[] raw) {
        b.writeBytes(raw);
      } else {
        b.write((Integer) p);
      }
    }
    return b.toByteArray();
  }

  private BuildOptions options() {
    return new BuildOptions(src, "", out, new Theme(Path.of("themes/default"), "themes/default"), Optional.empty(),
        false);
  }

  /**
   * Every file and link under {@code tmp} except the output directory and the build cache beside it,
   * with a digest of its content. The cache may only hold the cache's own files.
   */
  private Map<String, String> outsideOut() throws IOException {
    Map<String, String> listing = new TreeMap<>();
    Path cache = tmp.resolve(org.starkit.build.DiskCache.DEFAULT_NAME);
    try (Stream<Path> paths = Files.walk(tmp)) {
      for (Path p : paths.toList()) {
        if (p.startsWith(out)) {
          continue;
        }
        if (p.startsWith(cache)) {
          String rel = cache.relativize(p).toString().replace('\\', '/');
          assertThat(Files.isSymbolicLink(p)).as(rel).isFalse();
          assertThat(Files.isDirectory(p)
              || rel.matches("bodies/pack-[0-9a-f]{16}\\.skbp|(site|sources)-[0-9a-f]{24}\\.idx|lessons-[0-9a-f]{24}\\.json"))
              .as("a file of the build cache: " + rel).isTrue();
          continue;
        }
        String rel = tmp.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          listing.put(rel, "link -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          listing.put(rel, "dir");
        } else {
          listing.put(rel, digest(Files.readAllBytes(p)));
        }
      }
    }
    return listing;
  }

  private static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Every file under the output directory with its exact content. */
  private Map<String, byte[]> siteFiles() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(out)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(out)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(out.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** Builds through the API, checking that nothing outside the output directory changed. */
  private BuildResult build() throws IOException {
    Map<String, String> before = outsideOut();
    BuildResult result = new SiteBuilder().build(options());
    assertThat(outsideOut()).as("files outside the output directory").isEqualTo(before);
    return result;
  }

  /** Checks through the API (renders in memory even when there are errors). */
  private BuildResult check() throws IOException {
    Map<String, String> before = outsideOut();
    Map<String, byte[]> site = siteFiles();
    BuildResult result = new SiteBuilder().check(options());
    assertThat(outsideOut()).as("files outside the output directory").isEqualTo(before);
    assertThat(siteFiles()).as("check writes nothing").containsOnlyKeys(site.keySet().toArray(String[]::new));
    return result;
  }

  /** Runs {@code starkit <command>} on the temporary curriculum, checking nothing leaks outside the output. */
  private Cli cli(String command) throws IOException {
    Map<String, String> before = outsideOut();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code;
    try (PrintWriter ow = new PrintWriter(o); PrintWriter ew = new PrintWriter(e)) {
      code = Main.run(new String[] {command, "--source", src.toString(), "--out", out.toString(),
          "--theme", "themes/default", "--format", "human"}, ow, ew);
    }
    assertThat(outsideOut()).as("files outside the output directory").isEqualTo(before);
    Cli cli = new Cli(code, o.toString(), e.toString());
    assertThat(cli.err()).as("stderr of starkit " + command)
        .doesNotContain("starkit failed")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    return cli;
  }

  /** A build that fails must give exit code 1 through the command line and write no site. */
  private void assertBuildFailsCleanly(String code) throws IOException {
    Cli cli = cli("build");
    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    assertThat(cli.err()).contains("error[" + code + "]");
    assertThat(out).doesNotExist();
    Cli check = cli("check");
    assertThat(check.code()).as(check.err()).isEqualTo(1);
  }

  private static List<Diagnostic> withCode(BuildResult result, String code) {
    return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
  }

  private static String page(BuildResult result, String path) {
    return result.files().stream().filter(f -> f.path().equals(path)).findFirst().map(OutputFile::text)
        .orElseThrow(() -> new AssertionError("no output file " + path + " in " + result.files()));
  }

  /**
   * The page without the scripts the theme loads on the search page (the only page with scripts
   * here): lunr, the search index and the search script, each from the site itself.
   */
  private static String withoutSearchScripts(String path, String html) {
    if (!path.endsWith("search/index.html")) {
      return html;
    }
    String result = html;
    for (String src : List.of("../assets/lunr.min.js", "../search/search-index.js", "../assets/search.js")) {
      String tag = "<script src=\"" + src + "\" defer></script>";
      assertThat(result).contains(tag);
      result = result.replace(tag, "");
    }
    return result;
  }

  private static void assertSafeHtml(String html) {
    String lower = html.toLowerCase(Locale.ROOT);
    for (String bad : FORBIDDEN_IN_HTML) {
      assertThat(lower).as("HTML contains " + bad).doesNotContain(bad);
    }
  }

  /** Parses the page and checks that no element or attribute can run script or load a frame. */
  private static void assertNoActiveContent(String html) {
    Document doc = Jsoup.parse(html);
    // the theme's own search box, in the header of every page, is the one form a page may have
    org.jsoup.select.Elements search = doc.select("header form.site-search[role=search]");
    assertThat(search).hasSize(1);
    assertThat(search.attr("action")).endsWith("search/index.html");
    assertThat(search.select("*").stream().map(Element::tagName).toList())
        .containsExactly("form", "label", "input", "button");
    search.remove();
    for (Element e : doc.getAllElements()) {
      assertThat(e.tagName()).isNotIn("script", "iframe", "frame", "object", "embed", "form", "style");
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(e.outerHtml()).doesNotStartWith("on");
        String value = a.getValue().replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        assertThat(value).as(e.outerHtml()).doesNotStartWith("javascript:").doesNotStartWith("data:")
            .doesNotStartWith("vbscript:");
      }
    }
  }

  private static String billionLaughs() {
    StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'i'; c++) {
      y.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    return y.toString();
  }

  // ---------------------------------------------------------------- sanity

  @Test
  void buildsCleanCurriculumWithExitCodeZero() throws IOException {
    write("lessons/loops.md", lesson("Loops", "## Section\n\nText.\n"));

    Cli cli = cli("build");

    assertThat(cli.code()).as(cli.err()).isEqualTo(0);
    assertThat(out.resolve("lessons/loops/index.html")).content(StandardCharsets.UTF_8).contains("Loops");
  }

  // ---------------------------------------------------------------- YAML

  @Test
  @Timeout(30)
  void rejectsBillionLaughsAliasBombInFrontMatter() throws IOException {
    write("lessons/bomb.md", "---\ntitle: Bomb\nlevel: beginner\nduration: 45m\nsummary: s\n" + billionLaughs()
        + "---\n\nBody.\n");

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::code)
        .containsAnyOf(tuple("lessons/bomb.md", "yaml-syntax"), tuple("lessons/bomb.md", "yaml-too-complex"));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly(withCode(result, "yaml-syntax").isEmpty() ? "yaml-too-complex" : "yaml-syntax");
  }

  @Test
  @Timeout(30)
  void rejectsBillionLaughsAliasBombInConfig() throws IOException {
    write("starkit.yml", "title: Test\n" + billionLaughs());
    write("lessons/loops.md", lesson("Loops", "Text.\n"));

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::code)
        .containsAnyOf(tuple("starkit.yml", "yaml-syntax"), tuple("starkit.yml", "yaml-too-complex"));
    assertThat(out).doesNotExist();
    Cli cli = cli("build");
    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
  }

  @Test
  void reportsDuplicateKeyAtTheSecondKeysLine() throws IOException {
    write("lessons/twice.md",
        "---\ntitle: First\nlevel: beginner\nduration: 45m\nsummary: s\ntitle: Second\n---\n\nBody.\n");

    BuildResult result = build();

    assertThat(withCode(result, "duplicate-key"))
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple("lessons/twice.md", 6, 1));
    assertThat(withCode(result, "duplicate-key").get(0).message()).contains("line 2");
    assertBuildFailsCleanly("duplicate-key");
  }

  @Test
  void rejectsCustomYamlTagOnSequenceAsYamlSyntax() throws IOException {
    write("lessons/tagged.md", "---\ntitle: !!javax.script.ScriptEngineManager [x]\nlevel: beginner\n"
        + "duration: 45m\nsummary: s\n---\n\nBody.\n");

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple("lessons/tagged.md", 2, 8, "yaml-syntax"));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("yaml-syntax");
  }

  @Test
  void rejectsCustomYamlTagOnScalarAsYamlSyntax() throws IOException {
    write("lessons/tagged.md", "---\ntitle: Tagged\nlevel: beginner\nduration: 45m\n"
        + "summary: !!javax.script.ScriptEngineManager x\n---\n\nBody.\n");
    write("starkit.yml", "title: !!java.io.File [/etc/passwd]\n");

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::code)
        .contains(tuple("lessons/tagged.md", 5, "yaml-syntax"), tuple("starkit.yml", 1, "yaml-syntax"));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("yaml-syntax");
  }

  @Test
  void rejectsDeeplyNestedFrontMatterWithoutStackOverflow() throws IOException {
    write("lessons/deep.md", "---\ntitle: Deep\nlevel: beginner\nduration: 45m\nsummary: s\nobjectives: "
        + "[".repeat(5000) + "]".repeat(5000) + "\n---\n\nBody.\n");

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::code)
        .containsAnyOf(tuple("lessons/deep.md", "yaml-syntax"), tuple("lessons/deep.md", "yaml-too-complex"));
    Cli cli = cli("build");
    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- files and bytes

  @Test
  void refusesTenMegabyteSingleLineLesson() throws IOException {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    writeBytes("lessons/huge.md", concat(lesson("Huge", ""), huge));

    BuildResult result = build();

    assertThat(withCode(result, "file-too-large")).extracting(Diagnostic::file, Diagnostic::line)
        .containsExactly(tuple("lessons/huge.md", 0));
    assertThat(result.sources().find("lessons/huge.md")).isEmpty();
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("file-too-large");
  }

  @Test
  void reportsBinaryMarkdownFile() throws IOException {
    writeBytes("lessons/x.md", concat(0x89, "PNG\r\n", 0x1A, "\n", 0x00, 0x00, 0x00, 0x0D, "IHDR", 0xFF, 0xFE));

    BuildResult result = build();

    assertThat(withCode(result, "binary-file")).extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple("lessons/x.md", 3, 1));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("binary-file");
  }

  @Test
  void reportsInvalidUtf8WithLineAndColumn() throws IOException {
    writeBytes("lessons/latin.md", concat(lesson("Latin", "## Caf"), 0xE9, "\n\nText.\n"));

    BuildResult result = build();

    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::code)
        .containsExactly(tuple("lessons/latin.md", 8, 7, "invalid-utf8"));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("invalid-utf8");
  }

  @Test
  void buildsLessonWithByteOrderMarkAndCrlfLineEndings() throws IOException {
    writeBytes("starkit.yml", concat(0xEF, 0xBB, 0xBF, "title: Crlf Site\r\n"));
    writeBytes("lessons/windows.md", concat(0xEF, 0xBB, 0xBF,
        lesson("Saved On Windows", "## Section\n\nText.\n").replace("\n", "\r\n")));

    BuildResult result = build();

    assertThat(result.errors()).as(result.diagnostics().toString()).isZero();
    String html = Files.readString(out.resolve("lessons/windows/index.html"));
    assertThat(html).contains("<h1>Saved On Windows").contains("Crlf Site").doesNotContain("\uFEFF").doesNotContain("\r");
    Cli cli = cli("build");
    assertThat(cli.code()).as(cli.err()).isEqualTo(0);
  }

  @Test
  void refusesSymlinkOutOfTheCurriculumAndNeverPublishesItsContent() throws IOException {
    String secret = "TOPSECRET-5f3a9c";
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("secret.md"), lesson(secret, secret + "\n"));
    Files.writeString(outside.resolve("secret.txt"), secret);
    write("lessons/loops.md", lesson("Loops", "[notes](notes.txt)\n"));
    Files.createSymbolicLink(src.resolve("lessons/evil.md"), outside.resolve("secret.md"));
    Files.createSymbolicLink(src.resolve("lessons/notes.txt"), outside.resolve("secret.txt"));

    BuildResult checked = check();

    assertThat(withCode(checked, "link-outside-source")).extracting(Diagnostic::file)
        .containsExactly("lessons/evil.md", "lessons/notes.txt");
    assertThat(checked.sources().files()).extracting(f -> f.path()).containsExactly("lessons/loops.md", "starkit.yml");
    assertThat(checked.files()).isNotEmpty();
    assertThat(checked.files()).allSatisfy(f -> assertThat(f.text()).doesNotContain(secret));
    assertThat(checked.diagnostics()).allSatisfy(d -> assertThat(d.message() + d.hint()).doesNotContain(secret));

    BuildResult built = build();
    assertThat(built.errors()).isPositive();
    assertThat(out).doesNotExist();
    Cli cli = cli("build");
    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.err()).contains("error[link-outside-source]").doesNotContain(secret);
    assertThat(cli.out()).doesNotContain(secret);
  }

  @Test
  void rejectsLessonFileNamedWithDoubleDot() throws IOException {
    write("lessons/a..b.md", lesson("Dots", "Text.\n"));

    BuildResult result = build();

    assertThat(withCode(result, "invalid-id")).extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple("lessons/a..b.md", 0, 0));
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("invalid-id");
  }

  @Test
  void treatsDotOnlyLessonNamesAsHiddenFiles() throws IOException {
    write("lessons/..md", lesson("Dots", "Text.\n"));
    write("lessons/...md", lesson("Dots", "Text.\n"));
    write("lessons/loops.md", lesson("Loops", "Text.\n"));

    BuildResult result = build();

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.sources().files()).extracting(f -> f.path()).containsExactly("lessons/loops.md", "starkit.yml");
    assertThat(siteFiles().keySet()).noneMatch(p -> p.contains("..")).contains("lessons/loops/index.html");
  }

  // ---------------------------------------------------------------- HTML and links

  @Test
  void stripsScriptHandlersFramesAndUnsafeUrlsFromRawHtml() throws IOException {
    write("lessons/rawhtml.md", lesson("Raw", String.join("\n\n",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"java&#115;cript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<a href=\"https://ok.example\" onclick=\"x()\">ok</a>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>",
        "<svg onload=alert(1)><circle r=1></circle></svg>",
        "Inline <span onmouseover=\"alert(1)\">hover</span> text.",
        "")));

    BuildResult result = build();

    assertThat(result.errors()).as(result.diagnostics().toString()).isZero();
    String html = Files.readString(out.resolve("lessons/rawhtml/index.html"));
    assertSafeHtml(html);
    assertNoActiveContent(html);
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("onload").doesNotContain("onmouseover")
        .doesNotContain("evil.example");
    assertThat(html).contains("<a href=\"https://ok.example\">ok</a>");
    assertSafeHtml(Files.readString(out.resolve("lessons/rawhtml/instructor.html")));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path p : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        assertThat(withoutSearchScripts(p.toString().replace('\\', '/'), Files.readString(p)).toLowerCase(Locale.ROOT))
            .as(p.toString()).doesNotContain("<script");
      }
    }
  }

  @Test
  void reportsUnsafeMarkdownLinksAndLeavesThemOutOfTheHtml() throws IOException {
    write("lessons/links.md", lesson("Links", String.join("\n",
        "[a](javascript:alert(1))",
        "[b](JavaScript:alert(1))",
        "[c](data:text/html;base64,PHNjcmlwdD4=)",
        "[d](vbscript:msgbox(1))",
        "[e][ref] and [fine](https://ok.example)",
        "",
        "[ref]: javascript:alert(2)",
        "")));

    BuildResult result = check();

    assertThat(withCode(result, "unsafe-link"))
        .extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column, Diagnostic::isError)
        .containsExactly(
            tuple("lessons/links.md", 8, 1, true),
            tuple("lessons/links.md", 9, 1, true),
            tuple("lessons/links.md", 10, 1, true),
            tuple("lessons/links.md", 11, 1, true),
            tuple("lessons/links.md", 14, 1, true));
    String html = page(result, "lessons/links/index.html");
    assertSafeHtml(html);
    assertNoActiveContent(html);
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("vbscript");
    assertThat(html).contains("<a href=\"https://ok.example\">fine</a>");
    assertSafeHtml(page(result, "lessons/links/instructor.html"));

    BuildResult built = build();
    assertThat(built.errors()).isEqualTo(5);
    assertThat(out).doesNotExist();
    assertBuildFailsCleanly("unsafe-link");
  }

  @Test
  void reportsUnsafeMarkdownImages() throws IOException {
    write("lessons/images.md", lesson("Images", String.join("\n",
        "![alt](javascript:alert(1))",
        "![alt](data:image/svg+xml;base64,PHN2Zz4=)",
        "")));

    BuildResult result = check();

    assertThat(withCode(result, "unsafe-link")).extracting(Diagnostic::file, Diagnostic::line, Diagnostic::column)
        .containsExactly(tuple("lessons/images.md", 8, 1), tuple("lessons/images.md", 9, 1));
    assertSafeHtml(page(result, "lessons/images/index.html"));
  }

  @Test
  void neutralisesAutolinksWithScriptSchemes() throws IOException {
    write("lessons/auto.md", lesson("Auto", "<javascript:alert(1)>\n\n<data:text/html,x>\n"));

    BuildResult result = check();

    assertNoActiveContent(page(result, "lessons/auto/index.html"));
    assertNoActiveContent(page(result, "lessons/auto/instructor.html"));
  }

  @Test
  void escapesHtmlInFrontMatterFields() throws IOException {
    write("lessons/escape.md", "---\ntitle: <script>alert(1)</script>\nlevel: beginner\nduration: 45m\n"
        + "summary: x\" onmouseover=\"alert(1)\n---\n\nText.\n");

    BuildResult result = build();

    assertThat(result.errors()).as(result.diagnostics().toString()).isZero();
    Map<String, byte[]> site = siteFiles();
    assertThat(site).containsKey("lessons/escape/index.html");
    for (Map.Entry<String, byte[]> f : site.entrySet()) {
      if (f.getKey().endsWith(".html")) {
        String html = withoutSearchScripts(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8))
            .toLowerCase(Locale.ROOT);
        assertThat(html).as(f.getKey()).doesNotContain("<script").doesNotContain("\" onmouseover=\"");
      }
    }
    assertThat(new String(site.get("lessons/escape/index.html"), StandardCharsets.UTF_8))
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  // ---------------------------------------------------------------- Markdown structure

  @Test
  void survivesModeratelyNestedMarkdown() throws IOException {
    write("lessons/nested.md", lesson("Nested", ">".repeat(100) + " deep\n\n" + "- ".repeat(100) + "x\n\n"
        + "-".repeat(1000) + "\n"));

    Cli cli = cli("build");

    assertThat(cli.code()).as(cli.err()).isEqualTo(0);
  }

  @Test
  void survivesVeryLongHorizontalRule() throws IOException {
    write("lessons/rule.md", lesson("Rule", "Text.\n\n" + "-".repeat(5000) + "\n\nMore.\n"));

    Cli cli = cli("build");

    assertThat(cli.code()).as(cli.err()).isEqualTo(0);
    assertSafeHtml(Files.readString(out.resolve("lessons/rule/index.html")));
  }

  @Test
  void survivesDeeplyNestedBlockquotes() throws IOException {
    write("lessons/nested.md", lesson("Nested", ">".repeat(1000) + " deep\n"));
    write("lessons/deeper.md", lesson("Deeper", ">".repeat(200_000) + " deep\n"));

    Cli cli = cli("check");

    assertThat(cli.code()).as(cli.err()).isIn(0, 1);
    assertThat(cli.err()).doesNotContain("starkit failed");
  }

  // ---------------------------------------------------------------- failed builds

  @Test
  void failedBuildLeavesPreviousSiteByteForByteUntouched() throws IOException {
    write("lessons/loops.md", lesson("Loops", "## Section\n\nText.\n"));
    BuildResult first = build();
    assertThat(first.errors()).isZero();
    Map<String, byte[]> previous = siteFiles();
    assertThat(previous).containsKeys("index.html", "lessons/loops/index.html", ".starkit-site");

    write("lessons/loops.md", lesson("Loops changed", "## Section\n\nNew text.\n"));
    writeBytes("lessons/broken.md", concat(lesson("Broken", "Caf"), 0xE9, "\n"));
    BuildResult second = build();
    Cli cli = cli("build");

    assertThat(second.errors()).isPositive();
    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.err()).contains("error[invalid-utf8]");
    Map<String, byte[]> after = siteFiles();
    assertThat(after.keySet()).containsExactlyElementsOf(previous.keySet());
    for (Map.Entry<String, byte[]> e : previous.entrySet()) {
      assertThat(after.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    try (Stream<Path> siblings = Files.list(tmp)) { // the build cache may sit beside the site, nothing else
      assertThat(siblings.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".starkit-cache")).toList())
          .containsExactlyInAnyOrder("curriculum", "site");
    }
  }

  @Test
  void refusesToReplaceOutputFolderItDidNotMake() throws IOException {
    write("lessons/loops.md", lesson("Loops", "Text.\n"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("thesis.tex"), "precious");

    Cli cli = cli("build");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(out.resolve("thesis.tex")).hasContent("precious");
    assertThat(siteFiles()).containsOnlyKeys("thesis.tex");
  }
}
