package org.starkit.model;

/** Who issues badges and publishes the site: the organization behind the curriculum. */
public record Issuer(String name, String url, String email) {}
