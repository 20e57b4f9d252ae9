package org.starkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How offline packs read the links of the site's pages back into site paths. */
class LinkResolverTest {
  private static final String PAGE = "lessons/second/index.html";

  @Test
  void resolvesRelativeLinksAgainstThePage() {
    assertThat(LinkResolver.resolve(PAGE, "../hello/index.html#start")).isEqualTo("lessons/hello/index.html");
    assertThat(LinkResolver.resolve(PAGE, "./images/a.png?v=1")).isEqualTo("lessons/second/images/a.png");
    assertThat(LinkResolver.resolve(PAGE, "../../kits/")).isEqualTo("kits/");
  }

  @Test
  void leavesAbsoluteLinksAnchorsAndEscapesFromTheSiteUnresolved() {
    assertThat(LinkResolver.resolve(PAGE, "https://example.org/")).isNull();
    assertThat(LinkResolver.resolve(PAGE, "MailTo:ada@example.org")).isNull();
    assertThat(LinkResolver.resolve(PAGE, "#section")).isNull();
    assertThat(LinkResolver.resolve(PAGE, "/index.html")).isNull();
    assertThat(LinkResolver.resolve(PAGE, "../../../outside.html")).isNull();
  }

  @Test
  void decodesEscapesAsTheSiteWritesThemAndKeepsMalformedOnesAsWritten() {
    assertThat(LinkResolver.resolve(PAGE, "caf%C3%A9.html")).isEqualTo("lessons/second/café.html");
    assertThat(LinkResolver.resolve(PAGE, "a+b%41.html")).isEqualTo("lessons/second/a+bA.html");
    assertThat(LinkResolver.resolve(PAGE, "notes%zz.html")).isEqualTo("lessons/second/notes%zz.html");
  }
}
