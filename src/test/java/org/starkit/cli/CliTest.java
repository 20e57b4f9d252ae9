package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private Path lesson(String frontMatter) throws IOException {
    Path source = tmp.resolve("curriculum");
    Files.createDirectories(source.resolve("lessons"));
    Files.writeString(source.resolve("starkit.yml"), "title: Test\n");
    Files.writeString(source.resolve("lessons/loops.md"), "---\n" + frontMatter + "---\n\n## Body\n");
    return source;
  }

  @Test
  void aLessonChangedWithoutItsStampMovingStopsTheBuildWithAPlainMessage() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    Path loops = source.resolve("lessons/loops.md");
    Files.writeString(loops, Files.readString(loops) + "\nSmall steps.\n");
    var old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(loops, old); // old enough for the cache to trust its stamp
    Path site = tmp.resolve("site");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).as(err.toString()).isZero();
    try (var ch = java.nio.channels.FileChannel.open(loops, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap("Large".getBytes(java.nio.charset.StandardCharsets.UTF_8)), ch.size() - 13);
    }
    Files.setLastModifiedTime(loops, old); // the same size, time and inode: the same stamp
    assertThat(Files.readString(loops)).endsWith("\nLarge steps.\n");
    Files.writeString(source.resolve("lessons/more.md"), "---\ntitle: More\nlevel: beginner\nduration: 30m\n"
        + "summary: S.\n---\n\n## Body\n"); // links lead elsewhere now: every body is rendered again
    err.getBuffer().setLength(0);
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString()).contains("starkit failed: " + loops.toRealPath() + " changed while the build read it")
        .contains("Build again").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString())).as(err.toString()).isZero();
    assertThat(Files.readString(site.resolve("lessons/loops/index.html"))).contains("Large steps.");
  }

  @Test
  void shippedCurriculumPassesStrictCheck() {
    int code = run("check", "--strict", "--source", "curriculum");
    assertThat(err.toString()).contains("0 errors, 0 warnings");
    assertThat(code).isZero();
  }

  @Test
  void buildsShippedCurriculumAndSaysHowToOpenIt() {
    Path site = tmp.resolve("site");
    int code = run("build", "--out", site.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Built ").contains("index.html");
    assertThat(site.resolve("index.html")).exists();
    assertThat(site.resolve("lessons/loops/index.html")).exists();
    assertThat(site.resolve("lessons/loops/instructor.html")).exists();
    assertThat(site.resolve("guides/contributing/index.html")).exists();
    assertThat(site.resolve("catalog.json")).exists();
    assertThat(site.resolve("sitemap.xml")).exists();
    assertThat(site.resolve("404.html")).exists();
  }

  @Test
  void contentErrorsExitWithOneAndShowTheLine() throws IOException {
    Path source = lesson("title: Loops\nlevel: begginer\nduration: 45m\nsummary: S.\n");
    int code = run("check", "--source", source.toString());
    assertThat(code).isEqualTo(ExitCode.CONTENT);
    assertThat(err.toString()).contains("lessons/loops.md:3:8: error[unknown-level]: 'begginer' is not a known level.")
        .contains("  3 | level: begginer\n    |        ^\n").contains("hint: ");
  }

  @Test
  void warningsFailOnlyWhenStrict() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\ncolour: blue\n");
    assertThat(run("check", "--source", source.toString())).isZero();
    assertThat(run("check", "--strict", "--source", source.toString())).isEqualTo(ExitCode.CONTENT);
  }

  @Test
  void githubFormatPrintsWorkflowCommands() throws IOException {
    Path source = lesson("title: Loops\nlevel: begginer\nduration: 45m\nsummary: S.\n");
    run("check", "--format", "github", "--source", source.toString());
    assertThat(err.toString()).containsPattern("(?m)^::error file=.*lessons/loops\\.md,line=3,col=8,title=unknown-level::");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("build", "--source", tmp.resolve("nope").toString())).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("does not exist");
    assertThat(run("check", "--format", "xml")).isEqualTo(ExitCode.USAGE);
    assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
    assertThat(run()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void refusesOutputInsideTheSource() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    assertThat(run("build", "--source", source.toString(), "--out", source.resolve("site").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("overlaps");
  }

  @Test
  void refusesToWipeAFolderItDidNotMake() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("thesis.tex"), "x");
    assertThat(run("build", "--source", source.toString(), "--out", mine.toString())).isEqualTo(ExitCode.USAGE);
    assertThat(mine.resolve("thesis.tex")).exists();
  }

  @Test
  void everyCommandHasHelpAndVersion() {
    for (String command : new String[] {"build", "check"}) {
      assertThat(run(command, "--help")).isZero();
      assertThat(out.toString()).contains("--source").contains("--out").contains("--theme").contains("--base-url")
          .contains("--strict").contains("--format").contains("--quiet");
    }
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("starkit ");
  }

  @Test
  void baseUrlOptionOverridesConfiguration() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    Path site = tmp.resolve("site");
    assertThat(run("build", "--source", source.toString(), "--out", site.toString(), "--base-url",
        "https://workshops.example.org")).isZero();
    assertThat(site.resolve("sitemap.xml")).content().contains("https://workshops.example.org/lessons/loops/");
  }

  @Test
  void quietPrintsNothingOnSuccess() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    assertThat(run("build", "-q", "--source", source.toString(), "--out", tmp.resolve("site").toString())).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void everySubcommandAnswersHelpWithExitZero() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(new String[0]), new java.util.ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(10);
    for (java.util.List<String> path : paths) {
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add("--help");
      assertThat(run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void namingOneCommandBuildsOnlyItsTreeAndHelpStillListsAll() {
    assertThat(Main.commandLine(new String[] {"build", "--help"}).getSubcommands().keySet()).containsExactly("build");
    assertThat(Main.commandLine(new String[] {"help", "build"}).getSubcommands()).hasSize(9);
    assertThat(Main.commandLine(new String[] {"biuld"}).getSubcommands()).hasSize(9);
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("build", "check", "event", "kit", "import", "badge", "new", "serve");
    assertThat(run("help", "check")).isZero();
    assertThat(out.toString()).contains("Usage: starkit check");
  }

  private static void collect(picocli.CommandLine cli, java.util.List<String> prefix,
      java.util.List<java.util.List<String>> paths) {
    paths.add(prefix);
    cli.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        java.util.List<String> next = new java.util.ArrayList<>(prefix);
        next.add(name);
        collect(sub, next, paths);
      }
    });
  }

  @Test
  void impossibleDateOrTimeIsAUsageErrorWithoutJavaClassNames() {
    assertThat(run("build", "--today", "2027-13-01")).isEqualTo(ExitCode.USAGE);
    assertThat(run("event", "new", "--kit", "k", "--date", "2027-02-30")).isEqualTo(ExitCode.USAGE);
    assertThat(run("event", "new", "--kit", "k", "--date", "2027-02-03", "--start", "25:99"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString())
        .contains("'2027-13-01' is not a date; write it as YYYY-MM-DD")
        .contains("'2027-02-30' is not a date")
        .contains("'25:99' is not a time of day; write a 24-hour time such as 13:00.")
        .doesNotContain("java.").doesNotContain("Exception");
  }

  @Test
  void outputBlockedByAFileIsAnExitThreeWithoutCallingItABug() throws IOException {
    Path source = lesson("title: Loops\nlevel: beginner\nduration: 45m\nsummary: S.\n");
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine\n");
    assertThat(run("build", "-q", "--source", source.toString(), "--out", file.resolve("site").toString()))
        .isEqualTo(ExitCode.INTERNAL);
    assertThat(err.toString()).contains("starkit failed: cannot use " + file)
        .contains("a file is in the way of a folder").doesNotContain("bug").doesNotContain("Exception");
    assertThat(file).content().isEqualTo("mine\n");
  }
}
