package org.starkit.diagnostic;

/** How serious a diagnostic is: errors fail a build, warnings only with {@code --strict}. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
