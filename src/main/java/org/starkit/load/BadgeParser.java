package org.starkit.load;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Achievement;
import org.starkit.model.Award;
import org.starkit.model.Reference;

/** Reads achievements ({@code badges/<id>.yml}) and the award ledger ({@code badges/awards.csv}). */
public final class BadgeParser {
  public static final String LEDGER = "badges/awards.csv";
  public static final String LEDGER_HEADER = "id,achievement,issued,status,reason";
  private static final Pattern VALIDITY = Pattern.compile("(\\d{1,3})\\s*(d|w|m|y)");

  private final YamlReader yaml = new YamlReader();
  private final List<String> levels;

  public BadgeParser(List<String> levels) {
    this.levels = levels;
  }

  public Optional<Achievement> achievement(String path, String text, List<Diagnostic> problems) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String id = name.substring(0, name.lastIndexOf('.'));
    if (!LessonParser.ID.matcher(id).matches()) {
      problems.add(Diagnostic.error(path, 0, 0, "invalid-id", "The badge id '" + id + "' (from the file name) is not valid.",
          "Rename the file using lower-case letters, digits and hyphens; the id becomes a permanent address."));
      return Optional.empty();
    }
    Optional<YamlNode> root = yaml.read(text, path, 1, problems);
    if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping map)) {
      if (root.isPresent() || text.isBlank()) {
        problems.add(Diagnostic.error(path, 1, 1, "wrong-type", "A badge must be a mapping of fields.",
            "Give at least name, description and criteria."));
      }
      return Optional.empty();
    }
    FieldReader f = new FieldReader(path, map, problems);
    f.rejectUnknown(List.of("name", "description", "criteria", "image", "tags", "level", "valid_for"), "badge");
    Optional<String> title = f.text("name", true);
    Optional<String> description = f.text("description", true);
    String narrative = "";
    List<Reference> lessons = List.of();
    Optional<Reference> kit = Optional.empty();
    Optional<YamlNode> criteria = map.get("criteria");
    if (criteria.isEmpty()) {
      f.scalar("criteria", true);
    } else if (criteria.get() instanceof YamlNode.Scalar s) {
      narrative = s.value().strip();
    } else if (criteria.get() instanceof YamlNode.Mapping cm) {
      FieldReader c = new FieldReader(path, cm, problems);
      c.rejectUnknown(List.of("narrative", "lessons", "kit"), "criteria");
      narrative = c.text("narrative", true).orElse("");
      lessons = c.scalarList("lessons").stream().map(x -> new Reference(x.value().strip(), x.line(), x.column())).toList();
      kit = c.scalar("kit", false).map(x -> new Reference(x.value().strip(), x.line(), x.column()));
    } else {
      f.wrongType("criteria", criteria.get(), "mapping");
    }
    Optional<String> image = f.text("image", false);
    image.filter(i -> !i.endsWith(".svg") || i.contains("/") || i.contains("\\")).ifPresent(i ->
        problems.add(Diagnostic.error(path, map.get("image").get().line(), map.get("image").get().column(),
            "invalid-image", "The badge image must be an .svg file beside the badge file, not '" + i + "'.",
            "Put the SVG in badges/ and give its file name, or leave 'image' out to draw one.")));
    String level = f.scalar("level", false).map(s -> s.value().strip()).orElse("");
    if (!level.isEmpty() && !levels.contains(level)) {
      problems.add(Diagnostic.error(path, map.get("level").get().line(), map.get("level").get().column(),
          "unknown-level", "'" + level + "' is not a known level.", "The levels are: " + String.join(", ", levels) + "."));
    }
    Optional<Period> validity = f.scalar("valid_for", false).flatMap(s -> {
      Matcher m = VALIDITY.matcher(s.value().strip());
      if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
        problems.add(Diagnostic.error(path, s.line(), s.column(), "invalid-duration",
            "'" + s.value().strip() + "' is not a validity period.", "Write a number and d, w, m or y, such as 2y."));
        return Optional.empty();
      }
      int n = Integer.parseInt(m.group(1));
      return Optional.of(switch (m.group(2)) {
        case "d" -> Period.ofDays(n);
        case "w" -> Period.ofWeeks(n);
        case "m" -> Period.ofMonths(n);
        default -> Period.ofYears(n);
      });
    });
    if (title.isEmpty() || description.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Achievement(id, path, title.get(), description.get(), narrative, lessons, kit,
        image.filter(i -> i.endsWith(".svg") && !i.contains("/")), f.textList("tags"), validity, level));
  }

  /** Parses the ledger; a bad line is reported with its number and skipped. */
  public List<Award> ledger(String text, List<Diagnostic> problems) {
    List<Award> awards = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || (i == 0 && line.equals(LEDGER_HEADER))) {
        continue;
      }
      List<String> cells = LedgerCsv.split(line);
      try {
        if (cells.size() < 4 || !cells.get(0).startsWith("urn:uuid:")) {
          throw new IllegalArgumentException("expected id,achievement,issued,status,reason");
        }
        boolean revoked = switch (cells.get(3)) {
          case "issued" -> false;
          case "revoked" -> true;
          default -> throw new IllegalArgumentException("status must be issued or revoked");
        };
        awards.add(new Award(cells.get(0), cells.get(1), LocalDate.parse(cells.get(2)), revoked,
            cells.size() > 4 ? cells.get(4) : ""));
      } catch (RuntimeException e) {
        problems.add(Diagnostic.error(LEDGER, i + 1, 1, "invalid-ledger", "This ledger line is not valid: " + e.getMessage(),
            "The ledger is written by 'starkit badge issue' and 'starkit badge revoke'; restore the line from version control."));
      }
    }
    return awards;
  }
}
