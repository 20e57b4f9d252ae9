package org.starkit.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Format;
import org.starkit.model.Issuer;
import org.starkit.model.SiteConfig;

/** Reads {@code starkit.yml}. Every field but the title has a default. */
public final class ConfigParser {
  public static final String FILE = "starkit.yml";
  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*");
  private static final List<String> KEYS = List.of("title", "description", "base_url", "repository", "branch",
      "content_path", "language", "levels", "formats", "licenses", "license", "issuer");
  private static final List<String> FORMAT_KEYS = List.of("id", "title", "description", "minutes", "sessions", "lunch");

  private final YamlReader yaml = new YamlReader();

  /** Parses the configuration; on errors the returned config still has usable defaults. */
  public SiteConfig parse(String text, List<Diagnostic> problems) {
    Optional<YamlNode> root = yaml.read(text, FILE, 1, problems);
    if (root.isPresent() && !(root.get() instanceof YamlNode.Mapping)) {
      problems.add(Diagnostic.error(FILE, 1, 1, "wrong-type", "starkit.yml must be a mapping of settings.",
          "Write one 'name: value' setting per line, starting with 'title: ...'."));
    }
    YamlNode.Mapping map = root.filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast)
        .orElse(new YamlNode.Mapping(List.of(), 1, 1));
    FieldReader f = new FieldReader(FILE, map, problems);
    f.rejectUnknown(KEYS, "starkit.yml");
    String title = f.text("title", root.isPresent()).orElse("Workshop lessons");
    String description = f.text("description", false).orElse("");
    String baseUrl = f.scalar("base_url", false).map(s -> url(f, s, "base_url")).orElse("");
    if (!baseUrl.isEmpty() && !baseUrl.endsWith("/")) {
      baseUrl = baseUrl + "/";
    }
    String repository = f.scalar("repository", false).map(s -> url(f, s, "repository")).orElse("");
    String branch = f.text("branch", false).orElse("main");
    String contentPath = f.text("content_path", false).orElse("curriculum");
    String language = f.scalar("language", false).map(s -> language(f, s)).orElse("en");
    List<String> levels = levels(f);
    List<Format> formats = formats(f);
    List<String> licenses = f.has("licenses") ? f.textList("licenses") : SiteConfig.DEFAULT_LICENSES;
    String license = f.text("license", false).orElse(licenses.isEmpty() ? "CC-BY-4.0" : licenses.get(0));
    if (!licenses.contains(license)) {
      f.scalar("license", false).ifPresent(s -> problems.add(Diagnostic.error(FILE, s.line(), s.column(),
          "unknown-license", "The default licence '" + license + "' is not in 'licenses'.",
          "Add it to 'licenses' or pick one of: " + String.join(", ", licenses) + ".")));
    }
    return new SiteConfig(title, description, baseUrl, repository, branch, contentPath, language, levels,
        formats, licenses, license, issuer(f, title, baseUrl));
  }

  private static String url(FieldReader f, YamlNode.Scalar s, String key) {
    String v = s.value().strip();
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return v;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    f.problems().add(Diagnostic.error(FILE, s.line(), s.column(), "invalid-url",
        "'" + key + "' must be an absolute http or https URL, but it is '" + v + "'.",
        "Write the full address, such as https://example.org/workshops/."));
    return "";
  }

  static String language(FieldReader f, YamlNode.Scalar s) {
    String v = s.value().strip();
    if (!LANGUAGE.matcher(v).matches()) {
      f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-language",
          "'" + v + "' is not a BCP 47 language tag.", "Use a tag such as en, fr, pt-BR or de-CH."));
      return "en";
    }
    return v;
  }

  private static List<String> levels(FieldReader f) {
    if (!f.has("levels")) {
      return SiteConfig.DEFAULT_LEVELS;
    }
    List<String> levels = new ArrayList<>();
    for (YamlNode.Scalar s : f.scalarList("levels")) {
      String v = s.value().strip();
      if (!ID.matcher(v).matches()) {
        f.problems().add(Diagnostic.error(FILE, s.line(), s.column(), "invalid-id",
            "The level '" + v + "' is not a valid id.", "Use lower-case letters, digits and hyphens."));
      } else if (levels.contains(v)) {
        f.problems().add(Diagnostic.error(FILE, s.line(), s.column(), "duplicate-id",
            "The level '" + v + "' is listed twice.", "List each level once, easiest first."));
      } else {
        levels.add(v);
      }
    }
    return levels.isEmpty() ? SiteConfig.DEFAULT_LEVELS : levels;
  }

  private static List<Format> formats(FieldReader f) {
    Optional<YamlNode> node = f.map().get("formats");
    if (node.isEmpty()) {
      return SiteConfig.DEFAULT_FORMATS;
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      f.wrongType("formats", node.get(), "list");
      return SiteConfig.DEFAULT_FORMATS;
    }
    List<Format> formats = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode item : seq.items()) {
      if (!(item instanceof YamlNode.Mapping m)) {
        f.problems().add(Diagnostic.error(FILE, item.line(), item.column(), "wrong-type",
            "Each format must be a mapping with id, title and minutes.",
            "Write '- id: half-day' and then indented 'title:' and 'minutes:' lines."));
        continue;
      }
      FieldReader ff = new FieldReader(FILE, m, f.problems());
      ff.rejectUnknown(FORMAT_KEYS, "format");
      Optional<String> id = ff.text("id", true);
      int minutes = positive(ff, "minutes", true, 0);
      int sessions = positive(ff, "sessions", false, 1);
      int lunch = ff.has("lunch") ? positive(ff, "lunch", false, 0) : 0;
      if (id.isEmpty() || minutes <= 0) {
        continue;
      }
      if (!ID.matcher(id.get()).matches() || !ids.add(id.get())) {
        f.problems().add(Diagnostic.error(FILE, m.line(), m.column(), "invalid-id",
            "The format id '" + id.get() + "' is not valid or not unique.",
            "Use a unique id of lower-case letters, digits and hyphens, such as half-day."));
        continue;
      }
      formats.add(new Format(id.get(), ff.text("title", false).orElse(id.get()),
          ff.text("description", false).orElse(""), minutes, Math.max(1, sessions), lunch));
    }
    return formats.isEmpty() ? SiteConfig.DEFAULT_FORMATS : formats;
  }

  private static int positive(FieldReader f, String key, boolean required, int fallback) {
    Optional<YamlNode.Scalar> s = f.scalar(key, required);
    if (s.isEmpty()) {
      return fallback;
    }
    String v = s.get().value().strip();
    if (v.matches("\\d{1,5}") && Integer.parseInt(v) > 0) {
      return Integer.parseInt(v);
    }
    f.problems().add(Diagnostic.error(FILE, s.get().line(), s.get().column(), "wrong-type",
        "'" + key + "' must be a whole number of minutes above zero, but it is '" + v + "'.",
        "Write a number such as 240."));
    return fallback;
  }

  private static Issuer issuer(FieldReader f, String title, String baseUrl) {
    Optional<YamlNode> node = f.map().get("issuer");
    if (node.isEmpty()) {
      return new Issuer(title, baseUrl, "");
    }
    if (!(node.get() instanceof YamlNode.Mapping m)) {
      f.wrongType("issuer", node.get(), "mapping");
      return new Issuer(title, baseUrl, "");
    }
    FieldReader i = new FieldReader(FILE, m, f.problems());
    i.rejectUnknown(List.of("name", "url", "email"), "issuer");
    String url = i.scalar("url", false).map(s -> url(i, s, "issuer url")).orElse(baseUrl);
    return new Issuer(i.text("name", false).orElse(title), url, i.text("email", false).orElse(""));
  }
}
