package org.starkit.model;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * An organizer kit: which lessons to teach, in what order, for whom and in what time, as declared in
 * {@code kits/<id>.yml}. Positions ({@link Reference}) point into that file for diagnostics.
 *
 * @param format the time commitment, with where it was written
 * @param sessions the lessons; a single-event kit has one untitled session
 * @param sessionsDeclared true when the file listed titled sessions (multi-week kits)
 * @param lessonsKey where the {@code lessons} field is, for problems with the kit as a whole
 */
public record Kit(
    String id,
    String path,
    String title,
    String summary,
    String level,
    Reference format,
    String audience,
    List<KitSession> sessions,
    boolean sessionsDeclared,
    List<Reference> assumes,
    LocalTime start,
    BreakPolicy breaks,
    int learnersPerCoach,
    int capacity,
    Mode mode,
    Optional<Reference> badge,
    String notes,
    Reference lessonsKey) {

  public Kit {
    sessions = List.copyOf(sessions);
    assumes = List.copyOf(assumes);
  }

  /** Whether learners meet in a room or online. */
  public enum Mode {
    IN_PERSON("in-person"),
    REMOTE("remote");

    private final String id;

    Mode(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  /** A titled group of lessons taught on one day or evening. */
  public record KitSession(String title, List<Reference> lessons) {
    public KitSession {
      lessons = List.copyOf(lessons);
    }
  }

  /** Every lesson of the kit in teaching order. */
  public List<Reference> lessons() {
    return sessions.stream().flatMap(s -> s.lessons().stream()).toList();
  }
}
