package org.starkit.render;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.starkit.model.Format;

/**
 * The interface strings for pages in one language, looked up through the language's fallbacks.
 * Texts are {@link MessageFormat} patterns with arguments {@code {0}}, {@code {1}}, ... and
 * choices such as {@code {0,choice,1#1 lesson|1<{0} lessons}}; an apostrophe is always a
 * literal apostrophe. Keys ending in {@code _html} hold trusted theme markup: their arguments are
 * escaped, the text is not.
 */
public final class MessageBundle {
  private final String lang;
  private final Locale locale;
  private final List<Map<String, String>> chain;
  private final String fallbackFile;

  MessageBundle(String lang, List<Map<String, String>> chain, String fallbackFile) {
    this.lang = lang;
    this.locale = Locale.forLanguageTag(lang);
    this.chain = List.copyOf(chain);
    this.fallbackFile = fallbackFile;
  }

  /** Thrown when no file of the chain, English included, has a key. */
  public static final class MissingMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;

    MissingMessageException(String key, String file) {
      super("There is no message '" + key + "'.");
      this.file = file;
    }

    /** The English message file, where the key belongs. */
    public String file() {
      return file;
    }
  }

  public String lang() {
    return lang;
  }

  public Locale locale() {
    return locale;
  }

  public boolean has(String key) {
    for (Map<String, String> m : chain) {
      if (m.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /** The text of {@code key} with its arguments filled in. */
  public String text(String key, Object... args) {
    String pattern = pattern(key);
    if (pattern.indexOf('{') < 0) {
      return pattern; // no argument to fill in, and apostrophes are literal: MessageFormat would give it back as is
    }
    Object[] values = args;
    if (key.endsWith("_html")) {
      values = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        values[i] = args[i] instanceof Number ? args[i] : HtmlText.escape(String.valueOf(args[i]));
      }
    }
    return new MessageFormat(pattern.replace("'", "''"), locale).format(values);
  }

  /**
   * The unformatted patterns of every key that starts with {@code prefix}, by key in key order,
   * each from the first file of the chain that has it: for scripts that fill in their own arguments.
   */
  public Map<String, String> patterns(String prefix) {
    Map<String, String> out = new java.util.TreeMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      chain.get(i).forEach((k, v) -> {
        if (k.startsWith(prefix)) {
          out.put(k, v);
        }
      });
    }
    return out;
  }

  private String pattern(String key) {
    for (Map<String, String> m : chain) {
      String v = m.get(key);
      if (v != null) {
        return v;
      }
    }
    throw new MissingMessageException(key, fallbackFile);
  }

  /** How dates are written, from {@code format.date}, such as "Saturday 13 March 2027". */
  public DateTimeFormatter dates() {
    return DateTimeFormatter.ofPattern(pattern("format.date"), locale);
  }

  /** A level's title: {@code level.<id>} when the theme has one, else the id made readable. */
  public String level(String id) {
    return has("level." + id) ? text("level." + id) : Titles.of(id);
  }

  /**
   * A time commitment's title. {@code starkit.yml} gives titles in the site's language, so pages in
   * another language use {@code format.<id>} from their messages when there is one.
   */
  public String format(Format f, String siteLanguage) {
    String key = "format." + f.id();
    boolean own = chain.get(0).containsKey(key) || chain.size() > 2 && chain.get(1).containsKey(key);
    return !lang.equalsIgnoreCase(siteLanguage) && own ? text(key) : f.title();
  }

  /** A language's name in that language, such as "Français" for {@code fr}. */
  public static String languageName(String tag) {
    Locale l = Locale.forLanguageTag(tag);
    String name = l.getDisplayName(l);
    return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(l) + name.substring(1);
  }
}
