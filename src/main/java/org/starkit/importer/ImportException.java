package org.starkit.importer;

/** The source cannot be imported as asked; the message says why and what to do. */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }
}
