package org.starkit.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.ChecklistItem;
import org.starkit.model.Kit;
import org.starkit.model.MessageTemplate;
import org.starkit.model.SiteConfig;

/** Reads {@code organizing/checklist.yml} and {@code organizing/messages.yml}. */
public final class OrganizingParser {
  public static final String CHECKLIST = "organizing/checklist.yml";
  public static final String MESSAGES = "organizing/messages.yml";

  /** The names a message may use in braces, filled per kit or event. */
  public static final List<String> PLACEHOLDERS = List.of("kit", "summary", "level", "format", "date", "start", "end",
      "place", "signup", "organizer", "contact", "setup");
  private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([a-z_]+)}");

  private final SiteConfig config;
  private final YamlReader yaml = new YamlReader();

  public OrganizingParser(SiteConfig config) {
    this.config = config;
  }

  public List<ChecklistItem> checklist(String text, List<Diagnostic> problems) {
    List<ChecklistItem> items = new ArrayList<>();
    for (YamlNode.Mapping m : entries(CHECKLIST, "items", text, problems)) {
      FieldReader f = new FieldReader(CHECKLIST, m, problems);
      f.rejectUnknown(List.of("id", "days", "title", "detail", "formats", "mode"), "checklist item");
      Optional<String> id = f.text("id", true);
      Optional<String> title = f.text("title", true);
      int days = days(f);
      List<String> formats = new ArrayList<>();
      for (YamlNode.Scalar s : f.scalarList("formats")) {
        if (config.format(s.value().strip()).isEmpty()) {
          problems.add(Diagnostic.error(CHECKLIST, s.line(), s.column(), "unknown-format",
              "'" + s.value().strip() + "' is not a time commitment.", "Use ids from 'formats' in starkit.yml."));
        } else {
          formats.add(s.value().strip());
        }
      }
      Optional<Kit.Mode> mode = f.scalar("mode", false).flatMap(s -> {
        for (Kit.Mode md : Kit.Mode.values()) {
          if (md.id().equals(s.value().strip())) {
            return Optional.of(md);
          }
        }
        problems.add(Diagnostic.error(CHECKLIST, s.line(), s.column(), "invalid-mode",
            "'" + s.value().strip() + "' is not a mode.", "Use in-person or remote."));
        return Optional.empty();
      });
      if (id.isPresent() && title.isPresent()) {
        items.add(new ChecklistItem(id.get(), days, title.get(), f.text("detail", false).orElse(""), formats, mode));
      }
    }
    items.sort(Comparator.comparingInt(ChecklistItem::days));
    return items;
  }

  public List<MessageTemplate> messages(String text, List<Diagnostic> problems) {
    List<MessageTemplate> out = new ArrayList<>();
    for (YamlNode.Mapping m : entries(MESSAGES, "messages", text, problems)) {
      FieldReader f = new FieldReader(MESSAGES, m, problems);
      f.rejectUnknown(List.of("id", "title", "days", "subject", "body"), "message");
      Optional<String> id = f.text("id", true);
      Optional<String> title = f.text("title", true);
      Optional<String> body = f.scalar("body", true).map(YamlNode.Scalar::value);
      int days = days(f);
      for (String key : List.of("subject", "body")) {
        f.scalar(key, false).ifPresent(s -> {
          java.util.regex.Matcher m2 = PLACEHOLDER.matcher(s.value());
          while (m2.find()) {
            if (!PLACEHOLDERS.contains(m2.group(1))) {
              problems.add(Diagnostic.warning(MESSAGES, s.line(), s.column(), "unknown-placeholder",
                  "'{" + m2.group(1) + "}' is not a placeholder, so it will be sent as written.",
                  "Placeholders are: " + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()) + "."));
            }
          }
        });
      }
      if (id.isPresent() && title.isPresent() && body.isPresent()) {
        out.add(new MessageTemplate(id.get(), title.get(), days, f.text("subject", false).orElse(""), body.get().strip()));
      }
    }
    out.sort(Comparator.comparingInt(MessageTemplate::days).thenComparing(MessageTemplate::id));
    return out;
  }

  private static int days(FieldReader f) {
    return f.scalar("days", true).map(s -> {
      String v = s.value().strip();
      if (v.matches("[-+]?\\d{1,4}")) {
        return Integer.parseInt(v.replace("+", ""));
      }
      f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "wrong-type",
          "'days' must be a whole number of days relative to the event, but it is '" + v + "'.",
          "Write -14 for two weeks before, 0 for the day itself, 7 for a week after."));
      return 0;
    }).orElse(0);
  }

  private List<YamlNode.Mapping> entries(String file, String key, String text, List<Diagnostic> problems) {
    Optional<YamlNode> root = yaml.read(text, file, 1, problems);
    if (root.isEmpty()) {
      return List.of();
    }
    if (!(root.get() instanceof YamlNode.Mapping map)) {
      problems.add(Diagnostic.error(file, 1, 1, "wrong-type", "The file must start with '" + key + ":'.",
          "Write '" + key + ":' and then one '- id: ...' entry per item."));
      return List.of();
    }
    FieldReader f = new FieldReader(file, map, problems);
    f.rejectUnknown(List.of(key), file);
    Optional<YamlNode> list = map.get(key);
    if (list.isEmpty()) {
      return List.of();
    }
    if (!(list.get() instanceof YamlNode.Sequence seq)) {
      f.wrongType(key, list.get(), "list");
      return List.of();
    }
    List<YamlNode.Mapping> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Mapping m) {
        out.add(m);
      } else {
        problems.add(Diagnostic.error(file, item.line(), item.column(), "wrong-type",
            "Each entry must be a mapping of fields.", "Start each entry with '- id: ...'."));
      }
    }
    return out;
  }
}
