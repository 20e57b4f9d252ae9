package org.starkit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The sanitizer skips jsoup's Cleaner copy when the Cleaner would change nothing, and takes the
 * search words from its own tree: both must give exactly what the full path gives.
 */
class SanitizerFastPathTest {
  private static final LinkTargets TARGETS = new LinkTargets(Map.of(), Map.of());
  private static final MarkdownRenderer FAST = new MarkdownRenderer();
  private static final MarkdownRenderer FULL = new MarkdownRenderer(new HtmlSanitizer(true), true);

  /** Raw HTML an author could write, each of which the Cleaner must see. */
  private static final List<String> HOSTILE = List.of(
      "<script>alert(1)</script>",
      "<p onclick=\"alert(1)\">hi</p>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
      "<img src=\"data:image/png;base64,AAAA\" alt=\"x\">",
      "<p style=\"position:fixed\">x</p>",
      "<style>body{display:none}</style>",
      "<iframe src=\"https://example.org\"></iframe>",
      "<form action=\"https://example.org\"><input name=\"q\"></form>",
      "<object data=\"x.swf\"></object>",
      "<svg><script>alert(1)</script></svg>",
      "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
      "<!-- a comment -->",
      "<h1>Top</h1>",
      "<span aria-label=\"x\" role=\"img\">x</span>",
      "<a href=\"https://example.org\" target=\"_blank\">x</a>",
      "<img src=\"x.png\" onerror=\"alert(1)\">",
      "<details open ontoggle=\"alert(1)\"><summary>s</summary></details>",
      "<base href=\"https://evil.example/\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
      "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
      "<![CDATA[<b>x</b>]]>",
      "<a href=\"java\tscript:alert(1)\">tab</a>",
      "<a href=\" javascript&colon;alert(1)\">x</a>");

  /** Raw HTML the safelist allows as written, which may take the fast path. */
  private static final List<String> BENIGN = List.of(
      "<kbd>Ctrl</kbd>+<kbd>C</kbd> and <mark>this</mark>",
      "<details><summary>More</summary><p>Hidden</p></details>",
      "<img src=\"images/a.png\">",
      "<table><tr><td align=\"CENTER\">x</td><th align=\"ri-ght\">y</th></tr></table>",
      "<a href=\"mailto:a@example.org\">m</a> <a href=\"#top\">top</a> <a href=\"../b.html\">b</a>",
      "<input type=\"checkbox\" checked> <input type=\"text\">",
      "<h2 id=\"own\">Own <span class=\"heading-anchor\">#</span></h2>",
      "<aside class=\"callout-instructor\"><p>Note</p><aside class=\"callout-instructor\">Inner</aside></aside>",
      "<pre><code class=\"language-python\">print(1)  # x</code></pre>",
      "<div class=\"callout\"><summary>Label</summary> words<br>joined</div>");

