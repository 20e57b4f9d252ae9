package org.starkit.importer;

/** Writes a {@link LessonDraft} as a lesson file: front matter between {@code ---} lines, then the body. */
final class LessonWriter {
  /** What a lesson without a known duration gets; {@code starkit check} reports it as invalid-duration. */
  static final String DURATION_PLACEHOLDER = "TODO";

  private LessonWriter() {}

  static String write(LessonDraft d) {
    StringBuilder y = new StringBuilder("---\n");
    y.append("title: ").append(YamlQuoter.scalar(d.title())).append('\n');
    y.append("level: ").append(YamlQuoter.scalar(d.level())).append('\n');
    if (d.teaching().isPresent()) {
      y.append("teaching: ").append(d.teaching().getAsInt()).append('\n');
      y.append("exercises: ").append(d.exercises().orElse(0)).append('\n');
    } else if (d.duration().isPresent()) {
      y.append("duration: ").append(d.duration().getAsInt()).append("m\n");
    } else {
      y.append("duration: ").append(DURATION_PLACEHOLDER)
          .append("  # the source gives no time: write how long teaching and exercises take, such as 45m\n");
    }
    y.append("summary: ").append(YamlQuoter.scalar(d.summary())).append('\n');
    YamlQuoter.list(y, "objectives", d.objectives());
    YamlQuoter.list(y, "prerequisites", d.prerequisites());
    d.license().ifPresent(l -> y.append("license: ").append(YamlQuoter.scalar(l)).append('\n'));
    if (!d.language().isEmpty()) {
      y.append("language: ").append(YamlQuoter.scalar(d.language())).append('\n');
    }
    YamlQuoter.list(y, "setup", d.setup());
    YamlQuoter.list(y, "attribution", d.attribution());
    if (!d.todo().isEmpty()) {
      y.append("# what the source lacked: starkit check warns about each item until you resolve it and remove it\n");
      YamlQuoter.list(y, "todo", d.todo());
    }
    y.append("---\n\n");
    String body = d.body().strip();
    return y.append(body).append(body.isEmpty() ? "" : "\n").toString();
  }
}
