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
 * in the source repository (or plain text when there is none). What the source lacks loses its
 * reference: a missing image becomes its alt text marked {@code [image missing: path — alt]}, a link
 * to a missing file keeps its text without the link. Each is collected as a {@link ImportPlan.Lack}
 * for the report and as a to-do item of the chapter, which the lesson lists under {@code todo} for
 * {@code starkit check} to warn about. One rewriter serves every chapter of an import and collects
 * copies, lacks, to-do items and notes.
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
  private final Map<String, Set<String>> todos = new LinkedHashMap<>();
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
        String label = definition.group(1).strip().replaceFirst(":$", "");
        Target t = target(from, definition.group(2), false);
        t.lacked().ifPresent(l -> todo(from, l.definitionTodo(label)));
        lines.set(i, t.url().map(u -> definition.group(1) + u + definition.group(3)).orElse(""));
        continue;
      }
      lines.set(i, FenceTracker.outsideCodeSpans(line, part -> inline(from, part)));
    }
    return String.join("\n", lines);
  }

  /**
   * The to-do items of the chapter {@code from}: one for each missing file its references lost,
   * in the order they were found.
   */
  List<String> todos(String from) {
    return List.copyOf(todos.getOrDefault(from, Set.of()));
  }

  private String inline(String from, String text) {
    Matcher m = INLINE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean image = !m.group(1).isEmpty();
      String label = image ? m.group(2) : inline(from, m.group(2));
      Target t = target(from, m.group(3), image);
      t.lacked().ifPresent(l -> todo(from, image ? l.imageTodo() : l.linkTodo(label)));
      String replacement = t.url().map(u -> m.group(1) + "[" + label + "](" + u + m.group(4) + ")")
          .orElseGet(() -> t.lacked().filter(l -> image).map(l -> l.imageText(label)).orElse(label));
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * Where a link or image now points.
   *
   * @param url the new address, or empty to drop the reference
   * @param lacked the missing file, when the source lacks what it points to
   */
  private record Target(Optional<String> url, Optional<MissingFile> lacked) {
    static Target to(String url) {
      return new Target(Optional.of(url), Optional.empty());
    }
  }

  private Target target(String from, String written, boolean image) {
    String url = written.startsWith("<") && written.endsWith(">") ? written.substring(1, written.length() - 1) : written;
    if (url.isEmpty() || EXTERNAL.matcher(url).matches()) {
      return Target.to(written);
    }
    int cut = indexOfAny(url, "#?");
    String path = cut < 0 ? url : url.substring(0, cut);
    String anchor = url.contains("#") ? url.substring(url.indexOf('#')) : "";
    Optional<String> resolved = resolve(path.startsWith("/") ? path.substring(1) : folder(from) + path);
    if (resolved.isEmpty()) {
      lack(url + " (" + what(image, from) + ", outside the imported folder)");
      return missing(path, path, "outside the imported folder");
    }
    String target = existing(resolved.get());
    if (pages.containsKey(target)) {
      return Target.to(pages.get(target) + anchor);
    }
    String placed = (target.startsWith(root) ? target.substring(root.length()) : target).replace(" ", "%20");
    if (!image && (target.endsWith(".md") || target.endsWith(".Rmd"))) {
      if (!source.has(target)) {
        lack(target + " (" + what(false, from) + ")");
        return missing(placed, target, "missing from the source");
      }
      if (webBase.isPresent()) {
        note("Links to pages that were not imported, such as " + target + ", now point to the source repository.");
        return Target.to(webBase.get() + target + anchor);
      }
      note("Links to pages that were not imported, such as " + target + ", were turned into plain text.");
      return new Target(Optional.empty(), Optional.empty());
    }
    if (!source.has(target)) {
      lack(target + " (" + what(image, from) + ")");
      return missing(placed.replace("%20", " "), target, "missing from the source");
    }
    copies.putIfAbsent(placed, new ImportPlan.CopiedFile(target, placed.replace("%20", " ")));
    return Target.to(placed + (image ? "" : anchor));
  }

  private static Target missing(String shown, String sourcePath, String why) {
    return new Target(Optional.empty(), Optional.of(MissingFile.of(shown, sourcePath, why)));
  }

  private void todo(String from, String item) {
    todos.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(item);
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

  private void lack(String what) {
    lacks.putIfAbsent(what, new ImportPlan.Lack(what));
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
