package org.starkit.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.model.SiteConfig;

class ConfigParserTest {
  private final List<Diagnostic> problems = new ArrayList<>();

  @Test
  void aTitleAloneIsAValidConfiguration() {
    SiteConfig c = new ConfigParser().parse("title: Hack nights\n", problems);
    assertThat(problems).isEmpty();
    assertThat(c.title()).isEqualTo("Hack nights");
    assertThat(c.levels()).containsExactly("beginner", "intermediate", "advanced");
    assertThat(c.formatIds()).containsExactly("session", "half-day", "full-day", "multi-week");
    assertThat(c.format("full-day").orElseThrow().lunchMinutes()).isEqualTo(60);
    assertThat(c.format("multi-week").orElseThrow().totalMinutes()).isEqualTo(720);
    assertThat(c.license()).isEqualTo("CC-BY-4.0");
    assertThat(c.baseUrl()).isEmpty();
  }

  @Test
  void readsCustomLevelsFormatsAndBaseUrl() {
    SiteConfig c = new ConfigParser().parse("title: T\nbase_url: https://example.org/py\nlevels: [easy, hard]\n"
        + "formats:\n  - id: evening\n    title: Evening\n    minutes: 150\n", problems);
    assertThat(problems).isEmpty();
    assertThat(c.baseUrl()).isEqualTo("https://example.org/py/");
    assertThat(c.levels()).containsExactly("easy", "hard");
    assertThat(c.formats()).singleElement().satisfies(f -> assertThat(f.minutes()).isEqualTo(150));
  }

  @Test
  void rejectsBaseUrlThatIsNotAbsolute() {
    new ConfigParser().parse("title: T\nbase_url: example.org\n", problems);
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("invalid-url");
      assertThat(d.location()).isEqualTo("starkit.yml:2:11");
    });
  }

  @Test
  void warnsAboutUnknownSettings() {
    new ConfigParser().parse("title: T\nbaseurl: https://x.org/\n", problems);
    assertThat(problems).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("unknown-field");
      assertThat(d.message()).contains("Did you mean 'base_url'?");
    });
  }

  @Test
  void rejectsFormatWithoutMinutes() {
    new ConfigParser().parse("title: T\nformats:\n  - id: evening\n", problems);
    assertThat(problems).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("missing-field"));
  }
}