  private static Stream<Path> markdownFiles() throws IOException {
    return Stream.of(Path.of("curriculum"), Path.of("src/test/resources")).flatMap(root -> {
      try {
        return Files.walk(root).filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static String body(Path file) throws IOException {
    String text = Files.readString(file);
    int end = text.startsWith("---\n") ? text.indexOf("\n---\n", 3) : -1;
    return end < 0 ? text : "\n".repeat((int) text.substring(0, end + 5).chars().filter(c -> c == '\n').count())
        + text.substring(end + 5);
  }

  /** The search words as SearchIndexBuilder took them before: a second parse and a regex split. */
  private static String wordsByReparsing(String html) {
    Document doc = Jsoup.parseBodyFragment(html);
    doc.select(".heading-anchor, .callout-label, .callout > summary").remove();
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (String w : Pattern.compile("[^\\p{L}\\p{M}\\p{N}_]+").split(doc.body().text().toLowerCase(Locale.ROOT))) {
      if (w.codePointCount(0, w.length()) > 1) {
        seen.add(w);
        if (seen.size() == SearchWords.MAX_WORDS) {
          break;
        }
      }
    }
    return String.join(" ", seen.stream().sorted().toList());
  }

  @Test
  void fastPathRendersEveryShippedAndFixtureLessonLikeTheFullCleaner() throws IOException {
    List<Path> files = markdownFiles().toList();
    assertThat(files).hasSizeGreaterThan(30);
    for (Path file : files) {
      String body = body(file);
      RenderedPage fast = FAST.render(file.toString(), body, "../../", TARGETS);
      RenderedPage full = FULL.render(file.toString(), body, "../../", TARGETS);
      assertThat(fast).as(file.toString()).isEqualTo(full);
      assertThat(fast.searchWords()).as(file.toString()).isEqualTo(wordsByReparsing(fast.learnerHtml()));
    }
  }

  @Test
  void hostileHtmlAlwaysGoesThroughTheCleaner() {
    HtmlSanitizer sanitizer = new HtmlSanitizer();
    HtmlSanitizer full = new HtmlSanitizer(true);
    for (String html : HOSTILE) {
      HtmlSanitizer.Result fast = sanitizer.clean("<p>before</p>" + html + "<p>after</p>");
      assertThat(fast.copied()).as(html).isTrue();
      assertThat(fast).as(html).isEqualTo(full.clean("<p>before</p>" + html + "<p>after</p>"));
      assertThat(fast.instructor().toLowerCase(Locale.ROOT))
          .as(html).doesNotContain("<script", "onclick", "onerror", "ontoggle", "javascript:", "style", "<iframe",
              "<form", "<object", "script:", "<svg", "<math", "<!--", "<h1", "data:", "target=", "<base", "<meta", "<link");
    }
  }

  @Test
  void benignRawHtmlTakesTheFastPathWithTheSameResult() {
    HtmlSanitizer sanitizer = new HtmlSanitizer();
    HtmlSanitizer full = new HtmlSanitizer(true);
    for (String html : BENIGN) {
      HtmlSanitizer.Result fast = sanitizer.clean(html);
      HtmlSanitizer.Result copied = full.clean(html);
      assertThat(fast.copied()).as(html).isFalse();
      assertThat(copied.copied()).as(html).isTrue();
      assertThat(new HtmlSanitizer.Result(fast.learner(), fast.instructor(), fast.notes(), fast.words(), true))
          .as(html).isEqualTo(copied);
      assertThat(fast.words()).as(html).isEqualTo(wordsByReparsing(fast.learner()));
    }
    assertThat(sanitizer.clean(BENIGN.get(4)).learner()).contains("href=\"mailto:", "href=\"#top\"", "href=\"../b.html\"");
  }

  @Test
  void plainUrlCheckNeverAllowsWhatTheSafelistRefuses() {
    org.jsoup.safety.Safelist safelist = new HtmlSanitizer().safelist();
    List<String> urls = new java.util.ArrayList<>(List.of("../b.html", "images/a.png", "#top", "?q=1", "//example.org/x",
        "https://example.org/a_b?c=d&e=%20", "http://example.org:8080/", "https://exa:mple", "mailto:a@example.org", "https://a.b/c@d", "https://-/", "http://./x", "mailto:",
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "data:image/png;base64,AAAA", "", " ",
        "vbscript:x", "https:x", "http:", "mailto:", "ftp://example.org", "#a b", "a:b", "./a:b", "HTTPS://example.org",
        "https://example.org/\u0000", "\u0001javascript:alert(1)", "https\u00a0://x", "//", "\\evil", "%6a%61vascript:x"));
    String alphabet = "aAzZ09-._~/?#&=%+@!$,;*()':\\ \t\n\u0000\u007f\u00e9<>\"`{}|^[]";
    String[] starts = {"", "https://", "http://", "mailto:", "javascript:", "data:", "//", "#"};
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder(starts[random.nextInt(starts.length)]);
      for (int n = random.nextInt(12); n > 0; n--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      urls.add(b.toString());
    }
    int plain = 0;
    for (String url : urls) {
      for (String[] tagAttr : new String[][] {{"a", "href"}, {"img", "src"}}) {
        Document doc = Jsoup.parseBodyFragment("", HtmlSanitizer.BASE);
        org.jsoup.nodes.Element e = doc.body().appendElement(tagAttr[0]).attr(tagAttr[1], url);
        org.jsoup.nodes.Attribute a = e.attribute(tagAttr[1]);
        if (UrlSafety.isPlainUrl(tagAttr[0], a)) {
          plain++;
          assertThat(safelist.isSafeAttribute(tagAttr[0], e, a)).as(tagAttr[0] + " " + url).isTrue();
        }
      }
    }
    assertThat(plain).isGreaterThan(1000);
    Document doc = Jsoup.parseBodyFragment("", HtmlSanitizer.BASE);
    for (String url : List.of("../b.html", "#top", "https://example.org/x?y=1", "mailto:ada-lovelace")) {
      assertThat(UrlSafety.isPlainUrl("a", doc.body().appendElement("a").attr("href", url).attribute("href")))
          .as(url).isTrue();
    }
    for (String url : List.of("javascript:alert(1)", "java\tscript:x", "data:x", "mailto:x")) {
      assertThat(UrlSafety.isPlainUrl("img", doc.body().appendElement("img").attr("src", url).attribute("src")))
          .as(url).isFalse();
    }
  }

  /** Text the autolink extension links or could link, around the quick checks of its input. */
  private static final List<String> AUTOLINKS = List.of(
      "see https://example.org/a_b?c=d. now", "mail ada@example.org today", "www.example.org and WWW.EXAMPLE.ORG",
      "Www.example.org", "ftp://files.example.org/x", "scheme only http:// here", "a&#64;example.org",
      "https&#58;//example.org", "https\\://example.org", "a\\@example.org", "wwww.example.org",
      "x&amp;www.example.org", "**https://example.org**", "[https://example.org](https://example.org)",
      "`https://example.org`", "<https://example.org>", "http://example.org/&amp;x", "trailing www.",
      "line one\nhttps://example.org/two\nthree", "café@example.org", "ww.example.org w.w.w.x",
      "[link *em* https://example.org `code`](https://example.org \"title\") and ![alt](x.png 'pic')",
      "[ref][r] and [r]\n\n[r]: https://example.org/ref  \"T\"", "<span>https://example.org</span>");

  @Test
  void quickFlexmarkPathsRenderLikeStockFlexmark() {
    for (String text : AUTOLINKS) {
      String page = "## Links\n\n" + text + "\n\n- item " + text + "\n\n| h |\n|---|\n| " + text + " |\n";
      assertThat(FAST.render("lessons/x.md", page, "../../", TARGETS)).as(text)
          .isEqualTo(FULL.render("lessons/x.md", page, "../../", TARGETS));
    }
  }

  @Test
  void hostileMarkdownPagesRenderAlikeOnBothPaths() {
    String page = "## Start\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick=\"x()\">b</b>\n\n"
        + "| a | b |\n|:-|-:|\n| <img src=x onerror=alert(1)> | ok |\n\n- [ ] todo\n- [x] done\n\n"
        + "::: instructor\nSecret <iframe src=\"https://evil.example\"></iframe>\n:::\n";
    RenderedPage fast = FAST.render("lessons/x.md", page, "../../", TARGETS);
    assertThat(fast).isEqualTo(FULL.render("lessons/x.md", page, "../../", TARGETS));
    assertThat(fast.instructorHtml()).doesNotContain("<script", "onclick", "onerror", "<iframe", "javascript:");
    assertThat(fast.searchWords()).isEqualTo(wordsByReparsing(fast.learnerHtml())).doesNotContain("secret");
  }
}
