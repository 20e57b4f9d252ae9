package org.starkit.load;

import java.util.List;
import java.util.Optional;

/**
 * A YAML value with its 1-based position in the source file. This is starkit's own tree so that
 * no other stage depends on the YAML library. Scalars keep their text as written: starkit decides
 * types itself, which avoids YAML 1.1 surprises such as {@code no} becoming false.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
  int line();

  int column();

  /** A short noun for messages: "text", "list" or "mapping". */
  String kind();

  /** A plain or quoted scalar. {@code null} and {@code ~} and an empty value have empty text. */
  record Scalar(String value, boolean quoted, int line, int column) implements YamlNode {
    public boolean isEmpty() {
      return value.isBlank();
    }

    @Override
    public String kind() {
      return "text";
    }
  }

  record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "list";
    }
  }

  record Mapping(List<Entry> entries, int line, int column) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    public Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }

    @Override
    public String kind() {
      return "mapping";
    }
  }

  record Entry(Scalar key, YamlNode value) {}
}
