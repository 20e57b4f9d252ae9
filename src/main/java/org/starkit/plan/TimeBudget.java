package org.starkit.plan;

import org.starkit.model.Format;

/**
 * How much teaching fits in a format: a ten-minute break after every 90 minutes of teaching, and
 * the format's lunch break, come out of each session.
 */
public final class TimeBudget {
  public static final int BREAK_EVERY = 90;
  public static final int BREAK_MINUTES = 10;

  private TimeBudget() {}

  /** Teaching time plus the short breaks it needs. */
  public static int withBreaks(int teaching) {
    return teaching <= 0 ? 0 : teaching + BREAK_MINUTES * ((teaching - 1) / BREAK_EVERY);
  }

  /** The most teaching one session of the format can hold. */
  public static int teachingPerSession(Format format) {
    int available = format.minutes() - format.lunchMinutes();
    int t = available;
    while (t > 0 && withBreaks(t) > available) {
      t--;
    }
    return t;
  }

  /** The most teaching the whole format can hold. */
  public static int teachingCapacity(Format format) {
    return teachingPerSession(format) * format.sessions();
  }
}
