package org.starkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LessonDurationTest {
  @Test
  void formatsMinutesAsHoursAndTwoDigitMinutes() {
    assertThat(LessonDuration.format(0)).isEqualTo("0m");
    assertThat(LessonDuration.format(5)).isEqualTo("5m");
    assertThat(LessonDuration.format(45)).isEqualTo("45m");
    assertThat(LessonDuration.format(60)).isEqualTo("1h");
    assertThat(LessonDuration.format(65)).isEqualTo("1h05m");
    assertThat(LessonDuration.format(90)).isEqualTo("1h30m");
    assertThat(LessonDuration.format(600)).isEqualTo("10h");
    assertThat(LessonDuration.format(601)).isEqualTo("10h01m");
    assertThat(new LessonDuration(50, 20).toString()).isEqualTo("1h10m");
  }

  @Test
  void rejectsNegativeMinutes() {
    assertThatThrownBy(() -> new LessonDuration(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
