package org.starkit.model;

/** Teaching and exercise time of a lesson, in minutes. */
public record LessonDuration(int teaching, int exercises) {
  public LessonDuration {
    if (teaching < 0 || exercises < 0) {
      throw new IllegalArgumentException("durations cannot be negative");
    }
  }

  public int total() {
    return teaching + exercises;
  }

  /** "45m", "1h", "1h30m". */
  public static String format(int minutes) {
    int h = minutes / 60;
    int m = minutes % 60;
    if (h == 0) {
      return m + "m";
    }
    return m == 0 ? h + "h" : h + (m < 10 ? "h0" : "h") + m + "m"; // String.format cost 1.5 % of a large build
  }

  @Override
  public String toString() {
    return format(total());
  }
}
