package org.starkit.model;

/**
 * A message organizers send, with placeholders such as {@code {date}} filled in per event.
 *
 * @param days when to send it, relative to the event's first day
 */
public record MessageTemplate(String id, String title, int days, String subject, String body) {}
