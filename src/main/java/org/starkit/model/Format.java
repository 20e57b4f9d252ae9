package org.starkit.model;

/**
 * A time commitment an organizer can choose, such as a half-day event.
 *
 * @param id stable identifier used in URLs and kit files
 * @param minutes length of one session, breaks included
 * @param sessions how many sessions the format has (1 for single events, several for courses)
 * @param lunchMinutes length of a lunch break inside a session, 0 when there is none
 */
public record Format(String id, String title, String description, int minutes, int sessions, int lunchMinutes) {
  public Format {
    if (minutes <= 0 || sessions <= 0 || lunchMinutes < 0) {
      throw new IllegalArgumentException("format " + id + " needs positive minutes and sessions");
    }
  }

  /** Total time over all sessions, breaks included. */
  public int totalMinutes() {
    return minutes * sessions;
  }

  public boolean multiSession() {
    return sessions > 1;
  }
}
