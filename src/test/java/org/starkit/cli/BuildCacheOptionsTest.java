package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheOptionsTest {
  @TempDir
  Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void secondBuildWithNothingChangedSaysSoAndKeepsTheCacheBesideTheSite() {
    Path site = tmp.resolve("site");
    assertThat(run("build", "--out", site.toString(), "--today", "2030-01-01")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Built ");
    assertThat(tmp.resolve(".starkit-cache")).isDirectory();
    assertThat(site.resolve(".starkit-cache")).doesNotExist();
    assertThat(run("build", "--out", site.toString(), "--today", "2030-01-01")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Nothing changed since the last build: ");
  }

  @Test
  void noCacheWritesNoCacheAndCacheGoesWhereItIsTold() {
    Path site = tmp.resolve("site");
    assertThat(run("build", "--no-cache", "--out", site.toString())).as(err.toString()).isZero();
    assertThat(tmp.resolve(".starkit-cache")).doesNotExist();
    Path elsewhere = tmp.resolve("elsewhere/cache");
    assertThat(run("check", "--cache", elsewhere.toString(), "--out", site.toString())).as(err.toString()).isZero();
    assertThat(elsewhere.resolve("bodies")).isDirectory();
    assertThat(tmp.resolve(".starkit-cache")).doesNotExist();
  }

  @Test
  void refusesACacheInsideTheSiteOrTheSources() {
    Path site = tmp.resolve("site");
    assertThat(run("build", "--out", site.toString(), "--cache", site.resolve("cache").toString()))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString()).contains("--cache").contains("a folder of its own");
    assertThat(run("build", "--out", site.toString(), "--cache", "curriculum/cache")).isEqualTo(ExitCode.USAGE);
    assertThat(run("build", "--out", site.toString(), "--cache", "x", "--no-cache")).isEqualTo(ExitCode.USAGE);
    assertThat(site).doesNotExist();
  }
}
