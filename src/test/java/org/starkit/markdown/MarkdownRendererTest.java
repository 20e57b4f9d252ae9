package org.starkit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.starkit.diagnostic.Diagnostic;

class MarkdownRendererTest {
  private static final String FILE = "lessons/py/loops.md";
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
  private static final LinkTargets TARGETS = new LinkTargets(
      Map.of(FILE, "lessons/loops/index.html", "lessons/py/lists.md", "lessons/lists/index.html",
          "lessons/advanced/classes.md", "lessons/classes/index.html"),
      Map.of("lessons/py/images/loop.png", "files/py/images/loop.png"));

  private RenderedPage render(String body) {
    return RENDERER.render(FILE, body, "../../", TARGETS);
  }

  private static Diagnostic only(RenderedPage page) {
    assertThat(page.diagnostics()).hasSize(1);
    return page.diagnostics().get(0);
  }

  @Test
  void rendersChallengeWithCollapsedSolution() {
    RenderedPage page = render("## Part\n\n::: challenge\n### Count\n\nDo it.\n\n::: solution\nAnswer.\n:::\n\n:::\n\nAfter.\n");
    assertThat(page.diagnostics()).isEmpty();
    assertThat(page.learnerHtml())
        .contains("<aside class=\"callout callout-challenge\"><p class=\"callout-label\">Challenge</p>")
        .contains("<details class=\"callout callout-solution\"><summary>Solution</summary>")
        .containsSubsequence("Answer.", "</details>", "</aside>", "<p>After.</p>");
  }

  @Test
  void closingFenceInsideCodeBlockDoesNotCloseCallout() {
    RenderedPage page = render("::: challenge\n\n```python\n:::\n```\n\nStill inside.\n\n:::\n");
    assertThat(page.diagnostics()).isEmpty();
    assertThat(page.learnerHtml()).containsSubsequence("<code class=\"language-python\">:::", "Still inside.", "</aside>");
  }

  @Test
  void instructorNotesOnlyInInstructorView() {
    RenderedPage page = render("Intro.\n\n::: instructor\nAllow 10 minutes.\n:::\n");
    assertThat(page.hasInstructorNotes()).isTrue();
    assertThat(page.learnerHtml()).doesNotContain("Allow 10 minutes").contains("Intro.");
    assertThat(page.instructorHtml()).contains("callout-instructor").contains("Allow 10 minutes");
  }

  @Test
  void hintsAndSpoilersRenderCollapsed() {
    RenderedPage page = render("::: hint\nTry range.\n:::\n\n::: spoiler\nMore.\n:::\n");
    assertThat(page.learnerHtml()).contains("<details class=\"callout callout-hint\"><summary>Hint</summary>")
        .contains("<details class=\"callout callout-spoiler\">");
  }

  @Test
  void reportsUnknownCalloutWithSuggestion() {
    Diagnostic d = only(render("Text.\n\n::: challange\nx\n:::\n"));
    assertThat(d.code()).isEqualTo("unknown-callout");
    assertThat(d.location()).isEqualTo(FILE + ":3:5");
    assertThat(d.message()).contains("Did you mean 'challenge'?");
  }

  @Test
  void reportsUnclosedCallout() {
    Diagnostic d = only(render("Text.\n\n::: challenge\nx\n"));
    assertThat(d.code()).isEqualTo("unclosed-callout");
    assertThat(d.location()).isEqualTo(FILE + ":3:1");
  }

  @Test
  void reportsClosingFenceWithoutOpener() {
    Diagnostic d = only(render("Text.\n\n:::\n"));
    assertThat(d.code()).isEqualTo("unmatched-fence");
    assertThat(d.location()).isEqualTo(FILE + ":3:1");
  }

  @Test
  void reportsLevelOneHeading() {
    Diagnostic d = only(render("\n\n# Loops\n\nText.\n"));
    assertThat(d.code()).isEqualTo("heading-h1");
    assertThat(d.location()).isEqualTo(FILE + ":3:1");
  }

  @Test
  void warnsAboutHeadingLevelJump() {
    Diagnostic d = only(render("## One\n\n#### Three\n"));
    assertThat(d.code()).isEqualTo("heading-jump");
    assertThat(d.location()).isEqualTo(FILE + ":3:1");
  }

