package org.starkit.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Makes rendered lesson HTML safe to publish, whatever the author wrote: only a fixed set of
 * elements and attributes survives, URLs must be relative or http(s)/mailto, and there is no
 * script, event handler, style, frame or form anywhere.
 *
 * <p>The HTML is parsed once. When every node of it already passes the safelist (the usual case:
 * Flexmark's own output, no raw HTML of the author's that the safelist would change) the
 * {@link Cleaner}'s copy would be identical, so it is skipped; anything else is cleaned. One walk
 * of the tree both decides that and finds the elements the later steps change.
 */
final class HtmlSanitizer {
  static final String BASE = "https://starkit.invalid/page/";

  /**
   * Learner and instructor versions of one page, and the search words of the learner version.
   *
   * @param copied whether the page went through the {@link Cleaner} (it had something to remove)
   */
  record Result(String learner, String instructor, String notes, String words, boolean copied) {}

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

  /** The safelist, for tests that compare {@link UrlSafety#isPlainUrl} with it. */
  Safelist safelist() {
    return safelist;
  }

  private final CodeHighlighter highlighter = new CodeHighlighter();
  private final boolean alwaysClean;

  HtmlSanitizer() {
    this(false);
  }

  /** @param alwaysClean copy every page through the {@link Cleaner}, for tests of the fast path */
  HtmlSanitizer(boolean alwaysClean) {
    this.alwaysClean = alwaysClean;
  }

  Result clean(String html) {
    Document doc = Jsoup.parseBodyFragment(html, BASE);
    Parts parts = new Parts();
    boolean copied = alwaysClean || !parts.collect(doc.body(), safelist) || !doc.head().childNodes().isEmpty();
    if (copied) {
      doc = new Cleaner(safelist).clean(doc);
      parts = new Parts();
      parts.collect(doc.body(), null);
    }
    doc.outputSettings().prettyPrint(false).charset("UTF-8");
    for (Element e : parts.urls) {
      String attr = e.hasAttr("href") ? "href" : "src";
      if (!UrlSafety.isAllowedUrl(e.attr(attr))) {
        e.removeAttr(attr);
      }
    }
    for (Element img : parts.images) {
      if (!img.hasAttr("alt")) {
        img.attr("alt", "");
      }
    }
    for (Element input : parts.inputs) {
      if (input.attr("type").equalsIgnoreCase("checkbox")) {
        boolean done = input.hasAttr("checked");
        Element box = new Element("span").addClass("task-box").attr("role", "img")
            .attr("aria-label", done ? "done" : "to do").text(done ? "\u2611" : "\u2610");
        input.replaceWith(box);
      } else {
        input.remove();
      }
    }
    for (Element cell : parts.alignedCells) {
      cell.addClass("align-" + lettersOf(cell.attr("align").toLowerCase(Locale.ROOT)));
      cell.removeAttr("align");
    }
    List<Element> anchors = new ArrayList<>(parts.headings.size());
    for (Element h : parts.headings) {
      Element anchor = new Element("a").addClass("heading-anchor").attr("href", "#" + h.id())
          .attr("aria-label", "Link to this section").text("#");
      h.appendChild(anchor);
      anchors.add(anchor);
    }
    for (Element code : parts.code) {
      highlighter.highlightBlock(code);
    }
    for (Element table : parts.tables) {
      table.wrap("<div class=\"table-scroll\"></div>"); // a wide table scrolls by itself on a phone, not the page
    }
    String instructor = doc.body().html();
    String notesHtml = "";
    String learner = instructor;
    if (!parts.notes.isEmpty()) {
      Elements notes = new Elements(parts.notes);
      notesHtml = notes.outerHtml();
      notes.remove();
      learner = doc.body().html();
    }
    // The search words: the learner view's visible text without heading anchors and callout labels.
    anchors.forEach(Node::remove);
    parts.labels.forEach(Node::remove);
    return new Result(learner, instructor, notesHtml, SearchWords.of(doc.body().text()), copied);
  }

  /** Only the ASCII letters of a string, as {@code replaceAll("[^a-z]", "")} keeps them. */
  private static String lettersOf(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'a' && c <= 'z') {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The elements the cleaning steps change, in document order, as one walk of the body finds them. */
  private static final class Parts {
    final List<Element> urls = new ArrayList<>();
    final List<Element> images = new ArrayList<>();
    final List<Element> inputs = new ArrayList<>();
    final List<Element> alignedCells = new ArrayList<>();
    final List<Element> headings = new ArrayList<>();
    final List<Element> code = new ArrayList<>();
    final List<Element> tables = new ArrayList<>();
    final List<Element> notes = new ArrayList<>();
    /** Callout labels and elements marked as heading anchors, which are no words of the page. */
    final List<Element> labels = new ArrayList<>();

    /**
     * Collects the elements under {@code root}; with a safelist, also checks that the Cleaner would
     * copy every node unchanged: elements and attributes all safe, no comment, data or CDATA node.
     *
     * @return false when the Cleaner would change something
     */
    boolean collect(Element root, Safelist safelist) {
      NodeFilter.FilterResult end = NodeTraversor.filter(new NodeFilter() {
        @Override
        public FilterResult head(Node node, int depth) {
          if (node == root) {
            return FilterResult.CONTINUE;
          }
          if (node instanceof Element e) {
            if (safelist != null && !isSafe(e, safelist)) {
              return FilterResult.STOP;
            }
            note(e);
          } else if (safelist != null && node.getClass() != TextNode.class) {
            return FilterResult.STOP;
          }
          return FilterResult.CONTINUE;
        }
      }, root);
      return end != NodeFilter.FilterResult.STOP;
    }

    private static boolean isSafe(Element e, Safelist safelist) {
      String tag = e.normalName();
      if (!safelist.isSafeTag(tag)) {
        return false;
      }
      for (Attribute a : e.attributes()) {
        if (!UrlSafety.isPlainUrl(tag, a) && !safelist.isSafeAttribute(tag, e, a)) {
          return false;
        }
      }
      return true;
    }


    private void note(Element e) {
      switch (e.normalName()) {
        case "a" -> {
          if (e.hasAttr("href")) {
            urls.add(e);
          }
        }
        case "img" -> {
          if (e.hasAttr("src")) {
            urls.add(e);
          }
          images.add(e);
        }
        case "input" -> inputs.add(e);
        case "td", "th" -> {
          if (e.hasAttr("align")) {
            alignedCells.add(e);
          }
        }
        case "h2", "h3", "h4", "h5", "h6" -> {
          if (e.hasAttr("id")) {
            headings.add(e);
          }
        }
        case "code" -> {
          if (e.hasAttr("class") && e.parent() != null && e.parent().nameIs("pre")) {
            code.add(e);
          }
        }
        case "table" -> tables.add(e);
        case "aside" -> {
          if (e.hasClass("callout-instructor")) {
            notes.add(e);
          }
        }
        case "summary" -> {
          if (e.parent() != null && e.parent().hasClass("callout")) {
            labels.add(e);
            return;
          }
        }
        default -> { }
      }
      if (e.hasClass("heading-anchor") || e.hasClass("callout-label")) {
        labels.add(e);
      }
    }
  }
}
