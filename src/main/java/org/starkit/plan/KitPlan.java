package org.starkit.plan;

import java.util.List;
import org.starkit.model.Format;
import org.starkit.model.Kit;

/**
 * A kit checked and scheduled: what an organizer needs to run it.
 *
 * @param coaches coaches needed for the kit's capacity at its learners-per-coach ratio
 * @param signupCap sign-ups to accept so that, with the usual quarter of no-shows, the room is full
 */
public record KitPlan(Kit kit, Format format, List<SessionPlan> sessions, int coaches, int signupCap) {
  /** Share of free-event sign-ups that do not come, allowed for in the sign-up cap. */
  public static final double NO_SHOW_RATE = 0.25;

  public KitPlan {
    sessions = List.copyOf(sessions);
  }

  public int teachingMinutes() {
    return sessions.stream().mapToInt(SessionPlan::teachingMinutes).sum();
  }

  public int totalMinutes() {
    return sessions.stream().mapToInt(SessionPlan::minutes).sum();
  }

  public List<String> lessonIds() {
    return sessions.stream().flatMap(s -> s.lessonIds().stream()).toList();
  }
}
