package org.starkit.importer;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a folder to import: the text of its Markdown, YAML, JSON and licence files and the paths of
 * all others, skipping hidden files and folders (such as {@code .git}).
 */
public final class FolderReader {
  private static final long MAX_TEXT_BYTES = 2L * 1024 * 1024;
  private static final int MAX_FILES = 50_000;
  private static final List<String> PARENT_FILES = List.of("LANGS.md", "LICENSE", "LICENSE.md", "LICENSE.txt",
      "LICENCE");

  public ImportSource read(Path dir) throws IOException {
    Path root = dir.toRealPath();
    Map<String, String> texts = new HashMap<>();
    Set<String> files = new HashSet<>();
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        return !d.equals(root) && d.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE
            : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !attrs.isRegularFile()) {
          return FileVisitResult.CONTINUE;
        }
        if (files.size() >= MAX_FILES) {
          throw new ImportException(dir + " has more than " + MAX_FILES + " files; give the folder of one lesson or book.");
        }
        String path = root.relativize(file).toString().replace('\\', '/');
        files.add(path);
        if (isText(name) && attrs.size() <= MAX_TEXT_BYTES) {
          texts.put(path, decode(Files.readAllBytes(file)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    Map<String, String> parentTexts = new HashMap<>();
    Path parent = root.getParent();
    if (parent != null) {
      for (String name : PARENT_FILES) {
        Path f = parent.resolve(name);
        if (Files.isRegularFile(f) && Files.size(f) <= MAX_TEXT_BYTES) {
          parentTexts.put(name, decode(Files.readAllBytes(f)));
        }
      }
    }
    String parentName = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    return new ImportSource(root.getFileName().toString(), parentName, texts, files, parentTexts);
  }

  private static boolean isText(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".md") || lower.endsWith(".rmd") || lower.endsWith(".yaml") || lower.endsWith(".yml")
        || lower.endsWith(".json") || lower.startsWith("license") || lower.startsWith("licence");
  }

  /** UTF-8 without a byte-order mark, with Windows line ends made Unix ones; bad bytes become U+FFFD. */
  private static String decode(byte[] bytes) throws IOException {
    String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    return (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n").replace('\r', '\n');
  }
}
