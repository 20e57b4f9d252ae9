package org.starkit.model;

/** A page of prose for organizers or contributors, from {@code guides/<id>.md}. */
public record Guide(String id, String path, String title, String summary, String body) {}
