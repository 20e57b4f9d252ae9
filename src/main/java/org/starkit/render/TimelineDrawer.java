package org.starkit.render;

import java.util.List;
import org.starkit.model.LessonDuration;
import org.starkit.plan.SessionPlan;
import org.starkit.plan.Slot;

/**
 * Draws a kit's schedule as an SVG timeline at build time: one bar per session, one block per
 * slot, width proportional to time. Colours come from the page's CSS classes, so it follows
 * the light and dark schemes, and a title and description make it readable without sight.
 */
final class TimelineDrawer {
  private static final int WIDTH = 960;
  private static final int ROW = 64;
  private static final int LABEL = 24;

  private final MessageBundle text;
  private final KitViewBuilder kits;

  TimelineDrawer(MessageBundle text, KitViewBuilder kits) {
    this.text = text;
    this.kits = kits;
  }

  String draw(String id, List<SessionPlan> sessions) {
    int longest = sessions.stream().mapToInt(SessionPlan::minutes).max().orElse(1);
    int height = sessions.size() * (ROW + LABEL) + 8;
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"timeline\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"tl-title-").append(id).append(" tl-desc-").append(id).append("\">");
    s.append("<title id=\"tl-title-").append(id).append("\">").append(esc(text.text("timeline.title")))
        .append("</title>");
    s.append("<desc id=\"tl-desc-").append(id).append("\">");
    for (SessionPlan p : sessions) {
      s.append(esc((p.title().isEmpty() ? "" : p.title() + ": ") + text.text("timeline.span", p.start(), p.end())
          + " "));
      for (Slot slot : p.slots()) {
        s.append(esc(slot.start() + " " + kits.slotTitle(sessions, p, slot) + " ("
            + LessonDuration.format(slot.minutes()) + "). "));
      }
    }
    s.append("</desc>");
    int y = 4;
    for (SessionPlan p : sessions) {
      String label = (p.title().isEmpty() ? "" : p.title() + " \u00b7 ") + p.start() + "\u2013" + p.end();
      s.append("<text class=\"tl-session\" x=\"0\" y=\"").append(y + 16).append("\">").append(esc(label)).append("</text>");
      int top = y + LABEL;
      for (Slot slot : p.slots()) {
        double x = (double) minutesFrom(p, slot) / longest * (WIDTH - 2);
        double w = Math.max(1, (double) slot.minutes() / longest * (WIDTH - 2));
        s.append("<g class=\"tl-").append(slot.kind().id()).append("\"><rect x=\"").append(fmt(x + 1)).append("\" y=\"")
            .append(top).append("\" width=\"").append(fmt(w - 1)).append("\" height=\"").append(ROW - 16)
            .append("\" rx=\"4\"/>");
        if (w >= 48) {
          s.append("<text x=\"").append(fmt(x + 6)).append("\" y=\"").append(top + 20).append("\">")
              .append(esc(shorten(kits.slotTitle(sessions, p, slot), (int) (w / 8)))).append("</text>");
          s.append("<text class=\"tl-time\" x=\"").append(fmt(x + 6)).append("\" y=\"").append(top + 38).append("\">")
              .append(slot.start()).append("</text>");
        }
        s.append("</g>");
      }
      y += ROW + LABEL;
    }
    return s.append("</svg>").toString();
  }

  private static int minutesFrom(SessionPlan p, Slot slot) {
    int m = slot.start().toSecondOfDay() / 60 - p.start().toSecondOfDay() / 60;
    return m < 0 ? m + 24 * 60 : m;
  }

  private static String shorten(String text, int chars) {
    return text.length() <= chars ? text : text.substring(0, Math.max(1, chars - 1)) + "\u2026";
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
