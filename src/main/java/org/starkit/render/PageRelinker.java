package org.starkit.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Rewrites the links of one page for an offline pack. It splices the page's own text: a relinked
 * attribute is written anew, a dropped one is cut, a removed element (the search form) is cut with
 * its content, and every other character stays as the site wrote it. That needs no copy of the
 * parsed page and no serialization, which cost most of a pack's time. Where the parser's source
 * positions cannot be trusted for an edit (HTML the parser repairs, such as an element it closes
 * implicitly or recreates, or positions that do not match the text), the page is relinked on a
 * copy of its parsed document and serialized instead, so any theme's HTML packs correctly.
 */
final class PageRelinker {
  /**
   * Where one link sits in the page: its attribute's span, from the name to the end of the value
   * with its closing quote, and its element's span, start tag to end tag, or -1 when the element
   * cannot be cut from the text. A null spot is a link whose positions are not trustworthy.
   */
  private record Spot(int start, int end, int cutStart, int cutEnd) {}

  private final String source;
  private final byte[] bytes;
  private final Document doc;
  private final List<String> attrs;
  private final List<Spot> spots;

  /**
   * @param source the page's text, parsed into {@code doc} with position tracking
   * @param bytes the page's bytes, returned when nothing changes
   * @param elements the page's links in document order, as a fresh select on a copy of {@code doc} finds them
   * @param attrs for each link, the attribute relinking changes, or null
   */
  PageRelinker(String source, byte[] bytes, Document doc, List<Element> elements, List<String> attrs) {
    this.source = source;
    this.bytes = bytes;
    this.doc = doc;
    this.attrs = attrs;
    List<Spot> found = new ArrayList<>();
    int last = -1;
    for (int i = 0; i < elements.size(); i++) {
      Spot s = attrs.get(i) == null ? null : spot(elements.get(i), attrs.get(i));
      if (s != null && s.start() < last) {
        // a link the parser recreated or moved shares or precedes another's text: trust none
        found = null;
        break;
      }
      found.add(s);
      last = s == null ? last : s.end();
    }
    this.spots = found;
  }

  /**
   * The page with each link changed as its decision says: "" keeps it, "=URL" points it to URL,
   * "-" drops the attribute, "x" the element.
   */
  byte[] relink(List<String> decisions) {
    if (decisions.stream().allMatch(String::isEmpty)) {
      return bytes;
    }
    String spliced = splice(decisions);
    return (spliced != null ? spliced : rewrite(decisions)).getBytes(StandardCharsets.UTF_8);
  }

  /** The page's text with the decisions applied to it, or null when an edit's position is not known. */
  private String splice(List<String> decisions) {
    if (spots == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(source.length() + 256);
    int at = 0;
    for (int i = 0; i < decisions.size(); i++) {
      String d = decisions.get(i);
      if (d.isEmpty()) {
        continue;
      }
      Spot s = spots.get(i);
      if (s == null || d.equals("x") && s.cutStart() < 0) {
        return null;
      }
      if (s.start() < at) {
        continue; // inside an element already cut
      }
      if (d.equals("x")) {
        out.append(source, at, s.cutStart());
        at = s.cutEnd();
      } else {
        // a dropped attribute takes the space before it along, as the parsed page would print it
        int from = d.equals("-") && Character.isWhitespace(source.charAt(s.start() - 1)) ? s.start() - 1 : s.start();
        out.append(source, at, from);
        if (d.startsWith("=")) {
          out.append(attrs.get(i)).append("=\"").append(HtmlText.escape(d.substring(1))).append('"');
        }
        at = s.end();
      }
    }
    return out.append(source, at, source.length()).toString();
  }

  /** The page relinked on a copy of its parsed document, for HTML whose positions splicing cannot trust. */
  private String rewrite(List<String> decisions) {
    Document copy;
    synchronized (doc) {
      copy = doc.clone();
    }
    copy.outputSettings().prettyPrint(false);
    List<Element> elements = copy.select(OfflinePacker.LINKS);
    for (int i = 0; i < elements.size(); i++) {
      String d = decisions.get(i);
      Element e = elements.get(i);
      if (d.startsWith("=")) {
        e.attr(attrs.get(i), d.substring(1));
      } else if (d.equals("-")) {
        e.removeAttr(attrs.get(i));
      } else if (d.equals("x")) {
        e.remove();
      }
    }
    // jsoup keeps the page's own doctype: adding one makes a stray second doctype
    return copy.html() + "\n";
  }

  /** Where the attribute {@code attr} of {@code e} sits in the text, or null when its positions do not match the text. */
  private Spot spot(Element e, String attr) {
    var range = e.attributes().sourceRange(attr);
    Range name = range.nameRange();
    Range value = range.valueRange();
    if (!name.isTracked() || !value.isTracked() || name.startPos() < 1 || value.endPos() > source.length()
        || value.startPos() < name.endPos() || value.endPos() < value.startPos()
        || !source.regionMatches(true, name.startPos(), attr, 0, attr.length()) || name.endPos() - name.startPos() != attr.length()) {
      return null;
    }
    String raw = source.substring(value.startPos(), value.endPos());
    String decoded = raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    if (!decoded.equals(e.attr(attr))) {
      return null;
    }
    int end = value.endPos();
    char open = value.startPos() > name.endPos() ? source.charAt(value.startPos() - 1) : 0;
    if ((open == '"' || open == '\'') && end < source.length() && source.charAt(end) == open) {
      end++;
    }
    // only a form is ever removed: its span is needed for nothing else
    return attr.equals("action") && cuttable(e) ? new Spot(name.startPos(), end, e.sourceRange().startPos(),
        e.endSourceRange().endPos()) : new Spot(name.startPos(), end, -1, -1);
  }

  /** Whether the text from the start tag of {@code e} to its end tag, both written in the page, is the element. */
  private boolean cuttable(Element e) {
    Range start = e.sourceRange();
    Range end = e.endSourceRange();
    String open = "<" + e.normalName();
    String close = "</" + e.normalName();
    return start.isTracked() && !start.isImplicit() && end.isTracked() && !end.isImplicit()
        && start.startPos() < end.startPos() && end.endPos() <= source.length()
        && source.regionMatches(true, start.startPos(), open, 0, open.length())
        && source.regionMatches(true, end.startPos(), close, 0, close.length()) && source.charAt(end.endPos() - 1) == '>';
  }
}
