package org.starkit.model;

import org.starkit.source.SourceFile;

/** An image or data file beside the lessons, copied to the site under {@code files/}. */
public record Asset(SourceFile file) {
  /** Path inside the site. */
  public String sitePath() {
    return "files/" + file.path().substring("lessons/".length());
  }
}
