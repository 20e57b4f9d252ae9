package org.starkit.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.YamlNode;
import org.starkit.load.YamlReader;

/**
 * The fields of a Workbench {@code config.yaml} the importer uses.
 *
 * @param episodes episode file names in teaching order
 * @param source the lesson's repository URL, if given
 */
record WorkbenchConfig(Optional<String> title, Optional<String> license, Optional<String> source, String branch,
    Optional<String> carpentry, Optional<String> language, List<String> episodes) {

  WorkbenchConfig {
    episodes = List.copyOf(episodes);
  }

  static WorkbenchConfig read(ImportSource source) {
    String text = source.text("config.yaml").orElseThrow(() -> new ImportException(source.folderName()
        + " has no config.yaml, so it is not a Carpentries Workbench lesson. Give the folder that holds config.yaml"
        + " and episodes/ (lessons in the older style, with _config.yml and _episodes/, are not supported)."));
    List<Diagnostic> problems = new ArrayList<>();
    Optional<YamlNode> root = new YamlReader().read(text, "config.yaml", 1, problems);
    if (root.isEmpty() || !(root.get() instanceof YamlNode.Mapping map)) {
      throw new ImportException("config.yaml of " + source.folderName() + " cannot be read: " + problems.stream()
          .findFirst().map(p -> p.location() + ": " + p.message()).orElse("it is not a mapping of settings") + ".");
    }
    List<String> episodes = new ArrayList<>();
    map.get("episodes").filter(YamlNode.Sequence.class::isInstance).map(YamlNode.Sequence.class::cast)
        .ifPresent(seq -> seq.items().stream().filter(YamlNode.Scalar.class::isInstance)
            .map(n -> ((YamlNode.Scalar) n).value().strip()).filter(v -> !v.isEmpty()).forEach(episodes::add));
    if (episodes.isEmpty()) {
      source.texts().keySet().stream().filter(p -> p.matches("episodes/[^/]+\\.R?md")).sorted()
          .map(p -> p.substring("episodes/".length())).forEach(episodes::add);
    }
    return new WorkbenchConfig(Episode.scalar(map, "title"), Episode.scalar(map, "license"),
        Episode.scalar(map, "source").filter(s -> s.matches("https?://\\S+")).map(s -> s.replaceAll("/+$", "")),
        Episode.scalar(map, "branch").orElse("main"), Episode.scalar(map, "carpentry"), Episode.scalar(map, "lang"),
        episodes);
  }

  /** Where the source's files can be read online, such as {@code https://github.com/o/r/blob/main/}. */
  Optional<String> webBase() {
    return source.map(s -> s + "/blob/" + branch + "/");
  }
}
