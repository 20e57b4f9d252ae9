package org.starkit.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points the links and images of imported chapters at their new places. A link to another imported
 * chapter becomes a link to its lesson file; an image or data file is copied beside the lessons and
 * keeps its path below the content root; a Markdown page that is not imported becomes a link to it
 * in the source repository (or plain text when there is none). What the source lacks keeps its
 * reference, so that {@code starkit check} reports it, and is collected as a {@link ImportPlan.Lack}.
 * One rewriter serves every chapter of an import and collects copies, lacks and notes.
 */
final class LinkRewriter {
  private static final Pattern INLINE = Pattern.compile("(!?)\\[((?:[^\\[\\]]|\\[[^\\[\\]]*\\])*)\\]\\(\\s*"
      + "(<[^>\\n]*>|[^\\s()]*(?:\\([^\\s()]*\\)[^\\s()]*)*)((?:\\s+(?:\"[^\"]*\"|'[^']*'))?)\\s*\\)");
  private static final Pattern DEFINITION = Pattern.compile("( {0,3}\\[[^\\]]+\\]:\\s*)(<[^>]*>|\\S+)(.*)");
  private static final Pattern EXTERNAL = Pattern.compile("(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#).*");

  private final ImportSource source;
  private final String root;
  private final Map<String, String> pages;
  private final Optional<String> webBase;
  private final Map<String, ImportPlan.CopiedFile> copies = new LinkedHashMap<>();
  private final Map<String, ImportPlan.Lack> lacks = new LinkedHashMap<>();
  private final Set<String> notes = new LinkedHashSet<>();

  /**
   * @param root the content root inside the source, such as {@code episodes/}, or empty; paths below it
   *     keep their place relative to the lessons
   * @param pages the new lesson file name of each imported chapter, by source path
   * @param webBase where pages of the source can be read online, ending in a slash, if known
   */
  LinkRewriter(ImportSource source, String root, Map<String, String> pages, Optional<String> webBase) {
    this.source = source;
    this.root = root;
    this.pages = Map.copyOf(pages);
    this.webBase = webBase;
  }

  /** The chapter {@code from} with its links and images rewritten. */
  String rewrite(String from, String markdown) {
    List<String> lines = new ArrayList<>(List.of(markdown.split("\n", -1)));
    FenceTracker fences = new FenceTracker();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (fences.isCode(line)) {
        continue;
      }
      Matcher definition = DEFINITION.matcher(line);
      if (definition.matches()) {
        String url = target(from, definition.group(2), false).orElse(definition.group(2));
        lines.set(i, definition.group(1) + url + definition.group(3));
        continue;
      }
      lines.set(i, FenceTracker.outsideCodeSpans(line, part -> inline(from, part)));
    }
    return String.join("\n", lines);
  }

  private String inline(String from, String text) {
    Matcher m = INLINE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean image = !m.group(1).isEmpty();
      Optional<String> url = target(from, m.group(3), image);
      String replacement = url.map(u -> m.group(1) + "[" + m.group(2) + "](" + u + m.group(4) + ")").orElse(m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The new address, or empty to drop the link and keep its text. */
  private Optional<String> target(String from, String written, boolean image) {
    String url = written.startsWith("<") && written.endsWith(">") ? written.substring(1, written.length() - 1) : written;
    if (url.isEmpty() || EXTERNAL.matcher(url).matches()) {
      return Optional.of(written);
    }
    int cut = indexOfAny(url, "#?");
    String path = cut < 0 ? url : url.substring(0, cut);
    String anchor = url.contains("#") ? url.substring(url.indexOf('#')) : "";
    Optional<String> resolved = resolve(path.startsWith("/") ? path.substring(1) : folder(from) + path);
    if (resolved.isEmpty()) {
      lack(url + " (" + what(image, from) + ", outside the imported folder)", written);
      return Optional.of(written);
    }
    String target = existing(resolved.get());
    if (pages.containsKey(target)) {
      return Optional.of(pages.get(target) + anchor);
    }
    String placed = (target.startsWith(root) ? target.substring(root.length()) : target).replace(" ", "%20");
    if (!image && (target.endsWith(".md") || target.endsWith(".Rmd"))) {
      if (!source.has(target)) {
        lack(target + " (" + what(false, from) + ")", placed + anchor);
        return Optional.of(placed + anchor);
      }
      if (webBase.isPresent()) {
        note("Links to pages that were not imported, such as " + target + ", now point to the source repository.");
        return Optional.of(webBase.get() + target + anchor);
      }
      note("Links to pages that were not imported, such as " + target + ", were turned into plain text.");
      return Optional.empty();
    }
    if (source.has(target)) {
      copies.putIfAbsent(placed, new ImportPlan.CopiedFile(target, placed.replace("%20", " ")));
    } else {
      lack(target + " (" + what(image, from) + ")", placed);
    }
    return Optional.of(placed + (image ? "" : anchor));
  }

  /** The path itself, or the page a folder or {@code .html} address stands for when only that exists. */
  private String existing(String path) {
    List<String> candidates = path.isEmpty() || path.endsWith("/")
        ? List.of(path + "README.md", path + "index.md")
        : path.endsWith(".html") ? List.of(path, path.substring(0, path.length() - 5) + ".md") : List.of(path);
    return candidates.stream().filter(c -> source.has(c) || pages.containsKey(c)).findFirst()
        .orElse(candidates.get(0));
  }

  /** Adds a note about pages that were not imported, once, naming the first such page as an example. */
  private void note(String text) {
    if (notes.stream().noneMatch(n -> n.startsWith(text.substring(0, text.indexOf(", such as"))))) {
      notes.add(text);
    }
  }

  private void lack(String what, String reference) {
    lacks.putIfAbsent(what, new ImportPlan.Lack(what, reference));
  }

  private static String what(boolean image, String from) {
    return (image ? "an image in " : "linked from ") + from;
  }

  private static String folder(String path) {
    return path.substring(0, path.lastIndexOf('/') + 1);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The normalised path, or empty when it climbs out of the source folder. */
  private static Optional<String> resolve(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.replace("%20", " ").split("/", -1)) {
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.removeLast();
      } else if (!p.isEmpty() && !p.equals(".")) {
        parts.addLast(p);
      }
    }
    return Optional.of(String.join("/", parts) + (path.endsWith("/") && !parts.isEmpty() ? "/" : ""));
  }

  List<ImportPlan.CopiedFile> copies() {
    return List.copyOf(copies.values());
  }

  List<ImportPlan.Lack> lacks() {
    return List.copyOf(lacks.values());
  }

  List<String> notes() {
    return List.copyOf(notes);
  }
}
