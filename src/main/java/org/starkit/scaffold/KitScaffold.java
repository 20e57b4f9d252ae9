package org.starkit.scaffold;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.starkit.model.Format;

/**
 * The text of a new organizer kit: the lessons in order for a level and a time commitment, with
 * a summary and an audience organizers can edit, and the usual head count. Passes
 * {@code starkit check --strict} as written when its lessons fit the format.
 */
public final class KitScaffold {
  /** One session's lessons; {@code title} is empty for a kit whose lessons the planner splits itself. */
  public record Session(String title, List<String> lessons) {
    public Session {
      lessons = List.copyOf(lessons);
    }
  }

  /**
   * What the new kit starts with.
   *
   * @param sessions one untitled session for a plain list of lessons, or titled sessions of a course
   * @param lessonTitles the titles of the taught lessons, in teaching order, for the summary
   * @param easiest whether the level is the easiest, for people new to programming
   */
  public record Draft(String title, String level, Format format, List<Session> sessions, List<String> lessonTitles,
      List<String> assumes, LocalTime start, boolean easiest) {
    public Draft {
      sessions = List.copyOf(sessions);
      lessonTitles = List.copyOf(lessonTitles);
      assumes = List.copyOf(assumes);
      if (title.isBlank() || sessions.isEmpty() || lessonTitles.isEmpty()) {
        throw new IllegalArgumentException("a kit needs a title and at least one lesson");
      }
    }
  }

  /** The kit file's text. */
  public String write(Draft d) {
    StringBuilder y = new StringBuilder();
    y.append("title: ").append(ScalarQuoter.quote(d.title().strip())).append('\n');
    y.append("summary: ").append(ScalarQuoter.quote(summarize(d))).append('\n');
    y.append("level: ").append(d.level()).append('\n');
    y.append("format: ").append(d.format().id()).append('\n');
    y.append("audience: ").append(ScalarQuoter.quote(describeAudience(d))).append('\n');
    if (d.sessions().size() == 1 && d.sessions().get(0).title().isEmpty()) {
      y.append("lessons: ").append(list(d.sessions().get(0).lessons())).append('\n');
    } else {
      y.append("lessons:\n");
      for (Session s : d.sessions()) {
        y.append("  - title: ").append(ScalarQuoter.quote(s.title())).append('\n');
        y.append("    lessons: ").append(list(s.lessons())).append('\n');
      }
    }
    y.append("assumes: ").append(list(d.assumes())).append("   # lessons learners already know\n");
    y.append("start: \"").append(d.start()).append("\"\n");
    y.append("learners_per_coach: 3\n");
    y.append("capacity: 20\n");
    y.append("mode: in-person   # or remote\n");
    return y.toString();
  }

  private static String summarize(Draft d) {
    List<String> titles = d.lessonTitles();
    String what = article(d.level()) + " " + d.format().title().toLowerCase(Locale.ROOT);
    String summary = what + (titles.size() == 1 ? " on " + titles.get(0)
        : " of " + titles.size() + " lessons, from " + titles.get(0) + " to " + titles.get(titles.size() - 1)) + ".";
    return summary.substring(0, 1).toUpperCase(Locale.ROOT) + summary.substring(1);
  }

  private static String describeAudience(Draft d) {
    String laptop = "Learners need a laptop they can install software on";
    String who = d.easiest() ? "People new to programming" : capitalized(d.level()) + " learners";
    String time = d.format().multiSession() ? "come to " + d.format().sessions() + " sessions"
        : "give " + article(d.format().title().toLowerCase(Locale.ROOT));
    return who + " who can " + time + ". " + laptop + (d.easiest() ? "; no programming knowledge is expected." : ".");
  }

  private static String list(List<String> ids) {
    return "[" + String.join(", ", ids.stream().map(ScalarQuoter::quoteInFlow).toList()) + "]";
  }

  private static String article(String word) {
    return (word.matches("(?i)[aeiou].*") ? "an " : "a ") + word;
  }

  private static String capitalized(String word) {
    return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
