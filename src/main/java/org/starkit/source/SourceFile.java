package org.starkit.source;

import java.util.Arrays;

/**
 * One file read from the source directory.
 *
 * @param path relative to the source directory, forward slashes, never containing {@code ..}
 * @param bytes the file's content exactly as on disk
 */
public record SourceFile(String path, byte[] bytes) {
  public SourceFile {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Size in bytes without copying the content. */
  public int size() {
    return bytes.length;
  }

  /** Feeds the path and content to {@code digest} without copying the content, for build caches. */
  public void updateDigest(java.security.MessageDigest digest) {
    digest.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(Integer.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(bytes);
  }

  /** The file name without folders. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** True for files under {@code folder/} (a top-level folder such as {@code lessons}). */
  public boolean isUnder(String folder) {
    return path.length() > folder.length() && path.charAt(folder.length()) == '/' && path.startsWith(folder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceFile f && f.path.equals(path) && Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "SourceFile[" + path + ", " + bytes.length + " bytes]";
  }
}
