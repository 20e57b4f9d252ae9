package org.starkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void drawsABarThatFillsUpAndEndsTheLine() {
    StringWriter text = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(text), 3, "issued", true);
    bar.step();
    bar.step();
    bar.step();
    bar.finish();
    assertThat(text.toString()).startsWith("\r[##########                    ] 1/3 issued")
        .contains("\r[####################          ] 2/3 issued")
        .endsWith("\r[##############################] 3/3 issued" + System.lineSeparator());
  }

  @Test
  void writesNothingWhenNotOnATerminalOrForASingleStep() {
    StringWriter text = new StringWriter();
    ProgressBar hidden = new ProgressBar(new PrintWriter(text), 10, "issued", false);
    hidden.step();
    hidden.finish();
    ProgressBar single = new ProgressBar(new PrintWriter(text), 1, "issued", true);
    single.step();
    single.finish();
    assertThat(text.toString()).isEmpty();
  }
}
