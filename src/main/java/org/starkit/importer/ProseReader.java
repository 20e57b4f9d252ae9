package org.starkit.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads short texts out of Markdown for front-matter fields: the bullets of a callout, list items,
 * the first paragraph, the first sentence, all as plain text. Works on text already cleaned by
 * {@link PandocCleaner}, so callouts are {@code ::: type} ... {@code :::}.
 */
final class ProseReader {
  static final int MAX_SUMMARY = 300;
  private static final Pattern ITEM = Pattern.compile(" {0,3}(?:[-*+]|\\d{1,9}[.)])\\s+(.*)");
  private static final Pattern BLOCK_START =
      Pattern.compile(" {0,3}(?:#|>|:::|<|\\||```|~~~|!\\[|\\{%|[-*+]\\s|\\d{1,9}[.)]\\s|\\[[^\\]]*\\]:).*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s+[\"'(\\[]?[A-Z0-9]|\\s*$)");

  private ProseReader() {}

  /** The bullets of the first {@code ::: type} callout, as plain text. */
  static List<String> calloutItems(String markdown, String type) {
    return items(callout(markdown, type).orElse(""));
  }

  /** The lines inside the first top-level {@code ::: type} callout, or empty when there is none. */
  static Optional<String> callout(String markdown, String type) {
    List<String> lines = List.of(markdown.split("\n", -1));
    int[] range = range(lines, type);
    return range.length == 0 ? Optional.empty() : Optional.of(String.join("\n", lines.subList(range[0] + 1, range[1])));
  }

  /** The text without its first top-level {@code ::: type} callout. */
  static String withoutCallout(String markdown, String type) {
    List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
    int[] range = range(lines, type);
    if (range.length == 0) {
      return markdown;
    }
    lines.subList(range[0], range[1] + 1).clear();
    return String.join("\n", lines);
  }

  /** Indexes of the opening and closing lines of the first top-level {@code ::: type} callout. */
  private static int[] range(List<String> lines, String type) {
    int depth = 0;
    int start = -1;
    FenceTracker fences = new FenceTracker();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (fences.isCode(lines.get(i)) || !line.startsWith(":::")) {
        continue;
      }
      if (line.equals(":::")) {
        depth--;
        if (depth == 0 && start >= 0) {
          return new int[] {start, i};
        }
      } else {
        if (depth == 0 && start < 0 && line.matches(":::\\s+" + Pattern.quote(type) + "(\\s.*)?")) {
          start = i;
        }
        depth++;
      }
    }
    return new int[0];
  }

  /** The top-level list items outside callouts and code, as plain text, continuation lines joined. */
  static List<String> items(String markdown) {
    List<String> items = new ArrayList<>();
    StringBuilder current = null;
    int depth = 0;
    FenceTracker fences = new FenceTracker();
    for (String line : markdown.split("\n", -1)) {
      boolean code = fences.isCode(line);
      String t = line.strip();
      if (!code && t.startsWith(":::")) {
        depth += t.equals(":::") ? -1 : 1;
      }
      Matcher item = ITEM.matcher(line);
      if (current != null && (code || t.isEmpty() || depth > 0 || item.matches() || BLOCK_START.matcher(t).matches())) {
        add(items, current);
        current = null;
      }
      if (!code && depth == 0 && item.matches()) {
        current = new StringBuilder(item.group(1));
      } else if (current != null) {
        current.append(' ').append(t);
      }
    }
    if (current != null) {
      add(items, current);
    }
    return items;
  }

  private static void add(List<String> items, StringBuilder item) {
    String text = plain(item.toString());
    if (!text.isEmpty()) {
      items.add(text);
    }
  }

  /** The first paragraph of prose outside callouts, code, headings, lists and quotes, as plain text. */
  static Optional<String> firstParagraph(String markdown) {
    StringBuilder paragraph = new StringBuilder();
    int depth = 0;
    FenceTracker fences = new FenceTracker();
    for (String line : markdown.split("\n", -1)) {
      boolean code = fences.isCode(line);
      String t = line.strip();
      if (!code && t.startsWith(":::")) {
        depth += t.equals(":::") ? -1 : 1;
      }
      boolean prose = !code && depth == 0 && !t.isEmpty() && !line.startsWith("    ")
          && (paragraph.length() > 0 || !BLOCK_START.matcher(t).matches());
      if (prose && !t.startsWith(":::")) {
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(t);
      } else if (paragraph.length() > 0) {
        break;
      }
    }
    String text = plain(paragraph.toString());
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** The first sentence of a plain text, shortened at a word to at most {@link #MAX_SUMMARY} characters. */
  static String firstSentence(String text) {
    String t = text.strip();
    Matcher end = SENTENCE_END.matcher(t);
    String sentence = end.find() ? t.substring(0, end.end()) : t;
    if (sentence.length() <= MAX_SUMMARY) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', MAX_SUMMARY - 1);
    return sentence.substring(0, cut > 0 ? cut : MAX_SUMMARY - 1).replaceAll("[\\s,;:]+$", "") + "…";
  }

  /** Inline Markdown as plain text: links and images by their text, no emphasis, code marks or tags. */
  static String plain(String markdown) {
    return markdown
        .replaceAll("!\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
        .replaceAll("\\[([^\\]]*)\\]\\[[^\\]]*\\]", "$1")
        .replaceAll("\\[([^\\]]*)\\]\\{[^}]*\\}", "$1")
        .replaceAll("</?[A-Za-z][^>]*>", "")
        .replaceAll("\\{%.*?%\\}|\\{\\{.*?\\}\\}", "")
        .replaceAll("(\\*\\*|__|\\*|`)", "")
        .replaceAll("(?<![\\w\\\\])_([^_]+)_(?!\\w)", "$1")
        .replaceAll("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>])", "$1")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
