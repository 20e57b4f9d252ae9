package org.starkit.badge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.starkit.model.Achievement;

/**
 * Draws a badge image in the theme's style when an achievement brings none: a medal whose ring
 * colour shows the level, with the badge's name in the SVG. The PNG carries the same medal
 * without text, so it needs no fonts on the machine that draws it.
 */
public final class BadgeArtist {
  private static final List<String> RINGS = List.of("#0b6e4f", "#0b5cad", "#6d28d9", "#9a3412");

  private BadgeArtist() {}

  private static String ring(Achievement a, List<String> levels) {
    int i = Math.max(0, levels.indexOf(a.level()));
    return RINGS.get(Math.min(i, RINGS.size() - 1));
  }

  public static String svg(Achievement a, List<String> levels) {
    String ring = ring(a, levels);
    String name = escape(a.name());
    String level = escape(a.level().isEmpty() ? "badge" : a.level());
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\" role=\"img\""
        + " aria-label=\"" + name + "\">"
        + "<title>" + name + "</title>"
        + "<circle cx=\"128\" cy=\"128\" r=\"120\" fill=\"" + ring + "\"/>"
        + "<circle cx=\"128\" cy=\"128\" r=\"100\" fill=\"#ffffff\"/>"
        + "<path d=\"" + star(128, 96, 34, 14) + "\" fill=\"" + ring + "\"/>"
        + "<text x=\"128\" y=\"160\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"18\" font-weight=\"700\""
        + " fill=\"#1f2328\">" + name + "</text>"
        + "<text x=\"128\" y=\"184\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"14\" fill=\"#57606a\">"
        + level + "</text></svg>\n";
  }

  public static byte[] png(Achievement a, List<String> levels) {
    BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color ring = Color.decode(ring(a, levels));
    g.setColor(ring);
    g.fill(new Ellipse2D.Double(8, 8, 240, 240));
    g.setColor(Color.WHITE);
    g.fill(new Ellipse2D.Double(28, 28, 200, 200));
    g.setColor(ring);
    g.fill(starShape(128, 120, 60, 25));
    g.setStroke(new BasicStroke(6));
    g.drawLine(78, 196, 178, 196);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String star(double cx, double cy, double outer, double inner) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double angle = Math.PI / 5 * i - Math.PI / 2;
      d.append(i == 0 ? "M" : "L").append(String.format(java.util.Locale.ROOT, "%.1f %.1f", cx + r * Math.cos(angle),
          cy + r * Math.sin(angle)));
    }
    return d.append("Z").toString();
  }

  private static Path2D starShape(double cx, double cy, double outer, double inner) {
    Path2D p = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? outer : inner;
      double angle = Math.PI / 5 * i - Math.PI / 2;
      if (i == 0) {
        p.moveTo(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
      } else {
        p.lineTo(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
      }
    }
    p.closePath();
    return p;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
