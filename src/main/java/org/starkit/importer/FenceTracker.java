package org.starkit.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows code fences through a Markdown text line by line, so that conversions leave code alone.
 * Feed it every line in order; {@link #isCode} then says whether that line belongs to a code block
 * (fence lines included).
 */
final class FenceTracker {
  static final Pattern FENCE = Pattern.compile("( {0,3})(`{3,}|~{3,})(.*)");

  private String open;

  /** Takes the next line; true when it is code or a fence line. */
  boolean isCode(String line) {
    Matcher m = FENCE.matcher(line);
    if (open != null) {
      if (m.matches() && m.group(2).charAt(0) == open.charAt(0) && m.group(2).length() >= open.length()
          && m.group(3).isBlank()) {
        open = null;
      }
      return true;
    }
    if (m.matches() && !(m.group(2).charAt(0) == '`' && m.group(3).contains("`"))) {
      open = m.group(2);
      return true;
    }
    return false;
  }

  /** True while a code block is open (after the line last given). */
  boolean inside() {
    return open != null;
  }

  /**
   * Applies {@code change} to the parts of a line outside inline code spans.
   */
  static String outsideCodeSpans(String line, java.util.function.UnaryOperator<String> change) {
    if (line.indexOf('`') < 0) {
      return change.apply(line);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      int tick = line.indexOf('`', i);
      if (tick < 0) {
        out.append(change.apply(line.substring(i)));
        break;
      }
      out.append(change.apply(line.substring(i, tick)));
      int run = tick;
      while (run < line.length() && line.charAt(run) == '`') {
        run++;
      }
      String ticks = line.substring(tick, run);
      int close = line.indexOf(ticks, run);
      while (close >= 0 && close + ticks.length() < line.length() && line.charAt(close + ticks.length()) == '`') {
        close = line.indexOf(ticks, close + ticks.length() + 1);
      }
      if (close < 0) {
        out.append(change.apply(line.substring(tick)));
        break;
      }
      out.append(line, tick, close + ticks.length());
      i = close + ticks.length();
    }
    return out.toString();
  }
}
