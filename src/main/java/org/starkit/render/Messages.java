package org.starkit.render;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.starkit.diagnostic.Diagnostic;

/**
 * A theme's interface strings: one UTF-8 {@code .properties} file per language in the theme's
 * {@code messages/} folder, named by its BCP 47 tag ({@code en.properties}, {@code fr.properties},
 * {@code pt-BR.properties}). English is complete and is where every missing key falls back to, so
 * adding a language is adding one file.
 */
public final class Messages {
  public static final String FOLDER = "messages";
  public static final String FALLBACK = "en";

  private final Map<String, Map<String, String>> byLanguage;
  private final String themeLabel;

  private Messages(Map<String, Map<String, String>> byLanguage, String themeLabel) {
    this.byLanguage = byLanguage;
    this.themeLabel = themeLabel;
  }

  /** Thrown when a message file is missing, unreadable or not UTF-8; carries a diagnostic. */
  public static final class MessagesException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    MessagesException(Diagnostic diagnostic) {
      super(diagnostic.message());
      this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** Reads every message file of a theme; {@code en.properties} must exist. */
  public static Messages load(Path themeDir, String themeLabel) throws MessagesException {
    Path dir = themeDir.resolve(FOLDER);
    String label = themeLabel + "/" + FOLDER + "/";
    if (!Files.isRegularFile(dir.resolve(FALLBACK + ".properties"))) {
      throw new MessagesException(Diagnostic.error(label + FALLBACK + ".properties", 0, 0, "theme-error",
          "The theme has no English message file.",
          "Every theme needs messages/en.properties with all interface strings; copy it from themes/default."));
    }
    Map<String, Map<String, String>> all = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".properties")).sorted().toList();
    } catch (IOException e) {
      throw new MessagesException(Diagnostic.error(label, 0, 0, "theme-error",
          "The message folder cannot be read: " + e.getMessage(), "Check the folder's permissions."));
    }
    for (Path p : files) {
      String name = p.getFileName().toString();
      String tag = name.substring(0, name.length() - ".properties".length());
      all.put(tag.toLowerCase(Locale.ROOT), read(p, label + name));
    }
    return new Messages(Collections.unmodifiableMap(all), themeLabel);
  }

  private static Map<String, String> read(Path file, String label) throws MessagesException {
    Properties props = new Properties();
    try (Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      props.load(in);
    } catch (CharacterCodingException e) {
      throw new MessagesException(Diagnostic.error(label, 0, 0, "theme-error", "The message file is not UTF-8.",
          "Save it as UTF-8 (accented letters are written as they are, not as \\u escapes)."));
    } catch (IOException | IllegalArgumentException e) {
      throw new MessagesException(Diagnostic.error(label, 0, 0, "theme-error",
          "The message file cannot be read: " + e.getMessage(),
          "Write one 'key = text' line per message; a line ending in a backslash continues on the next."));
    }
    Map<String, String> m = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> m.put(k, props.getProperty(k)));
    return Collections.unmodifiableMap(m);
  }

  /** The languages the theme has a message file for, as lower-case tags. */
  public java.util.Set<String> languages() {
    return byLanguage.keySet();
  }

  /** The messages of one file, by key. */
  public Map<String, String> entries(String lang) {
    return byLanguage.getOrDefault(lang.toLowerCase(Locale.ROOT), Map.of());
  }

  /**
   * The strings for pages in {@code lang}: its own file, then the file of its primary language
   * ({@code fr} for {@code fr-CA}), then English.
   */
  public MessageBundle bundle(String lang) {
    String tag = lang.toLowerCase(Locale.ROOT);
    List<Map<String, String>> chain = new java.util.ArrayList<>();
    chain.add(entries(tag));
    int dash = tag.indexOf('-');
    if (dash > 0) {
      chain.add(entries(tag.substring(0, dash)));
    }
    chain.add(entries(FALLBACK));
    return new MessageBundle(lang, chain, themeLabel + "/" + FOLDER + "/" + FALLBACK + ".properties");
  }
}
