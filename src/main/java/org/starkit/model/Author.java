package org.starkit.model;

/** A lesson author. {@code github} and {@code orcid} are empty when not given. */
public record Author(String name, String github, String orcid) {}
