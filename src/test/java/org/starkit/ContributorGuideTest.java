package org.starkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.starkit.markdown.CalloutTypes;
import org.starkit.model.LessonField;

/** CONTRIBUTING.md and the site's contributor guide (curriculum/guides/contributing.md) say the same. */
class ContributorGuideTest {
  private static final Path CONTRIBUTING = Path.of("CONTRIBUTING.md");
  private static final Path GUIDE = Path.of("curriculum/guides/contributing.md");

  /** The guide without its front matter. */
  private static String guideBody() throws IOException {
    String guide = Files.readString(GUIDE);
    assertThat(guide).startsWith("---\n");
    return guide.substring(guide.indexOf("\n---\n", 4) + "\n---\n".length()).strip();
  }

  @Test
  void bothMentionNewLessonCheckAndServe() throws IOException {
    for (String text : new String[] {Files.readString(CONTRIBUTING), guideBody()}) {
      assertThat(text).contains("starkit new lesson").contains("starkit check").contains("starkit serve")
          .contains("http://127.0.0.1:8000");
    }
  }

  @Test
  void contributingHoldsTheGuideWordForWord() throws IOException {
    assertThat(Files.readString(CONTRIBUTING)).contains(guideBody());
  }

  @Test
  void guideKeepsItsFrontMatterAndHasNoLevelOneHeading() throws IOException {
    assertThat(Files.readString(GUIDE)).startsWith("---\ntitle: Contributor guide\nsummary: ");
    assertThat(guideBody()).doesNotStartWith("# ").doesNotContain("\n# Contributing");
    assertThat(guideBody().lines().filter(l -> l.startsWith("# "))).isEmpty();
  }

  @Test
  void contributingListsEveryFrontMatterFieldAsTheSitesReferenceDoes() throws IOException {
    String contributing = Files.readString(CONTRIBUTING);
    String reference = contributing.substring(contributing.indexOf("\n## Front-matter reference\n"));
    for (LessonField f : LessonField.values()) {
      assertThat(reference).contains("| `" + f.key() + "` | " + (f.required() ? "yes" : "no") + " | " + f.type()
          + " | " + f.description() + " | `" + f.example() + "` |");
    }
    for (String type : CalloutTypes.KNOWN) {
      assertThat(reference).contains("`" + type + "`");
    }
    assertThat(reference).contains("`beginner`, `intermediate`, `advanced`").contains("`CC-BY-4.0`");
  }
}
