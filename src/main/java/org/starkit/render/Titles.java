package org.starkit.render;

import java.util.Locale;

/** Display names for ids: {@code intermediate} becomes {@code Intermediate}. */
final class Titles {
  private Titles() {}

  static String of(String id) {
    if (id.isEmpty()) {
      return id;
    }
    String spaced = id.replace('-', ' ').replace('_', ' ');
    return spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
  }
}
