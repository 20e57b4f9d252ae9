package org.starkit.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Carpentries callout vocabulary and how each type is shown. */
public final class CalloutTypes {
  /** Every type a lesson may use, in the Carpentries' order. */
  public static final List<String> KNOWN = List.of("objectives", "questions", "keypoints", "callout", "caution",
      "challenge", "solution", "hint", "discussion", "checklist", "testimonial", "prereq", "instructor", "spoiler");

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("objectives", "Objectives"), Map.entry("questions", "Questions"),
      Map.entry("keypoints", "Key points"), Map.entry("callout", "Note"), Map.entry("caution", "Caution"),
      Map.entry("challenge", "Challenge"), Map.entry("solution", "Solution"), Map.entry("hint", "Hint"),
      Map.entry("discussion", "Discussion"), Map.entry("checklist", "Checklist"),
      Map.entry("testimonial", "Testimonial"), Map.entry("prereq", "Prerequisites"),
      Map.entry("instructor", "Instructor note"), Map.entry("spoiler", "Show more"));

  private CalloutTypes() {}

  public static boolean isKnown(String type) {
    return LABELS.containsKey(type);
  }

  /** Solutions, hints and spoilers start closed so learners try first. */
  public static boolean isCollapsed(String type) {
    return type.equals("solution") || type.equals("hint") || type.equals("spoiler");
  }

  public static String label(String type) {
    String known = LABELS.get(type);
    if (known != null) {
      return known;
    }
    return type.isEmpty() ? "Note" : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
  }
}
