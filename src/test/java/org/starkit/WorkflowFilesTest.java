package org.starkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.load.YamlNode;
import org.starkit.load.YamlReader;

/** The GitHub workflows: valid YAML, safe permissions, documented commands, and a working summary script. */
class WorkflowFilesTest {
  private static final Path WORKFLOWS = Path.of(".github/workflows");
  private static final Path SUMMARY_SCRIPT = Path.of(".github/scripts/pr-summary.sh");
  private static final Pattern STARKIT = Pattern.compile("(?:java -jar target/starkit\\.jar|\\./starkit) ([a-z-]+)([^\\n|;&>]*)");

  @TempDir
  Path tmp;

  private static YamlNode.Mapping workflow(String name) throws IOException {
    Path file = WORKFLOWS.resolve(name);
    List<Diagnostic> problems = new ArrayList<>();
    Optional<YamlNode> root = new YamlReader().read(Files.readString(file), file.toString(), 1, problems);
    assertThat(problems).as(file.toString()).isEmpty();
    assertThat(root).as(file.toString()).get().isInstanceOf(YamlNode.Mapping.class);
    return (YamlNode.Mapping) root.orElseThrow();
  }

  private static YamlNode.Mapping mapping(YamlNode.Mapping map, String key) {
    YamlNode node = map.get(key).orElseThrow(() -> new AssertionError("no '" + key + "'"));
    assertThat(node).as(key).isInstanceOf(YamlNode.Mapping.class);
    return (YamlNode.Mapping) node;
  }

  private static String scalar(YamlNode.Mapping map, String key) {
    return map.get(key).filter(YamlNode.Scalar.class::isInstance).map(n -> ((YamlNode.Scalar) n).value()).orElse("");
  }

  /** Every step's 'run' script of a workflow, with continued lines joined. */
  private static List<String> runs(YamlNode.Mapping workflow) {
    List<String> runs = new ArrayList<>();
    for (YamlNode.Entry job : mapping(workflow, "jobs").entries()) {
      ((YamlNode.Mapping) job.value()).get("steps").map(YamlNode.Sequence.class::cast).ifPresent(steps -> {
        for (YamlNode step : steps.items()) {
          String run = scalar((YamlNode.Mapping) step, "run");
          if (!run.isEmpty()) {
            runs.add(run.replace("\\\n", " ").replaceAll(" +", " "));
          }
        }
      });
    }
    return runs;
  }

