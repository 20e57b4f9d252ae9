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
    assertThat(templater.todos("ch/README.md")).containsExactly("the file missing.md that ch/README.md included,"
        + " missing from the source: the {% include %} was removed, so its text is missing here");
  }

  @Test
  void linksFollowChaptersToTheirLessonsAndKeepWhatTheSourceLacks() {
    ImportSource source = new ImportSource("book", "", Map.of("a/README.md", "", "GLOSSARY.md", ""),
        Set.of("a/img/ok.png"), Map.of());
    LinkRewriter links = new LinkRewriter(source, "", Map.of("a/README.md", "book-a.md"), Optional.empty());
    String text = "[A](../a/) [G](../GLOSSARY.md) ![ok](img/ok.png) ![gone](img/gone.png) [up](../../x.pdf)"
        + " [web](https://example.org/a.md) `[code](b.md)`";
    assertThat(links.rewrite("a/README.md", text)).isEqualTo("[A](book-a.md) G ![ok](a/img/ok.png)"
        + " *\\[image missing: `a/img/gone.png` — gone\\]* up [web](https://example.org/a.md) `[code](b.md)`");
    assertThat(links.copies()).containsExactly(new ImportPlan.CopiedFile("a/img/ok.png", "a/img/ok.png"));
    assertThat(links.lacks()).extracting(ImportPlan.Lack::what).containsExactly(
        "a/img/gone.png (an image in a/README.md)", "../../x.pdf (linked from a/README.md, outside the imported folder)");
    assertThat(links.todos("a/README.md")).containsExactly(
        "the image a/img/gone.png, missing from the source: the text says 'image missing' where it goes",
        "the file ../../x.pdf that 'up' linked to, outside the imported folder: the link text is kept without the link");
    assertThat(links.todos("GLOSSARY.md")).isEmpty();
  }

  @Test
  void rewritesImagesInsideLinksAndDropsDefinitionsOfMissingFiles() {
    ImportSource source = new ImportSource("book", "", Map.of("a/README.md", ""), Set.of(), Map.of());
    LinkRewriter links = new LinkRewriter(source, "", Map.of("a/README.md", "book-a.md"), Optional.empty());
    String text = "[![badge](img/b.svg)](https://example.org)\n\nSee [the data][data].\n\n[data]: data/set.zip\n";
    assertThat(links.rewrite("a/README.md", text)).isEqualTo("[*\\[image missing: `a/img/b.svg` — badge\\]*]"
        + "(https://example.org)\n\nSee [the data][data].\n\n\n");
    assertThat(links.todos("a/README.md")).containsExactly(
        "the image a/img/b.svg, missing from the source: the text says 'image missing' where it goes",
        "the file a/data/set.zip that the link definition [data] pointed to, missing from the source: the definition"
            + " was removed, so links that use it show as plain text");
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
