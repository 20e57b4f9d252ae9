package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.OutputFile;

class EventBuildTest {
  @TempDir
  Path tmp;

  private String file(BuildResult r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().map(OutputFile::text).orElseThrow();
  }

  private BuildResult check(Path source, LocalDate today) throws IOException {
    return new SiteBuilder().check(new BuildOptions(source, "curriculum", tmp.resolve("site"), Fixtures.THEME,
        Optional.empty(), false, today));
  }

  @Test
  void eventPageHasRealDatesDueDatesAndFilledMessages() throws IOException {
    BuildResult r = check(Fixtures.SMALL, LocalDate.of(2030, 1, 1));
    String page = file(r, "events/2030-05-04-tiny/index.html");
    assertThat(page).contains("Saturday 4 May 2030, 18:00").contains("Library, Room 2, Lyon")
        .contains("Saturday 6 April 2030").contains("Book a room with power").doesNotContain("Set up the video call")
        .contains("Join us at Library, Room 2, Lyon from 18:00").contains("https://example.org/signup")
        .contains("Grace, grace@example.org");
  }

  @Test
  void upcomingDependsOnlyOnToday() throws IOException {
    assertThat(file(check(Fixtures.SMALL, LocalDate.of(2030, 5, 4)), "index.html")).contains("Tiny evening");
    String after = file(check(Fixtures.SMALL, LocalDate.of(2030, 5, 5)), "index.html");
    assertThat(after).contains("Upcoming events").doesNotContain("events/2030-05-04-tiny/index.html");
  }

  @Test
  void calendarIsValidIcalendarWithCrlfAndUtcTimes() throws IOException {
    String ics = file(check(Fixtures.SMALL, LocalDate.of(2030, 1, 1)), "events/2030-05-04-tiny/2030-05-04-tiny.ics");
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20300504T160000Z\r\n")
        .contains("UID:2030-05-04-tiny-1@example.org").endsWith("END:VCALENDAR\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
  }

  @Test
  void reportsEventForUnknownKit() throws IOException {
    Path source = Fixtures.copy(Fixtures.SMALL, tmp);
    Files.writeString(source.resolve("events/2030-05-04-tiny.yml"), "kit: tinny\ndate: 2030-05-04\n");
    assertThat(check(source, LocalDate.of(2030, 1, 1)).diagnostics()).singleElement().satisfies((Diagnostic d) -> {
      assertThat(d.code()).isEqualTo("unknown-kit");
      assertThat(d.location()).isEqualTo("curriculum/events/2030-05-04-tiny.yml:1:6");
      assertThat(d.message()).contains("Did you mean 'tiny'?");
    });
  }
}
