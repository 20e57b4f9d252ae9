package org.starkit.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.starkit.diagnostic.Diagnostic;

/**
 * Renders theme templates with Pebble: autoescaping on, strict variables, templates loaded only
 * from the theme folder. A template error becomes a {@link ThemeException} naming the template
 * file and line.
 */
public final class TemplateRenderer {
  private final PebbleEngine engine;
  private final String themeLabel;
  private final Path themeDir;
  private final Map<String, PebbleTemplate> templates = new ConcurrentHashMap<>();
  private final Messages messages;
  private final Messages.MessagesException messagesProblem;

  /**
   * @param themeDir the theme folder holding the {@code .peb} templates
   * @param themeLabel how diagnostics name the theme folder, such as {@code themes/default}
   */
  public TemplateRenderer(Path themeDir, String themeLabel) {
    FileLoader loader = new FileLoader(themeDir.toAbsolutePath().normalize().toString());
    Messages loaded = null;
    Messages.MessagesException problem = null;
    try {
      loaded = Messages.load(themeDir, themeLabel);
    } catch (Messages.MessagesException e) {
      problem = e;
    }
    this.messages = loaded;
    this.messagesProblem = problem;
    PebbleEngine.Builder builder = new PebbleEngine.Builder().loader(loader).strictVariables(true).autoEscaping(true)
        .newLineTrimming(true).cacheActive(true).addEscapingStrategy("html", HtmlText::escape);
    if (loaded != null) {
      builder.extension(new MessageExtension(loaded));
    }
    this.engine = builder.build();
    this.themeLabel = themeLabel;
    this.themeDir = themeDir;
  }

  /** Thrown when a template is missing or fails; carries a diagnostic for the user. */
  public static final class ThemeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    ThemeException(Diagnostic diagnostic) {
      super(diagnostic.message());
      this.diagnostic = diagnostic;
    }

    public Diagnostic diagnostic() {
      return diagnostic;
    }
  }

  /** The theme's interface strings; a theme error when its message files are missing or unreadable. */
  public Messages messages() throws ThemeException {
    if (messages == null) {
      throw new ThemeException(messagesProblem.diagnostic());
    }
    return messages;
  }

  /**
   * Compiles every template of the theme folder now, so that a build can do it on another core
   * while it reads and renders Markdown. A template that fails to compile is left for
   * {@link #render} to report where it is used.
   */
  public void prepare() {
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(themeDir)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".peb")).sorted().toList()) {
        String name = themeDir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
        try {
          templates.computeIfAbsent(name, engine::getTemplate);
        } catch (PebbleException e) {
          // reported by render, with the page that needs it
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // the same: render reports a theme folder it cannot read
    }
  }

  public String render(String template, Map<String, Object> context) throws ThemeException {
    messages();
    try {
      PebbleTemplate t = templates.computeIfAbsent(template, engine::getTemplate);
      StringWriter out = new StringWriter(16 * 1024);
      t.evaluate(out, context);
      return out.toString();
    } catch (PebbleException e) {
      String file = e.getFileName() == null ? template : e.getFileName();
      int line = e.getLineNumber() == null ? 0 : Math.max(0, e.getLineNumber());
      String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
      throw new ThemeException(Diagnostic.error(themeLabel + "/" + file, line, 0, "theme-error",
          "Template error: " + message.replaceAll("\\s+", " ").strip(),
          "Fix the template; the variables each template receives are the view records in"
              + " src/main/java/org/starkit/render/Views.java (see 'Themes' in the README)."));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
