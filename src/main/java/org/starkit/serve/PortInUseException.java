package org.starkit.serve;

import java.io.IOException;

/** Thrown when the preview's port is taken; the message says what to do. */
public final class PortInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  PortInUseException(int port, Throwable cause) {
    super("Port " + port + " is in use; choose another with --port", cause);
  }
}
