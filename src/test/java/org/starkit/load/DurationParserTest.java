package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {
  @ParameterizedTest
  @CsvSource({"45m, 45", "1h30m, 90", "2h, 120", "90, 90", "1h 15m, 75", "30 min, 30", "1h05m, 65", "3 hours, 180"})
  void readsDurations(String text, int minutes) {
    assertThat(DurationParser.minutes(text)).hasValue(minutes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ninety", "0m", "0", "1.5h", "h", "m", "-5m", "45s", "1h30", "12345m"})
  void rejectsWhatIsNotADuration(String text) {
    assertThat(DurationParser.minutes(text)).isEmpty();
  }
}
