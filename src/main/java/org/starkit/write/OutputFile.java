package org.starkit.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A file of the built site.
 *
 * @param path relative to the output directory, forward slashes
 */
public record OutputFile(String path, byte[] bytes) {
  public OutputFile {
    bytes = bytes.clone();
  }

  public static OutputFile text(String path, String text) {
    return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content without copying, for writing. */
  byte[] content() {
    return bytes;
  }

  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputFile f && f.path.equals(path) && Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "OutputFile[" + path + ", " + bytes.length + " bytes]";
  }
}
