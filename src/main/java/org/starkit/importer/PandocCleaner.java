package org.starkit.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.markdown.CalloutTypes;

/**
 * Rewrites the Pandoc and Workbench syntax that CommonMark does not know into what starkit reads:
 * fenced divs become {@code ::: type} and {@code :::}, {@code {.language-bash}} fences become
 * {@code bash} fences, {@code {alt="..."}} image attributes become alt text, attribute spans
 * {@code [text]{.class}} become their text, and heading and link attributes are dropped.
 */
final class PandocCleaner {
  private static final Pattern DIV = Pattern.compile(" {0,3}:{3,}\\s*(.*?)\\s*:*\\s*");
  private static final Pattern DIV_TYPE =
      Pattern.compile("(?:\\{\\s*\\.?([A-Za-z][\\w-]*)[^}]*\\}|\\.?([A-Za-z][\\w-]*))\\s*(.*)");
  private static final Pattern FENCE_ATTRIBUTES = Pattern.compile("( {0,3}(?:`{3,}|~{3,}))\\s*\\{([^}]*)\\}\\s*");
  private static final Pattern KRAMDOWN = Pattern.compile("\\s*\\{:\\s*([^}]*)\\}\\s*");
  private static final Pattern IMAGE_ATTRIBUTES = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)]*)\\)\\{([^}]*)\\}");
  private static final Pattern ALT = Pattern.compile("alt\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|([^\\s}]+))");
  private static final Pattern LINK_ATTRIBUTES = Pattern.compile("(\\]\\([^)]*\\))\\{[^}]*\\}");
  private static final Pattern SPAN = Pattern.compile("(?<![!\\\\])\\[([^\\[\\]]*)\\]\\{[^}]*\\}");
  private static final Pattern HEADING_ATTRIBUTES = Pattern.compile("( {0,3}#{1,6}\\s.*?)\\s*\\{[#.][^}]*\\}\\s*");

  private final Map<String, Integer> counts = new TreeMap<>();

  /** The text with Pandoc syntax rewritten; what changed adds up in {@link #notes} over every call. */
  String clean(String markdown) {
    List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
    FenceTracker fences = new FenceTracker();
    int opener = -1;
    int closedAt = -2;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean wasInside = fences.inside();
      if (fences.isCode(line)) {
        if (!wasInside) {
          opener = i;
          lines.set(i, fenceLanguage(line));
        } else if (!fences.inside()) {
          closedAt = i;
        }
        continue;
      }
      Matcher kramdown = KRAMDOWN.matcher(line);
      if (kramdown.matches()) {
        if (closedAt == i - 1 && opener >= 0) {
          lines.set(opener, withLanguage(lines.get(opener), kramdown.group(1)));
        } else {
          count("Removed %n kramdown attribute lines such as '{: .challenge}' (blockquote callouts of the older"
              + " Carpentries style are not converted).");
        }
        lines.remove(i--);
        continue;
      }
      lines.set(i, cleanLine(line));
    }
    return String.join("\n", lines);
  }

  /** What the cleaning changed, one sentence per kind of change, with counts. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    counts.forEach((what, n) -> notes.add(what.replace("%n", String.valueOf(n))));
    return notes;
  }

  private String cleanLine(String line) {
    Matcher div = DIV.matcher(line);
    if (div.matches()) {
      return div.group(1).isEmpty() ? ":::" : opener(div.group(1));
    }
    Matcher heading = HEADING_ATTRIBUTES.matcher(line);
    if (heading.matches()) {
      line = heading.group(1);
      count("Dropped %n heading attributes such as '{#id}'.");
    }
    return FenceTracker.outsideCodeSpans(line, this::cleanInline);
  }

  private String opener(String rest) {
    Matcher m = DIV_TYPE.matcher(rest);
    if (!m.matches()) {
      count("Turned %n fenced divs without a type into callouts.");
      return "::: callout";
    }
    String type = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
    String title = m.group(3).strip();
    if (!CalloutTypes.isKnown(type)) {
      count("Turned %n fenced divs of type '" + type + "', which starkit does not know, into callouts.");
      title = title.isEmpty() ? type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) : title;
      type = "callout";
    }
    return "::: " + type + (title.isEmpty() ? "" : " " + title);
  }

  private String cleanInline(String text) {
    Matcher image = IMAGE_ATTRIBUTES.matcher(text);
    StringBuilder out = new StringBuilder();
    while (image.find()) {
      Matcher alt = ALT.matcher(image.group(3));
      String altText = alt.find() ? first(alt.group(1), alt.group(2), alt.group(3)) : image.group(1);
      altText = altText.isBlank() ? image.group(1) : altText;
      count("Moved %n image attributes such as {alt='...'} into alt text.");
      image.appendReplacement(out, Matcher.quoteReplacement(
          "![" + altText.replace("[", "\\[").replace("]", "\\]") + "](" + image.group(2) + ")"));
    }
    image.appendTail(out);
    String s = out.toString();
    String linked = LINK_ATTRIBUTES.matcher(s).replaceAll("$1");
    if (!linked.equals(s)) {
      count("Dropped %n link attributes such as '{target=\"_blank\"}'.");
    }
    Matcher span = SPAN.matcher(linked);
    StringBuilder plain = new StringBuilder();
    while (span.find()) {
      count("Turned %n attribute spans such as '[text]{.class}' into plain text.");
      span.appendReplacement(plain, Matcher.quoteReplacement(span.group(1)));
    }
    span.appendTail(plain);
    return plain.toString();
  }

  private String fenceLanguage(String line) {
    Matcher m = FENCE_ATTRIBUTES.matcher(line);
    return m.matches() ? withLanguage(m.group(1), m.group(2)) : line;
  }

  /** The fence line with the language named in Pandoc or kramdown attributes, such as {@code .language-bash}. */
  private String withLanguage(String fenceLine, String attributes) {
    Matcher fence = FenceTracker.FENCE.matcher(fenceLine);
    if (!fence.matches() || !fence.group(3).isBlank()) {
      return fenceLine;
    }
    String first = attributes.strip().split("[\\s,]+")[0].replaceFirst("^\\.", "").replaceFirst("^language-", "");
    if (!first.matches("[\\w+#-]+")) {
      return fenceLine;
    }
    count("Moved %n code block languages out of attributes such as '{.language-bash}'.");
    return fence.group(1) + fence.group(2) + first;
  }

  private void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return "";
  }
}
