package org.starkit.importer;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A folder to import, as read from disk.
 *
 * @param folderName the folder's own name, such as {@code shell-novice}
 * @param parentName the name of the folder above it, or empty
 * @param texts the Markdown, YAML and licence files, by path relative to the folder (forward slashes)
 * @param files the path of every file in the folder, texts included
 * @param parentTexts the licence and {@code LANGS.md} files of the folder above, for books with one
 *     folder per language
 */
public record ImportSource(String folderName, String parentName, Map<String, String> texts, Set<String> files,
    Map<String, String> parentTexts) {

  public ImportSource {
    texts = Map.copyOf(new TreeMap<>(texts));
    files = Set.copyOf(new TreeSet<>(files));
    parentTexts = Map.copyOf(parentTexts);
  }

  /** The text of a file, when it exists and was read as text. */
  public Optional<String> text(String path) {
    return Optional.ofNullable(texts.get(path));
  }

  public boolean has(String path) {
    return files.contains(path) || texts.containsKey(path);
  }
}
