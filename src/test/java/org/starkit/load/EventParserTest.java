package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.Event;

class EventParserTest {
  private static final String PATH = "events/2030-05-04-lyon.yml";
  private final List<Diagnostic> problems = new ArrayList<>();

  private Optional<Event> parse(String yaml) {
    return new EventParser().parse(PATH, yaml, problems);
  }

  @Test
  void readsAnEvent() {
    Event e = parse("kit: tiny\ndate: 2030-05-04\nstart: \"09:00\"\ntimezone: Europe/Paris\nvenue: Library\ncity: Lyon\n")
        .orElseThrow();
    assertThat(problems).isEmpty();
    assertThat(e.date()).isEqualTo(LocalDate.of(2030, 5, 4));
    assertThat(e.start()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("09:00"));
    assertThat(e.place()).isEqualTo("Library, Lyon");
  }

  @Test
  void warnsAboutAnUnknownFieldInPlainEnglish() {
    parse("kit: tiny\ndate: 2030-05-04\nvenu: Library\n");
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("unknown-field");
      assertThat(d.location()).isEqualTo(PATH + ":3:1");
      assertThat(d.message()).isEqualTo("'venu' is not an event field. Did you mean 'venue'?");
    });
  }

  @Test
  void rejectsImpossibleDate() {
    parse("kit: tiny\ndate: 2030-02-30\n");
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("invalid-date");
      assertThat(d.location()).isEqualTo(PATH + ":2:7");
    });
  }

  @Test
  void rejectsUnknownTimezoneWithSuggestion() {
    parse("kit: tiny\ndate: 2030-05-04\ntimezone: Europe/Pariss\n");
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("invalid-timezone");
      assertThat(d.message()).contains("Did you mean 'Europe/Paris'?");
    });
  }

  @Test
  void rejectsStartTimeOutOfRange() {
    parse("kit: tiny\ndate: 2030-05-04\nstart: \"25:99\"\n");
    assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("invalid-time"));
  }

  @Test
  void rejectsSignupThatIsNotAWebAddress() {
    parse("kit: tiny\ndate: 2030-05-04\nsignup: javascript:alert(1)\n");
    assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("invalid-url"));
  }

  @Test
  void requiresKitAndDate() {
    assertThat(parse("city: Lyon\n")).isEmpty();
    assertThat(problems).extracting(Diagnostic::code).containsExactly("missing-field", "missing-field");
  }
}
