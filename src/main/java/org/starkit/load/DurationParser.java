package org.starkit.load;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations such as {@code 45m}, {@code 1h30m}, {@code 2h} or a bare number of minutes. */
public final class DurationParser {
  private static final Pattern DURATION =
      Pattern.compile("(?:(\\d{1,3})\\s*h(?:ours?)?)?\\s*(?:(\\d{1,4})\\s*m(?:in(?:utes?)?)?)?");
  private static final Pattern MINUTES = Pattern.compile("\\d{1,4}");

  private DurationParser() {}

  /** The number of minutes, or empty when the text is not a duration. Zero is not a duration. */
  public static OptionalInt minutes(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.isEmpty()) {
      return OptionalInt.empty();
    }
    if (MINUTES.matcher(t).matches()) {
      int m = Integer.parseInt(t);
      return m > 0 ? OptionalInt.of(m) : OptionalInt.empty();
    }
    Matcher matcher = DURATION.matcher(t);
    if (!matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null)) {
      return OptionalInt.empty();
    }
    int h = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
    int m = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    int total = h * 60 + m;
    return total > 0 ? OptionalInt.of(total) : OptionalInt.empty();
  }
}
