package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.write.OutputFile;

/**
 * Builds the small fixture site and compares every file with the expected output under
 * src/test/resources/golden/small. After an intended change to the output, regenerate with
 * {@code mvn test -Dtest=GoldenSiteTest -Dstarkit.regenerate=true} and review the diff.
 */
class GoldenSiteTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/small");

  @Test
  void smallFixtureMatchesGoldenFiles(@TempDir Path tmp) throws IOException {
    BuildResult result = new SiteBuilder().check(Fixtures.options(Fixtures.SMALL, tmp.resolve("site")));
    assertThat(result.diagnostics()).isEmpty();
    Map<String, byte[]> actual = new TreeMap<>();
    for (OutputFile f : result.files()) {
      actual.put(f.path(), f.bytes());
    }
    if (Boolean.getBoolean("starkit.regenerate")) {
      regenerate(actual);
    }
    Map<String, byte[]> expected = read(GOLDEN);
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String path : expected.keySet()) {
      assertThat(new String(actual.get(path), java.nio.charset.StandardCharsets.UTF_8)).as(path)
          .isEqualTo(new String(expected.get(path), java.nio.charset.StandardCharsets.UTF_8));
      assertThat(actual.get(path)).as(path).isEqualTo(expected.get(path));
    }
  }

  private static Map<String, byte[]> read(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void regenerate(Map<String, byte[]> files) throws IOException {
    if (Files.exists(GOLDEN)) {
      try (Stream<Path> walk = Files.walk(GOLDEN)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path p = GOLDEN.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.write(p, e.getValue());
    }
  }
}