  private static List<String> workflowNames() throws IOException {
    try (Stream<Path> files = Files.list(WORKFLOWS)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyWorkflowIsYamlWithTriggersAndJobs() throws IOException {
    assertThat(workflowNames()).contains("ci.yml", "publish.yml", "pull-request.yml")
        .allSatisfy(name -> assertThat(name).endsWith(".yml"));
    for (String name : workflowNames()) {
      YamlNode.Mapping w = workflow(name);
      assertThat(w.get("on")).as(name + " has triggers").isPresent();
      assertThat(mapping(w, "jobs").entries()).as(name + " has jobs").isNotEmpty();
    }
  }

  @Test
  void stepsThatPipeAStarkitCommandFailWhenTheCommandFails() throws IOException {
    // Without an explicit 'shell: bash' GitHub runs 'bash -e' without pipefail, so 'check | tee'
    // would report tee's success and hide a failed check.
    for (String name : workflowNames()) {
      for (YamlNode.Entry job : mapping(workflow(name), "jobs").entries()) {
        ((YamlNode.Mapping) job.value()).get("steps").map(YamlNode.Sequence.class::cast).ifPresent(steps -> {
          for (YamlNode step : steps.items()) {
            String run = scalar((YamlNode.Mapping) step, "run");
            if (STARKIT.matcher(run).find() && run.contains("| tee")) {
              assertThat(scalar((YamlNode.Mapping) step, "shell")).as(name + ": " + run).isEqualTo("bash");
            }
          }
        });
      }
    }
  }

  @Test
  void pullRequestWorkflowIsSafeForForks() throws IOException {
    YamlNode.Mapping w = workflow("pull-request.yml");
    String text = Files.readString(WORKFLOWS.resolve("pull-request.yml"));
    YamlNode.Mapping permissions = mapping(w, "permissions");
    assertThat(permissions.entries()).hasSize(1);
    assertThat(scalar(permissions, "contents")).isEqualTo("read");
    assertThat(mapping(w, "on").entries()).extracting(e -> e.key().value()).containsExactly("pull_request");
    assertThat(text).doesNotContain("pull_request_target").doesNotContain("secrets.");
    for (YamlNode.Entry job : mapping(w, "jobs").entries()) {
      assertThat(((YamlNode.Mapping) job.value()).get("permissions")).as("job-level permissions").isEmpty();
    }
    assertThat(text).contains("actions/checkout@v4").contains("fetch-depth: 0").contains("actions/setup-java@v4")
        .contains("actions/upload-artifact@v4").contains("GITHUB_STEP_SUMMARY")
        .contains("bash .github/scripts/pr-summary.sh");
  }

  @Test
  void publishWorkflowDeploysToPagesWithOnlyThePermissionsItNeeds() throws IOException {
    YamlNode.Mapping w = workflow("publish.yml");
    YamlNode.Mapping permissions = mapping(w, "permissions");
    assertThat(permissions.entries()).extracting(e -> e.key().value() + ": " + ((YamlNode.Scalar) e.value()).value())
        .containsExactlyInAnyOrder("contents: read", "pages: write", "id-token: write");
    assertThat(scalar(mapping(w, "concurrency"), "group")).isEqualTo("pages");
    assertThat(mapping(w, "on").get("workflow_dispatch")).isPresent();
    assertThat(Files.readString(WORKFLOWS.resolve("publish.yml"))).contains("actions/configure-pages@v5")
        .contains("actions/upload-pages-artifact@v3").contains("actions/deploy-pages@v4");
    assertThat(runs(w)).contains("java -jar target/starkit.jar build --strict");
  }

  @Test
  void workflowsRunOnlyCommandsTheReadmeDocuments() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String commandsTable = readme.substring(readme.indexOf("\n## Commands"), readme.indexOf("\n## ",
        readme.indexOf("\n## Commands") + 1));
    List<String> all = new ArrayList<>();
    for (String name : workflowNames()) {
      all.addAll(runs(workflow(name)));
    }
    assertThat(String.join("\n", all)).contains("starkit.jar check --format github")
        .contains("starkit.jar build --out site").contains("mvn -B verify");
    assertThat(readme).contains("mvn -B verify").contains("| `--format human\\|github` |");
    int invocations = 0;
    for (String run : all) {
      Matcher m = STARKIT.matcher(run);
      while (m.find()) {
        invocations++;
        assertThat(commandsTable).as("README documents 'starkit %s'", m.group(1)).contains("`starkit " + m.group(1));
        Matcher option = Pattern.compile("--[a-z-]+").matcher(m.group(2));
        while (option.find()) {
          assertThat(commandsTable).as("README documents %s", option.group()).contains("`" + option.group());
        }
      }
    }
    assertThat(invocations).isGreaterThanOrEqualTo(4);
  }

  @Test
  void ciWorkflowInstallsWhatCiRunInstalls() throws IOException {
    String ciRun = Files.readString(Path.of(".ci/run"));
    String ci = String.join("\n", runs(workflow("ci.yml")));
    Matcher install = Pattern.compile("apt-get install -y ([a-z0-9 .+-]+)").matcher(ciRun);
    while (install.find()) {
      for (String pkg : install.group(1).strip().split(" +")) {
        assertThat(ci).as(".ci/run installs %s", pkg).containsPattern("apt-get install .*\\b" + Pattern.quote(pkg) + "\\b");
      }
    }
    assertThat(ci).contains("mvn -B verify");
    assertThat(ciRun).contains("mvn -B verify");
  }

  private Path kitPage(String site, String kit, String total) throws IOException {
    Path page = tmp.resolve(site).resolve("kits").resolve(kit).resolve("index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "<dl>\n<div><dt>Total time</dt><dd>" + total + ", of which 2h teaching</dd></div>\n</dl>\n");
    return page;
  }

  private String summarize(String check, String changed) throws IOException, InterruptedException {
    Path checkFile = Files.writeString(tmp.resolve("check.txt"), check);
    Path changedFile = Files.writeString(tmp.resolve("changed.txt"), changed);
    Process bash;
    try {
      bash = new ProcessBuilder("bash", SUMMARY_SCRIPT.toString(), tmp.resolve("base").toString(),
          tmp.resolve("head").toString(), checkFile.toString(), changedFile.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      assumeTrue(false, "bash is not installed: " + e.getMessage());
      throw e;
    }
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).isZero();
    return out;
  }

  @Test
  void summaryScriptReadsKitTimesFromKitPagesTheThemeReallyWrites() throws Exception {
    // The script scrapes the kit page; a theme change that renames "Total time" must fail here.
    java.io.StringWriter log = new java.io.StringWriter();
    int code = org.starkit.cli.Main.run(new String[] {"build", "--source", "src/test/resources/fixtures/small/curriculum",
        "--out", tmp.resolve("head").toString(), "--today", "2030-01-01", "-q"},
        new java.io.PrintWriter(log, true), new java.io.PrintWriter(log, true));
    assertThat(code).as(log.toString()).isZero();
    Files.createDirectories(tmp.resolve("base"));
    String summary = summarize("Checked 2 lessons, 0 errors, 0 warnings.\n", "");
    assertThat(summary).containsPattern("\\| `tiny` \\| \\(new kit\\) \\| \\d+h(\\d+m)? \\|")
        .doesNotContain("unknown");
  }

  @Test
  void summaryScriptReportsCountsChangedLessonsAndKitTimes() throws Exception {
    kitPage("base", "half-day", "3h30m");
    kitPage("head", "half-day", "3h45m");
    kitPage("base", "course", "6 sessions, 7h55m in all");
    kitPage("head", "course", "6 sessions, 7h55m in all");
    kitPage("head", "evening", "1h50m");
    kitPage("base", "retired", "2h");
    String check = "::error file=curriculum/lessons/a.md,line=3,col=8,title=unknown-level::'x' is not a level.\n"
        + "::warning file=curriculum/lessons/b.md,line=9,title=missing-alt::No alt text.\n"
        + "Check failed: 18 lessons, 1 error, 1 warning.\n";
    String changed = "A\tcurriculum/lessons/python/beginner/tuples.md\n"
        + "M\tcurriculum/lessons/python/beginner/loops.md\n"
        + "A\tcurriculum/lessons/python/beginner/images/tuple.png\n"
        + "R087\tcurriculum/lessons/sets.md\tcurriculum/lessons/python/intermediate/sets.md\n"
        + "D\tcurriculum/lessons/old.md\n";
    assertThat(summarize(check, changed)).isEqualTo("""
        ## starkit check

        | errors | warnings |
        |---:|---:|
        | 1 | 1 |

        The check failed: the site is not built while there are errors. Each problem is marked on its
        line under *Files changed*; run `./starkit check` locally to see them all with hints.

        ## Lessons added or changed

        | lesson | change |
        |---|---|
        | `curriculum/lessons/python/beginner/tuples.md` | added |
        | `curriculum/lessons/python/beginner/loops.md` | changed |
        | `curriculum/lessons/python/intermediate/sets.md` | renamed from `curriculum/lessons/sets.md` |
        | `curriculum/lessons/old.md` | removed |

        1 other file under `curriculum/lessons/` changed too (images or data files).

        ## Kit times

        | kit | before | after |
        |---|---|---|
        | `evening` | (new kit) | 1h50m |
        | `half-day` | 3h30m | 3h45m |
        | `retired` | 2h | (removed) |
        """);
  }

  @Test
  void summaryScriptSaysWhenNothingChangedAndWhenTheBaseSiteIsMissing() throws Exception {
    kitPage("base", "half-day", "3h30m");
    kitPage("head", "half-day", "3h30m");
    String quiet = summarize("Checked 18 lessons, 0 errors, 0 warnings.\n", "");
    assertThat(quiet).contains("| 0 | 0 |\n\nNo errors and no warnings.\n")
        .contains("No lesson was added or changed.\n").endsWith("## Kit times\n\nNo kit's total time changed.\n");
    Files.walk(tmp.resolve("base")).sorted(java.util.Comparator.reverseOrder()).map(Path::toFile)
        .forEach(java.io.File::delete);
    String noBase = summarize("usage error\n", "M\tcurriculum/lessons/a.md\n");
    assertThat(noBase).contains("starkit check did not finish")
        .contains("| `curriculum/lessons/a.md` | changed |")
        .endsWith("The site of the base revision could not be built, so kit times are not compared.\n");
  }

  @Test
  void summaryScriptIsStrictBash() throws IOException {
    String script = Files.readString(SUMMARY_SCRIPT);
    assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
  }
}
