package org.starkit.model;

import java.util.List;

/**
 * When a kit's schedule has breaks.
 *
 * @param every the most minutes of teaching between two breaks
 * @param length minutes of each short break
 * @param lunch minutes of the lunch break, or -1 for the format's own
 * @param explicit breaks placed by hand after given lessons; when present, no automatic breaks
 */
public record BreakPolicy(int every, int length, int lunch, List<ExplicitBreak> explicit) {
  public BreakPolicy {
    explicit = List.copyOf(explicit);
  }

  public static final BreakPolicy DEFAULT = new BreakPolicy(90, 10, -1, List.of());

  /** The title of a break given none; pages show it in their own language. */
  public static final String DEFAULT_TITLE = "Break";

  /** A break after a given lesson. */
  public record ExplicitBreak(Reference after, int minutes, String title) {}
}
