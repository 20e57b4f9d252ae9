package org.starkit.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;

/**
 * Reads typed fields out of a YAML mapping, reporting missing, empty, mistyped and unknown fields
 * with their positions.
 */
final class FieldReader {
  private final String file;
  private final YamlNode.Mapping map;
  private final List<Diagnostic> problems;

  FieldReader(String file, YamlNode.Mapping map, List<Diagnostic> problems) {
    this.file = file;
    this.map = map;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  List<Diagnostic> problems() {
    return problems;
  }

  YamlNode.Mapping map() {
    return map;
  }

  boolean has(String key) {
    return map.get(key).isPresent();
  }

  /** Warns about keys outside {@code known}, suggesting the closest known one. */
  void rejectUnknown(Collection<String> known, String what) {
    for (YamlNode.Entry e : map.entries()) {
      String key = e.key().value();
      if (!known.contains(key)) {
        problems.add(Diagnostic.warning(file, e.key().line(), e.key().column(), "unknown-field",
            "'" + key + "' is not " + article(what) + " field." + Suggester.didYouMean(key, known),
            "Known fields: " + String.join(", ", known) + ". Unknown fields are ignored."));
      }
    }
  }

  /** A scalar field; reports it when required and missing or empty. */
  Optional<YamlNode.Scalar> scalar(String key, boolean required) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty()) {
      if (required) {
        problems.add(Diagnostic.error(file, map.line(), map.column(), "missing-field",
            "The required field '" + key + "' is missing.",
            "Add a line '" + key + ": ...'" + (file.endsWith(".md") ? " to the front matter." : ".")));
      }
      return Optional.empty();
    }
    if (!(node.get() instanceof YamlNode.Scalar s)) {
      wrongType(key, node.get(), "text");
      return Optional.empty();
    }
    if (s.isEmpty()) {
      if (required) {
        problems.add(Diagnostic.error(file, s.line(), s.column(), "empty-field",
            "The required field '" + key + "' is empty.", "Give '" + key + "' a value."));
      }
      return Optional.empty();
    }
    return Optional.of(s);
  }

  Optional<String> text(String key, boolean required) {
    return scalar(key, required).map(s -> s.value().strip());
  }

  /** A list of scalars; a missing field is an empty list. */
  List<YamlNode.Scalar> scalarList(String key) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty() || (node.get() instanceof YamlNode.Scalar s && s.isEmpty())) {
      return List.of();
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      wrongType(key, node.get(), "list");
      return List.of();
    }
    List<YamlNode.Scalar> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && !s.isEmpty()) {
        out.add(s);
      } else if (item instanceof YamlNode.Scalar) {
        problems.add(Diagnostic.error(file, item.line(), item.column(), "empty-field",
            "An item of '" + key + "' is empty.", "Remove the empty '-' line."));
      } else {
        problems.add(Diagnostic.error(file, item.line(), item.column(), "wrong-type",
            "Each item of '" + key + "' must be text, but this one is a " + item.kind() + ".",
            "Write each item as '- text' on its own line."));
      }
    }
    return out;
  }

  List<String> textList(String key) {
    return scalarList(key).stream().map(s -> s.value().strip()).toList();
  }

  /** Text or a list of text lines. */
  List<String> lines(String key) {
    Optional<YamlNode> node = map.get(key);
    if (node.isPresent() && node.get() instanceof YamlNode.Scalar s) {
      return s.isEmpty() ? List.of() : List.of(s.value().strip());
    }
    return textList(key);
  }

  void wrongType(String key, YamlNode node, String expected) {
    problems.add(Diagnostic.error(file, node.line(), node.column(), "wrong-type",
        "'" + key + "' must be " + article(expected) + ", but it is " + article(node.kind()) + ".",
        hintFor(expected, key)));
  }

  private static String article(String noun) {
    return (!noun.isEmpty() && "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String hintFor(String expected, String key) {
    return switch (expected) {
      case "list" -> "Write '" + key + ":' and then one '- item' per line, or '" + key + ": [a, b]'.";
      case "mapping" -> "Write '" + key + ":' and then indented 'name: value' lines.";
      default -> "Write '" + key + ": value' on one line; quote the value if it contains ': '.";
    };
  }
}
