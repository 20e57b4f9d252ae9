package org.starkit.model;

import java.util.List;

/** The badge material of a curriculum: achievements, published keys and the award ledger. */
public record Badges(List<Achievement> achievements, List<PublicKey> keys, List<Award> awards,
    List<org.starkit.source.SourceFile> images) {
  public Badges {
    achievements = List.copyOf(achievements);
    keys = List.copyOf(keys);
    awards = List.copyOf(awards);
    images = List.copyOf(images);
  }

  public static final Badges NONE = new Badges(List.of(), List.of(), List.of(), List.of());

  public java.util.Optional<Achievement> achievement(String id) {
    return achievements.stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
