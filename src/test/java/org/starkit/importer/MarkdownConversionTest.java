package org.starkit.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownConversionTest {
  @Test
  void headingsStartAtLevelTwoAndNeverSkipALevel() {
    String text = "# A\n\n### B\n\n```\n# not a heading\n```\n\n# C\n\n## D\n\n#### E\n";
    assertThat(HeadingLeveler.level(text, false).text())
        .isEqualTo("## A\n\n### B\n\n```\n# not a heading\n```\n\n## C\n\n### D\n\n#### E\n");
  }

  @Test
  void theFirstLevelOneHeadingCanBecomeTheTitle() {
    HeadingLeveler.Result r = HeadingLeveler.level("Intro\n=====\n\nText.\n\nPart\n----\n", true);
    assertThat(r.title()).contains("Intro");
    assertThat(r.text()).isEqualTo("\nText.\n\n## Part\n");
  }

  @Test
  void kramdownLanguageLinesMoveOntoTheirFence() {
    PandocCleaner cleaner = new PandocCleaner();
    assertThat(cleaner.clean("~~~\nls\n~~~\n{: .language-bash}\n\nText\n"))
        .isEqualTo("~~~bash\nls\n~~~\n\nText\n");
    assertThat(cleaner.notes()).singleElement().asString().contains("{.language-bash}");
  }

  @Test
  void codeSpansAreLeftAlone() {
    assertThat(new PandocCleaner().clean("Use `[x]{.y}` or [x]{.y}.")).isEqualTo("Use `[x]{.y}` or x.");
  }

  @Test
  void templatesKeepRawTextAndTheFirstBranchOfConditions() {
    ImportSource source = new ImportSource("book", "", Map.of(), Set.of(), Map.of());
    GitbookTemplater templater = new GitbookTemplater(source, "en");
    String text = "{% raw %}{{ post.title }}{% endraw %} {% if a %}web{% else %}ebook{% endif %} book_{{ book.language }}"
        + "{% include \"/missing.md\" %}";
    assertThat(templater.expand("ch/README.md", text)).isEqualTo("{{ post.title }} web book_en");
    assertThat(templater.lacks()).extracting(ImportPlan.Lack::what)
        .containsExactly("missing.md (included by ch/README.md; the include was removed)");
  }

  @Test
  void linksFollowChaptersToTheirLessonsAndKeepWhatTheSourceLacks() {
    ImportSource source = new ImportSource("book", "", Map.of("a/README.md", "", "GLOSSARY.md", ""),
        Set.of("a/img/ok.png"), Map.of());
    LinkRewriter links = new LinkRewriter(source, "", Map.of("a/README.md", "book-a.md"), Optional.empty());
    String text = "[A](../a/) [G](../GLOSSARY.md) ![ok](img/ok.png) ![gone](img/gone.png) [up](../../x.pdf)"
        + " [web](https://example.org/a.md) `[code](b.md)`";
    assertThat(links.rewrite("a/README.md", text)).isEqualTo("[A](book-a.md) G ![ok](a/img/ok.png)"
        + " ![gone](a/img/gone.png) [up](../../x.pdf) [web](https://example.org/a.md) `[code](b.md)`");
    assertThat(links.copies()).containsExactly(new ImportPlan.CopiedFile("a/img/ok.png", "a/img/ok.png"));
    assertThat(links.lacks()).extracting(ImportPlan.Lack::reference).containsExactly("a/img/gone.png", "../../x.pdf");
  }

  @Test
  void proseGivesOneSentenceOfPlainText() {
    assertThat(ProseReader.firstSentence(ProseReader.plain("Use **`ls`** to [list](x.md) files. Then more.")))
        .isEqualTo("Use ls to list files.");
    assertThat(ProseReader.firstSentence("word ".repeat(100))).hasSizeLessThanOrEqualTo(300).endsWith("…");
  }

  @Test
  void recognisesCreativeCommonsLicences() {
    assertThat(LicenseRecognizer.fromName("CC-BY 4.0")).contains("CC-BY-4.0");
    assertThat(LicenseRecognizer.fromName("CC BY-SA 4.0")).contains("CC-BY-SA-4.0");
    assertThat(LicenseRecognizer.fromName("CC0")).contains("CC0-1.0");
    assertThat(LicenseRecognizer.fromText("licensed under the Creative Commons Attribution-ShareAlike 4.0"
        + " International License")).contains("CC-BY-SA-4.0");
    assertThat(LicenseRecognizer.fromText("MIT License")).isEqualTo(Optional.empty());
  }

  @Test
  void idsDropLeadingNumbersUnlessThatMakesThemClash() {
    assertThat(IdMaker.ids("shell", java.util.List.of("01-intro", "02-File Dir"))).containsExactly("shell-intro",
        "shell-file-dir");
    assertThat(IdMaker.ids("x", java.util.List.of("01-a", "02-a"))).containsExactly("x-01-a", "x-02-a");
  }
}
