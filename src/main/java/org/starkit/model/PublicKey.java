package org.starkit.model;

/**
 * A public signing key from {@code badges/keys/<name>.json}, as JSON text; parsed and checked
 * by the badge stage.
 */
public record PublicKey(String name, String path, String json) {}
