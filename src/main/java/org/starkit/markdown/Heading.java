package org.starkit.markdown;

/** A heading of a rendered page, with the id its anchor uses. */
public record Heading(int level, String text, String id) {}
