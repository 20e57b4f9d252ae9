package org.starkit.badge;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Bakes a credential into an SVG ({@code <openbadges:credential verify="JWS"/>} for 3.0,
 * {@code <openbadges:assertion verify="JWS"/>} for 2.0) and reads it back with an XML parser that
 * never loads a DTD or resolves an external entity.
 */
public final class SvgBaker {
  public static final String OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
  public static final String OB2_NS = "http://openbadges.org";

  private SvgBaker() {}

  public static String bake(String svg, boolean ob3, String jws) throws PngBaker.BakeException {
    return prepare(svg, ob3).bake(jws);
  }

  /** An SVG cut once around where its badge goes, to bake many badges of one version into it. */
  public record Template(String before, String after) {
    public String bake(String jws) {
      return before + jws + after;
    }
  }

  public static Template prepare(String svg, boolean ob3) throws PngBaker.BakeException {
    int start = svg.indexOf("<svg");
    int end = start < 0 ? -1 : svg.indexOf('>', start);
    if (end < 0) {
      throw new PngBaker.BakeException("the image is not an SVG");
    }
    boolean selfClosing = svg.charAt(end - 1) == '/';
    String open = svg.substring(start, selfClosing ? end - 1 : end);
    String ns = " xmlns:openbadges=\"" + (ob3 ? OB3_NS : OB2_NS) + "\"";
    String element = "<openbadges:" + (ob3 ? "credential" : "assertion") + " verify=\"";
    return new Template(svg.substring(0, start) + open + ns + ">" + element,
        "\"/>" + (selfClosing ? "</svg>" : "") + svg.substring(end + 1));
  }

  public static PngBaker.Baked unbake(byte[] svg) throws PngBaker.BakeException {
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      // SVGs often carry a DOCTYPE; allow it, but never load a DTD or an external entity.
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new ByteArrayInputStream(svg));
    } catch (Exception e) {
      throw new PngBaker.BakeException("the SVG could not be read safely: " + e.getMessage());
    }
    PngBaker.Baked found = null;
    for (String[] kind : new String[][] {{OB3_NS, "credential", PngBaker.OB3}, {OB2_NS, "assertion", PngBaker.OB2}}) {
      NodeList nodes = doc.getElementsByTagNameNS(kind[0], kind[1]);
      if (nodes.getLength() > 1 || (nodes.getLength() == 1 && found != null)) {
        throw new PngBaker.BakeException("the SVG holds more than one badge");
      }
      if (nodes.getLength() == 1) {
        Element e = (Element) nodes.item(0);
        String text = e.hasAttribute("verify") ? e.getAttribute("verify") : e.getTextContent().strip();
        found = new PngBaker.Baked(kind[2], text);
      }
    }
    if (found == null) {
      throw new PngBaker.BakeException("the SVG holds no badge (no openbadges:credential or openbadges:assertion)");
    }
    return found;
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
