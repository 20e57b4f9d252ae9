package org.starkit.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.FrontMatter;
import org.starkit.load.YamlNode;
import org.starkit.load.YamlReader;

/**
 * A Workbench episode: its front matter ({@code title}, {@code teaching}, {@code exercises}) and body.
 *
 * @param teaching minutes, or empty when not given as a whole number
 */
record Episode(String title, OptionalInt teaching, OptionalInt exercises, String body) {

  static Episode read(String path, String text) {
    List<Diagnostic> problems = new ArrayList<>();
    Optional<FrontMatter> fm = text.startsWith("---\n") ? FrontMatter.split(path, text, problems) : Optional.empty();
    Optional<YamlNode.Mapping> map = fm.flatMap(f -> new YamlReader().read(f.yaml(), path, f.firstLine(), problems))
        .filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast);
    String body = fm.map(f -> f.body().replaceFirst("^\n+", "")).orElse(text);
    String stem = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[^.]+$", "");
    String title = map.flatMap(m -> scalar(m, "title")).orElse(stem);
    return new Episode(title, minutes(map, "teaching"), minutes(map, "exercises"), body);
  }

  /** The text after its front matter, or all of it when it has none. */
  static String withoutFrontMatter(String text) {
    if (!text.startsWith("---\n")) {
      return text;
    }
    return FrontMatter.split("", text, new ArrayList<>()).map(f -> f.body().replaceFirst("^\n+", "")).orElse(text);
  }

  static Optional<String> scalar(YamlNode.Mapping map, String key) {
    return map.get(key).filter(YamlNode.Scalar.class::isInstance).map(n -> ((YamlNode.Scalar) n).value().strip())
        .filter(v -> !v.isEmpty());
  }

  private static OptionalInt minutes(Optional<YamlNode.Mapping> map, String key) {
    Optional<String> v = map.flatMap(m -> scalar(m, key)).filter(s -> s.matches("\\d{1,4}"));
    return v.isPresent() ? OptionalInt.of(Integer.parseInt(v.get())) : OptionalInt.empty();
  }
}
