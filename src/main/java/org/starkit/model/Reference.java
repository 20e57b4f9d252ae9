package org.starkit.model;

/** An id written in a source file, with where it was written, so a bad one can be reported. */
public record Reference(String id, int line, int column) {}
