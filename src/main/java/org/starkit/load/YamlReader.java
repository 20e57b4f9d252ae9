package org.starkit.load;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses untrusted YAML into {@link YamlNode}s. Only plain YAML is accepted: no custom tags, at
 * most a few aliases, a bounded size and depth, and no duplicate keys. Every problem becomes a
 * diagnostic with the position the YAML parser reported.
 */
public final class YamlReader {
  private static final int MAX_DEPTH = 20;
  private static final int MAX_NODES = 20_000;
  /** Read only once made, so shared by every file and thread. */
  private static final LoaderOptions OPTIONS = options();
  private static final Resolver RESOLVER = new Resolver();

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(256 * 1024);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    return options;
  }

  /**
   * @param text the YAML document
   * @param file the file it came from, for diagnostics
   * @param firstLine the 1-based file line on which {@code text} starts
   */
  public Optional<YamlNode> read(String text, String file, int firstLine, List<Diagnostic> problems) {
    Node root;
    try {
      // what Yaml.compose does, without building the constructor and representer a Yaml carries
      root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), OPTIONS), RESOLVER, OPTIONS)
          .getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? firstLine : firstLine + mark.getLine();
      int column = mark == null ? 1 : mark.getColumn() + 1;
      String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
      String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
      problems.add(Diagnostic.error(file, line, column, "yaml-syntax",
          "Invalid YAML: " + oneLine(problem) + oneLine(context) + ".",
          "Check indentation (spaces, not tabs), and quote values that contain ': ' or start with"
              + " a special character such as *, &, !, [ or {."));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(Diagnostic.error(file, firstLine, 1, "yaml-syntax",
          "Invalid YAML: " + oneLine(e.getMessage()) + ".",
          "Keep front matter plain: no anchors or aliases, no custom tags, no deep nesting."));
      return Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    Converter converter = new Converter(file, firstLine, problems);
    try {
      return Optional.of(converter.convert(root, 0));
    } catch (TooLarge e) {
      problems.add(Diagnostic.error(file, firstLine, 1, "yaml-too-complex",
          "This YAML expands to more than " + MAX_NODES + " values or " + MAX_DEPTH + " levels.",
          "Front matter holds a few short fields; remove anchors, aliases and deep nesting."));
      return Optional.empty();
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private static final class Converter {
    private final String file;
    private final int firstLine;
    private final List<Diagnostic> problems;
    private int count;

    Converter(String file, int firstLine, List<Diagnostic> problems) {
      this.file = file;
      this.firstLine = firstLine;
      this.problems = problems;
    }

    YamlNode convert(Node node, int depth) {
      if (++count > MAX_NODES || depth > MAX_DEPTH) {
        throw new TooLarge();
      }
      int line = firstLine + node.getStartMark().getLine();
      int column = node.getStartMark().getColumn() + 1;
      if (node instanceof ScalarNode scalar) {
        boolean quoted = scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        String value = scalar.getValue();
        if (!quoted && (value.equals("~") || value.equals("null") || value.equals("Null") || value.equals("NULL"))) {
          value = "";
        }
        return new YamlNode.Scalar(value, quoted, line, column);
      }
      if (node instanceof SequenceNode seq) {
        List<YamlNode> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
          items.add(convert(item, depth + 1));
        }
        return new YamlNode.Sequence(items, line, column);
      }
      MappingNode map = (MappingNode) node;
      List<YamlNode.Entry> entries = new ArrayList<>();
      Map<String, Integer> seen = new HashMap<>();
      for (NodeTuple tuple : map.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (!(keyNode instanceof ScalarNode) || Tag.MERGE.equals(keyNode.getTag())) {
          problems.add(Diagnostic.error(file, firstLine + keyNode.getStartMark().getLine(),
              keyNode.getStartMark().getColumn() + 1, "yaml-syntax",
              "Keys must be plain words; this key is a " + (keyNode instanceof ScalarNode ? "merge key" : "list or mapping") + ".",
              "Write each field as 'name: value' on its own line."));
          continue;
        }
        YamlNode.Scalar key = (YamlNode.Scalar) convert(keyNode, depth + 1);
        Integer earlier = seen.putIfAbsent(key.value(), key.line());
        if (earlier != null) {
          problems.add(Diagnostic.error(file, key.line(), key.column(), "duplicate-key",
              "'" + key.value() + "' is given twice; the first is on line " + earlier + ".",
              "Give each field once, and merge the two values."));
          continue;
        }
        entries.add(new YamlNode.Entry(key, convert(tuple.getValueNode(), depth + 1)));
      }
      return new YamlNode.Mapping(entries, line, column);
    }
  }
}
