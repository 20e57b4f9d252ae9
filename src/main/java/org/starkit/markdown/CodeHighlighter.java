package org.starkit.markdown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Highlights fenced code at build time, so pages need no script for it: the text of each
 * {@code <pre><code class="language-x">} is split into tokens, and keywords, strings, comments,
 * numbers, built-in names and prompts are wrapped in {@code <span class="hl-…">} (styled by the
 * theme). Knows Python, shell and console sessions, JSON and TOML; other languages stay plain.
 * The text itself is never changed, only wrapped.
 */
final class CodeHighlighter {
  /** A language: token kinds (the CSS class suffix) and their patterns, tried in order at each position. */
  private record Grammar(Pattern pattern, List<String> kinds) {
    static Grammar of(Map<String, String> rules) {
      StringBuilder regex = new StringBuilder();
      for (Map.Entry<String, String> rule : rules.entrySet()) {
        regex.append(regex.length() == 0 ? "" : "|").append("(").append(rule.getValue()).append(")");
      }
      return new Grammar(Pattern.compile(regex.toString(), Pattern.MULTILINE), List.copyOf(rules.keySet()));
    }
  }

  private static final String PY_STRING = "(?i:[rbuf]{0,2})(?:\"\"\"[\\s\\S]*?\"\"\"|'''[\\s\\S]*?'''"
      + "|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*')";
  private static final Grammar PYTHON = Grammar.of(rules(
      "com", "#[^\\n]*",
      "str", PY_STRING,
      "kw", "\\b(?:False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else|except"
          + "|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while|with"
          + "|yield)\\b",
      "fn", "\\b(?:abs|all|any|bool|dict|enumerate|float|input|int|isinstance|len|list|max|min|open|print"
          + "|range|reversed|round|set|sorted|str|sum|super|tuple|type|zip)\\b(?=\\()",
      "num", "\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b",
      "deco", "^[ \\t]*@[\\w.]+"));
  private static final Grammar SHELL = Grammar.of(rules(
      "com", "(?<![^\\s])#[^\\n]*",
      "str", "\"(?:\\\\.|[^\"\\\\])*\"|'[^']*'",
      "var", "\\$(?:\\{[^}\\n]*\\}|\\w+)",
      "kw", "\\b(?:if|then|else|elif|fi|for|in|do|done|while|case|esac|function|export|source)\\b"));
  /** A console prompt at the start of a line: {@code $}, Python's {@code >>>} and {@code ...}, Windows. */
  private static final Pattern PROMPT = Pattern.compile("^(?:\\$|>>>|\\.\\.\\.|[A-Za-z]:\\\\[^>\\n]*>|PS [^>\\n]*>)(?= |$)");
  private static final Grammar JSON = Grammar.of(rules(
      "key", "\"(?:\\\\.|[^\"\\\\\\n])*\"(?=\\s*:)",
      "str", "\"(?:\\\\.|[^\"\\\\\\n])*\"",
      "kw", "\\b(?:true|false|null)\\b",
      "num", "-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b"));
  private static final Grammar TOML = Grammar.of(rules(
      "com", "#[^\\n]*",
      "key", "^[ \\t]*\\[{1,2}[^\\]\\n]+\\]{1,2}|^[ \\t]*[\\w.\"-]+(?=[ \\t]*=)",
      "str", "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'[^'\\n]*'",
      "kw", "\\b(?:true|false)\\b",
      "num", "\\b\\d[\\d_:.-]*\\b"));
  private static final Map<String, Grammar> LANGUAGES = Map.of("python", PYTHON, "py", PYTHON, "sh", SHELL,
      "bash", SHELL, "shell", SHELL, "json", JSON, "toml", TOML);

  /** Highlights every code block inside {@code root} whose language is known. */
  void highlight(Element root) {
    for (Element code : root.select("pre > code[class]")) {
      highlightBlock(code);
    }
  }

  /** Highlights one {@code <code>} of a {@code <pre>}, if its language is known. */
  void highlightBlock(Element code) {
    Grammar grammar = null;
    boolean console = false;
    for (String c : code.classNames()) {
      if (c.startsWith("language-")) {
        String language = c.substring(9).toLowerCase(Locale.ROOT);
        grammar = LANGUAGES.get(language);
        console = language.equals("console") || language.equals("shell-session");
      }
    }
    if ((grammar != null || console) && code.children().isEmpty()) {
      String text = code.wholeText();
      code.empty();
      if (console) {
        highlightConsole(code, text);
      } else {
        append(code, text, grammar);
      }
    }
  }

  /** A console session: prompts, the commands after {@code $} as shell, Python after {@code >>>}. */
  private static void highlightConsole(Element code, String text) {
    for (String line : text.split("(?<=\\n)")) {
      Matcher prompt = PROMPT.matcher(line);
      if (prompt.lookingAt()) {
        code.appendChild(span("prompt", prompt.group()));
        boolean python = prompt.group().equals(">>>") || prompt.group().equals("...");
        append(code, line.substring(prompt.end()), python ? PYTHON : SHELL);
      } else {
        code.appendChild(new TextNode(line));
      }
    }
  }

  private static void append(Element code, String text, Grammar grammar) {
    Matcher m = grammar.pattern().matcher(text);
    int at = 0;
    while (m.find()) {
      if (m.end() == m.start()) {
        continue;
      }
      if (m.start() > at) {
        code.appendChild(new TextNode(text.substring(at, m.start())));
      }
      for (int g = 1; g <= grammar.kinds().size(); g++) {
        if (m.group(g) != null) {
          code.appendChild(span(grammar.kinds().get(g - 1), m.group()));
          break;
        }
      }
      at = m.end();
    }
    if (at < text.length()) {
      code.appendChild(new TextNode(text.substring(at)));
    }
  }

  private static Element span(String kind, String text) {
    return new Element("span").addClass("hl-" + kind).appendChild(new TextNode(text));
  }

  private static Map<String, String> rules(String... kindsAndPatterns) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (int i = 0; i < kindsAndPatterns.length; i += 2) {
      rules.put(kindsAndPatterns[i], kindsAndPatterns[i + 1]);
    }
    return rules;
  }
}
