package org.starkit.importer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.importer.ImportPlan.Lack;

/**
 * Resolves the GitBook/HonKit template syntax of a chapter, which no Markdown reader knows:
 * {@code {% include "file.md" %}} is replaced by the file (or removed when the source lacks it, which
 * becomes a to-do item of the chapter),
 * {@code {% filename %}x{% endfilename %}} becomes an emphasised label, {@code {% hint %}} a callout,
 * {@code <!--sec data-title="..." ces-->} sections collapsed spoilers, {@code {% if %}} keeps its first
 * branch, {@code {% raw %}} content is kept as written, {@code {{ book.language }}} becomes the
 * language, and every other tag or variable is removed. Each kind of change is noted once.
 */
final class GitbookTemplater {
  private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)(.*?)\\s*-?%\\}|\\{\\{-?\\s*(.*?)\\s*-?\\}\\}");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
  private static final Pattern SECTION = Pattern.compile("(?m)^[ \\t]*<!--sec\\b(.*?)ces-->[ \\t]*$");
  private static final Pattern SECTION_END = Pattern.compile("(?m)^[ \\t]*<!--endsec-->[ \\t]*$");
  private static final Pattern DATA_TITLE = Pattern.compile("data-title=\"([^\"]*)\"");
  private static final int MAX_DEPTH = 5;

  private final ImportSource source;
  private final String language;
  private final Set<String> notes = new LinkedHashSet<>();
  private final List<Lack> lacks = new ArrayList<>();
  private final Map<String, Set<String>> todos = new LinkedHashMap<>();
  private String chapter = "";

  /** @param language the book's language code, for {@code {{ book.language }}}, or empty */
  GitbookTemplater(ImportSource source, String language) {
    this.source = source;
    this.language = language;
  }

  /** The chapter at {@code path} with its template syntax resolved. */
  String expand(String path, String text) {
    chapter = path;
    return sections(tags(path, text, 0));
  }

  private String tags(String path, String text, int depth) {
    Matcher m = TAG.matcher(text);
    StringBuilder out = new StringBuilder();
    Deque<Boolean> keep = new ArrayDeque<>();
    boolean raw = false;
    int last = 0;
    while (m.find()) {
      String tag = m.group(1) == null ? "" : m.group(1);
      if (raw && !tag.equals("endraw")) {
        continue;
      }
      boolean keeping = !keep.contains(false);
      if (keeping) {
        out.append(text, last, m.start());
      }
      last = m.end();
      switch (tag) {
        case "raw", "endraw" -> raw = tag.equals("raw");
        case "if" -> keep.push(keeping);
        case "elif", "else" -> {
          if (!keep.isEmpty()) {
            keep.pop();
            keep.push(false);
          }
          notes.add("Kept the first branch of {% if %} blocks and removed the {% else %} branches.");
        }
        case "endif" -> keep.poll();
        default -> {
          if (keeping) {
            out.append(replacement(path, tag, m, depth));
          }
        }
      }
      if (tag.equals("if") || tag.equals("endif")) {
        notes.add("Removed GitBook template tags such as {% if %} and {% endif %}; the text between them stays.");
      }
    }
    if (!keep.contains(false)) {
      out.append(text.substring(last));
    }
    return out.toString();
  }

  private String replacement(String path, String tag, Matcher m, int depth) {
    if (m.group(1) == null) {
      String variable = m.group(3);
      if (variable.equals("book.language") && !language.isEmpty()) {
        return language;
      }
      notes.add("Removed template variables such as {{ " + variable + " }}.");
      return "";
    }
    switch (tag) {
      case "include":
        return include(path, m.group(2), depth);
      case "filename":
        notes.add("Turned {% filename %} labels into emphasised text before their code blocks.");
        return "*";
      case "endfilename":
        return "*";
      case "hint":
        notes.add("Turned {% hint %} blocks into callouts.");
        return "\n::: callout\n\n";
      case "endhint":
        return "\n\n:::\n";
      default:
        notes.add("Removed the GitBook tag {% " + tag + " %}.");
        return "";
    }
  }

  private String include(String path, String arguments, int depth) {
    Matcher q = QUOTED.matcher(arguments);
    if (!q.find()) {
      notes.add("Removed an {% include %} without a file name in " + path + ".");
      return "";
    }
    String file = q.group(1);
    String target = file.startsWith("/") ? file.substring(1) : path.substring(0, path.lastIndexOf('/') + 1) + file;
    if (depth >= MAX_DEPTH || source.text(target).isEmpty()) {
      lacks.add(new Lack(target + " (included by " + path + "; the include was removed)"));
      todos.computeIfAbsent(chapter, k -> new LinkedHashSet<>()).add("the file " + target + " that " + path
          + " included, missing from the source: the {% include %} was removed, so its text is missing here");
      return "";
    }
    notes.add("Replaced {% include %} tags by the files they include.");
    return tags(target, source.text(target).get().strip(), depth + 1);
  }

  /** HonKit collapsible sections as spoilers, which starkit shows collapsed too. */
  private String sections(String text) {
    Matcher m = SECTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Matcher title = DATA_TITLE.matcher(m.group(1));
      String heading = title.find() ? " " + title.group(1).strip() : "";
      notes.add("Turned collapsible <!--sec--> sections into spoiler blocks.");
      m.appendReplacement(out, Matcher.quoteReplacement("\n::: spoiler" + heading + "\n"));
    }
    m.appendTail(out);
    return SECTION_END.matcher(out.toString()).replaceAll("\n:::\n");
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  /** What the chapter at {@code path} is missing because includes were removed, one item each. */
  List<String> todos(String path) {
    return List.copyOf(todos.getOrDefault(path, Set.of()));
  }

  List<Lack> lacks() {
    return List.copyOf(lacks);
  }
}