  @Test
  void rewritesLessonLinksAndRecordsAnchors() {
    RenderedPage page = render("See [lists](lists.md#slicing) and [classes](../advanced/classes.md).\n");
    assertThat(page.diagnostics()).isEmpty();
    assertThat(page.learnerHtml()).contains("href=\"../../lessons/lists/index.html#slicing\"")
        .contains("href=\"../../lessons/classes/index.html\"");
    assertThat(page.pageLinks()).singleElement().satisfies(l -> {
      assertThat(l.target()).isEqualTo("lessons/py/lists.md");
      assertThat(l.anchor()).isEqualTo("slicing");
      assertThat(l.line()).isEqualTo(1);
      assertThat(l.column()).isEqualTo(5);
    });
  }

  @Test
  void reportsBrokenLessonLinkWithSuggestion() {
    Diagnostic d = only(render("Text\nSee [lists](list.md).\n"));
    assertThat(d.code()).isEqualTo("broken-link");
    assertThat(d.location()).isEqualTo(FILE + ":2:5");
    assertThat(d.message()).contains("Did you mean 'lists.md'?");
  }

  @Test
  void reportsLinkLeavingTheTree() {
    Diagnostic d = only(render("[x](../../../etc/passwd)\n"));
    assertThat(d.code()).isEqualTo("broken-link");
    assertThat(d.message()).contains("outside the curriculum");
  }

  @Test
  void copiesImagesAndRequiresAltText() {
    RenderedPage page = render("![A loop](images/loop.png)\n\n![](images/loop.png)\n");
    assertThat(page.learnerHtml()).contains("<img src=\"../../files/py/images/loop.png\" alt=\"A loop\">");
    Diagnostic d = only(page);
    assertThat(d.code()).isEqualTo("missing-alt");
    assertThat(d.location()).isEqualTo(FILE + ":3:1");
  }

  @Test
  void reportsMissingAndExternalImages() {
    RenderedPage page = render("![a](images/nope.png) ![b](https://example.org/x.png)\n");
    assertThat(page.diagnostics()).extracting(Diagnostic::code).containsExactly("missing-image", "external-image");
    assertThat(page.learnerHtml()).doesNotContain("example.org");
  }

  @Test
  void removesScriptsHandlersFramesAndDangerousUrls() {
    RenderedPage page = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
        + "<a href=\"java&#115;cript:alert(1)\" onclick=\"x()\">raw</a> <iframe src=\"https://evil.example\"></iframe>\n\n"
        + "<a href=\"JAVA\tSCRIPT:alert(1)\">tab</a> <a href=\"data:text/html,hi\">d</a> <p style=\"x\">s</p>\n");
    String html = page.learnerHtml().toLowerCase(java.util.Locale.ROOT);
    assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("onclick")
        .doesNotContain("javascript").doesNotContain("java\tscript").doesNotContain("<iframe")
        .doesNotContain("data:").doesNotContain("style=");
  }

  @Test
  void reportsUnsafeMarkdownLinksAndDropsThem() {
    RenderedPage page = render("[a](javascript:alert(1)) [b](JavaScript:x) [c](vbscript:x) [d](data:text/html,x)\n");
    assertThat(page.diagnostics()).extracting(Diagnostic::code).containsOnly("unsafe-link").hasSize(4);
    assertThat(page.learnerHtml().toLowerCase(java.util.Locale.ROOT)).doesNotContain("script:").doesNotContain("data:")
        .contains("a").contains("b");
  }

  @Test
  void rendersGfmExtensions() {
    RenderedPage page = render("| a | b |\n|:-:|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n~~old~~ https://example.org x[^1]\n\n[^1]: Note.\n");
    assertThat(page.learnerHtml()).contains("<table>").contains("class=\"align-center\"").contains("aria-label=\"done\"")
        .contains("<del>old</del>").contains("<a href=\"https://example.org\">").contains("footnote-ref")
        .doesNotContain("<input");
  }

  @Test
  void headingsGetIdsAndAnchorLinks() {
    RenderedPage page = render("## For loops\n\n## For loops\n");
    assertThat(page.headings()).extracting(Heading::id).containsExactly("for-loops", "for-loops-1");
    assertThat(page.learnerHtml()).contains("<h2 id=\"for-loops\">For loops<a class=\"heading-anchor\" href=\"#for-loops\"");
  }
}
