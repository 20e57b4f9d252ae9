package org.starkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class PageRelinkerTest {
  /** The page relinked as the packer does it: parsed with positions, its links selected, one decision per link. */
  private static String relink(String page, String... decisions) {
    Document doc = Parser.htmlParser().setTrackPosition(true).parseInput(page, "");
    List<Element> elements = doc.select(OfflinePacker.LINKS);
    List<String> attrs = new ArrayList<>();
    for (Element e : elements) {
      attrs.add(e.normalName().equals("script") ? null
          : e.hasAttr("src") ? "src" : e.hasAttr("action") ? "action" : "href");
    }
    assertThat(decisions).as("one decision per link").hasSameSizeAs(elements);
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    return new String(new PageRelinker(page, bytes, doc, elements, attrs).relink(List.of(decisions)),
        StandardCharsets.UTF_8);
  }

  private static final String HEAD = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n"
      + "<link rel=\"stylesheet\" href=\"../../assets/style.css\">\n</head>\n<body>\n";

  @Test
  void keepsThePageBytesWhenNoLinkChanges() {
    String page = HEAD + "<p>caf\u00e9 &#9744; <a href=\"../x/index.html\">x</a></p>\n</body>\n</html>\n";
    assertThat(relink(page, "", "")).isEqualTo(page);
  }

  @Test
  void rewritesOnlyTheRelinkedAttribute() {
    String page = HEAD + "<p>&#9744; <a class=\"nav\" href=\"../x/index.html#part\" title=\"X\">x</a></p>\n</body>\n</html>\n";
    assertThat(relink(page, "", "=https://example.org/x/#part")).isEqualTo(page.replace(
        "href=\"../x/index.html#part\"", "href=\"https://example.org/x/#part\""));
  }

  @Test
  void dropsTheAttributeWithTheSpaceBeforeIt() {
    String page = HEAD + "<nav><a href=\"../x/index.html\" class=\"nav\">x</a></nav>\n</body>\n</html>\n";
    assertThat(relink(page, "", "-")).isEqualTo(page.replace("<a href=\"../x/index.html\" class", "<a class"));
  }

  @Test
  void cutsTheRemovedFormWithWhatItHolds() {
    String form = "<form role=\"search\" action=\"../../search/index.html\"><input name=\"q\">"
        + "<a href=\"../../search/index.html\">all</a></form>";
    String page = HEAD + "<header>" + form + "</header>\n<p><a href=\"a.html\">a</a></p>\n</body>\n</html>\n";
    assertThat(relink(page, "", "x", "-", "")).isEqualTo(page.replace(form, ""));
  }

  @Test
  void escapesTheNewValue() {
    String page = HEAD + "<a href=\"x.html\">x</a>\n</body>\n</html>\n";
    assertThat(relink(page, "", "=https://example.org/?a=1&b=\"2\"")).contains(
        "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">x</a>");
  }

  @Test
  void relinksSingleQuotedUnquotedEntityEncodedAndUppercaseAttributes() {
    String page = HEAD + "<p><A HREF='a.html'>a</A> <a href=b.html>b</a> <a href=\"c.html?x=1&amp;y=2\">c</a>"
        + " <img SRC = \"d.png\" alt=''> <a href=\"e.html\"\nclass=n>e</a></p>\n</body>\n</html>\n";
    String relinked = relink(page, "", "=A", "=B", "=C", "=D", "-");
    assertThat(relinked).isEqualTo(page.replace("HREF='a.html'", "href=\"A\"").replace("href=b.html", "href=\"B\"")
        .replace("href=\"c.html?x=1&amp;y=2\"", "href=\"C\"").replace("SRC = \"d.png\"", "src=\"D\"")
        .replace("<a href=\"e.html\"\n", "<a\n"));
  }

  @Test
  void leavesALinkInACommentOrScriptAlone() {
    String page = HEAD + "<!-- <a href=\"x.html\">old</a> -->\n<script>let s = '<a href=\"x.html\">';</script>\n"
        + "<a href=\"x.html\">x</a>\n</body>\n</html>\n";
    assertThat(relink(page, "", "=X")).isEqualTo(page.replace("<a href=\"x.html\">x</a>", "<a href=\"X\">x</a>"));
  }

  @Test
  void relinksAFormItsParserClosesImplicitlyOnTheParsedPage() {
    String page = HEAD + "<p>before</p>\n<form action=\"../search/\"><input name=q>\n<p>after\n</body>\n</html>\n";
    String relinked = relink(page, "", "x");
    Document doc = Jsoup.parse(relinked);
    assertThat(doc.select("form")).isEmpty();
    assertThat(doc.select("p").eachText()).containsExactly("before");
    assertThat(relinked.toLowerCase(java.util.Locale.ROOT)).containsOnlyOnce("<!doctype html>").contains("<p>before</p>");
    assertThat(relink(page, "", "=https://example.org/search/")).contains("<form action=\"https://example.org/search/\">")
        .contains("<p>after");
  }

  @Test
  void relinksEveryCopyOfALinkItsParserRecreates() {
    // the parser closes the <b> and <a> at <p> and opens copies of them again inside it
    String page = HEAD + "<b><a href=\"r.html\">one<p>two</a></b>\n</body>\n</html>\n";
    Document parsed = Jsoup.parse(relink(page, "", "=https://example.org/r/", "=https://example.org/r/"));
    assertThat(parsed.select("a").eachAttr("href")).containsExactly("https://example.org/r/", "https://example.org/r/");
    assertThat(parsed.body().text()).isEqualTo("one two");
  }

  @Test
  void splicesACrlfPageAsWritten() {
    String page = HEAD.replace("\n", "\r\n") + "<p>\r\n<a href=\"x.html\">x</a>\r\n</p>\r\n</body>\r\n</html>\r\n";
    assertThat(relink(page, "", "=X")).isEqualTo(page.replace("href=\"x.html\"", "href=\"X\""));
  }
}
