package org.starkit.model;

import java.util.List;

/** The organizer material shared by all kits: the timeline checklist and message templates. */
public record Organizing(List<ChecklistItem> checklist, List<MessageTemplate> messages) {
  public Organizing {
    checklist = List.copyOf(checklist);
    messages = List.copyOf(messages);
  }

  public static final Organizing EMPTY = new Organizing(List.of(), List.of());
}
