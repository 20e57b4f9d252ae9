package org.starkit.load;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.model.Event;
import org.starkit.model.Reference;

/** Reads {@code events/<id>.yml}. Whether the kit exists is checked when events are planned. */
public final class EventParser {
  public static final List<String> KEYS = List.of("kit", "title", "date", "start", "timezone", "city", "venue",
      "address", "online", "organizer", "signup");

  private final YamlReader yaml = new YamlReader();

  public Optional<Event> parse(String path, String text, List<Diagnostic> problems) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    String id = name.substring(0, name.lastIndexOf('.'));
    if (!LessonParser.ID.matcher(id).matches()) {
      problems.add(Diagnostic.error(path, 0, 0, "invalid-id", "The event id '" + id + "' (from the file name) is not valid.",
          "Rename the file using lower-case letters, digits and hyphens, such as 2027-03-13-berlin.yml."));
      return Optional.empty();
    }
    Optional<YamlNode> root = yaml.read(text, path, 1, problems);
    if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping map)) {
      if (root.isPresent() || text.isBlank()) {
        problems.add(Diagnostic.error(path, 1, 1, "wrong-type", "An event must be a mapping of fields.",
            "Write 'kit: ...', 'date: YYYY-MM-DD' and the other fields, one per line."));
      }
      return Optional.empty();
    }
    FieldReader f = new FieldReader(path, map, problems);
    f.rejectUnknown(KEYS, "event");
    Optional<Reference> kit = f.scalar("kit", true).map(s -> new Reference(s.value().strip(), s.line(), s.column()));
    Optional<LocalDate> date = f.scalar("date", true).flatMap(s -> {
      try {
        return Optional.of(LocalDate.parse(s.value().strip()));
      } catch (DateTimeException e) {
        problems.add(Diagnostic.error(path, s.line(), s.column(), "invalid-date",
            "'" + s.value().strip() + "' is not a date.", "Write the date as YYYY-MM-DD, such as 2027-03-13."));
        return Optional.empty();
      }
    });
    Optional<LocalTime> start = f.scalar("start", false).flatMap(s -> KitParser.time(f, s));
    ZoneId zone = f.scalar("timezone", false).flatMap(s -> zone(f, s)).orElse(ZoneId.of("UTC"));
    boolean online = f.scalar("online", false).map(s -> {
      String v = s.value().strip();
      if (!v.equals("true") && !v.equals("false")) {
        problems.add(Diagnostic.error(path, s.line(), s.column(), "wrong-type", "'online' must be true or false.",
            "Write 'online: true' for an event on a video platform."));
      }
      return v.equals("true");
    }).orElse(false);
    String organizerName = "";
    String organizerEmail = "";
    Optional<YamlNode> organizer = map.get("organizer");
    if (organizer.isPresent() && organizer.get() instanceof YamlNode.Mapping om) {
      FieldReader o = new FieldReader(path, om, problems);
      o.rejectUnknown(List.of("name", "email"), "organizer");
      organizerName = o.text("name", false).orElse("");
      organizerEmail = o.scalar("email", false).map(s -> email(o, s)).orElse("");
    } else if (organizer.isPresent()) {
      f.wrongType("organizer", organizer.get(), "mapping");
    }
    String signup = f.scalar("signup", false).map(s -> {
      String v = s.value().strip();
      if (!v.matches("https?://\\S+")) {
        problems.add(Diagnostic.error(path, s.line(), s.column(), "invalid-url",
            "The sign-up link must be an http or https address, but it is '" + v + "'.",
            "Paste the full address of the sign-up form, starting with https://."));
        return "";
      }
      return v;
    }).orElse("");
    if (kit.isEmpty() || date.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Event(id, path, kit.get(), date.get(), start, zone, f.text("title", false).orElse(""),
        f.text("city", false).orElse(""), f.text("venue", false).orElse(""), f.text("address", false).orElse(""),
        online, organizerName, organizerEmail, signup));
  }

  private static Optional<ZoneId> zone(FieldReader f, YamlNode.Scalar s) {
    String v = s.value().strip();
    try {
      return Optional.of(ZoneId.of(v));
    } catch (DateTimeException e) {
      f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-timezone",
          "'" + v + "' is not a time zone." + Suggester.didYouMean(v, ZoneId.getAvailableZoneIds()),
          "Use an IANA time zone name such as Europe/Berlin, America/Sao_Paulo or Africa/Lagos."));
      return Optional.empty();
    }
  }

  private static String email(FieldReader f, YamlNode.Scalar s) {
    String v = s.value().strip();
    if (v.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return v;
    }
    f.problems().add(Diagnostic.error(f.file(), s.line(), s.column(), "invalid-email",
        "'" + v + "' is not an email address.", "Write an address such as team@example.org."));
    return "";
  }
}
