package org.starkit.markdown;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes rendered lesson HTML safe to publish, whatever the author wrote: only a fixed set of
 * elements and attributes survives, URLs must be relative or http(s)/mailto, and there is no
 * script, event handler, style, frame or form anywhere.
 */
final class HtmlSanitizer {
  private static final String BASE = "https://starkit.invalid/page/";
  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:");

  /** Learner and instructor versions of one page. */
  record Result(String learner, String instructor, String notes) {}

  private final Safelist safelist = new Safelist()
      .addTags("a", "abbr", "aside", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
          "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6",
          "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small",
          "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u",
          "ul", "var", "input")
      .addAttributes(":all", "class", "id", "title", "lang", "dir")
      .addAttributes("a", "href")
      .addAttributes("img", "src", "alt", "width", "height")
      .addAttributes("input", "type", "checked")
      .addAttributes("td", "colspan", "rowspan", "align")
      .addAttributes("th", "colspan", "rowspan", "align", "scope")
      .addAttributes("ol", "start", "reversed")
      .addProtocols("a", "href", "http", "https", "mailto", "#")
      .addProtocols("img", "src", "http", "https")
      .preserveRelativeLinks(true);

  private final CodeHighlighter highlighter = new CodeHighlighter();

  Result clean(String html) {
    Document dirty = Jsoup.parseBodyFragment(html, BASE);
    Document doc = new Cleaner(safelist).clean(dirty);
    doc.outputSettings().prettyPrint(false).charset("UTF-8");
    for (Element e : doc.select("a[href], img[src]")) {
      String attr = e.hasAttr("href") ? "href" : "src";
      String value = e.attr(attr).replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
      if (SCHEME.matcher(value).find() && !value.startsWith("http:") && !value.startsWith("https:")
          && !value.startsWith("mailto:")) {
        e.removeAttr(attr);
      }
    }
    for (Element img : doc.select("img:not([alt])")) {
      img.attr("alt", "");
    }
    for (Element input : doc.select("input")) {
      if (input.attr("type").equalsIgnoreCase("checkbox")) {
        boolean done = input.hasAttr("checked");
        Element box = new Element("span").addClass("task-box").attr("role", "img")
            .attr("aria-label", done ? "done" : "to do").text(done ? "\u2611" : "\u2610");
        input.replaceWith(box);
      } else {
        input.remove();
      }
    }
    for (Element cell : doc.select("td[align], th[align]")) {
      cell.addClass("align-" + cell.attr("align").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
      cell.removeAttr("align");
    }
    for (Element h : doc.select("h2[id], h3[id], h4[id], h5[id], h6[id]")) {
      h.appendChild(new Element("a").addClass("heading-anchor").attr("href", "#" + h.id())
          .attr("aria-label", "Link to this section").text("#"));
    }
    highlighter.highlight(doc.body());
    for (Element table : doc.select("table")) {
      table.wrap("<div class=\"table-scroll\"></div>"); // a wide table scrolls by itself on a phone, not the page
    }
    String instructor = doc.body().html();
    var notes = doc.select("aside.callout-instructor");
    String notesHtml = notes.outerHtml();
    notes.remove();
    return new Result(doc.body().html(), instructor, notesHtml);
  }
}
