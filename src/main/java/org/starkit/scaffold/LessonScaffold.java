package org.starkit.scaffold;

import java.util.List;
import java.util.Optional;
import org.starkit.model.LessonDuration;

/**
 * The text of a new lesson: front matter with every field an author needs, and a body that shows
 * the shape of a lesson (an introduction, a section, a challenge with its solution, notes for
 * instructors and key points). Every sentence to replace says so, and the file passes
 * {@code starkit check --strict} exactly as written.
 */
public final class LessonScaffold {
  /** Stands in for the author's name when none is known; the file says to replace it. */
  public static final String PLACEHOLDER_AUTHOR = "Your Name";

  /**
   * What the new lesson starts with.
   *
   * @param minutes teaching plus exercise time
   * @param author the author's name; empty writes {@link #PLACEHOLDER_AUTHOR} with a note to replace it
   * @param license an SPDX id from starkit.yml
   * @param language a BCP 47 tag
   */
  public record Draft(String title, String level, int minutes, List<String> tags, Optional<String> author,
      String license, String language) {
    public Draft {
      tags = List.copyOf(tags);
      if (title.isBlank() || minutes <= 0) {
        throw new IllegalArgumentException("a lesson needs a title and a positive duration");
      }
    }
  }

  /** The lesson file's text. */
  public String write(Draft d) {
    String duration = LessonDuration.format(d.minutes());
    StringBuilder s = new StringBuilder("---\n");
    s.append("title: ").append(ScalarQuoter.quote(d.title().strip())).append('\n');
    s.append("level: ").append(d.level()).append('\n');
    s.append("duration: ").append(duration).append('\n');
    s.append("summary: Replace this with one sentence on what learners can do after this lesson.\n");
    s.append("objectives:\n");
    s.append("  - Replace this with something learners can do after the lesson, starting with a verb.\n");
    s.append("  - Add one line per objective; the challenges below should practise them.\n");
    s.append("prerequisites: []   # ids of lessons to teach first, such as [lists, conditions]\n");
    s.append("tags: [").append(String.join(", ", d.tags().stream().map(ScalarQuoter::quoteInFlow).toList()))
        .append("]\n");
    s.append("authors:\n");
    s.append("  - ").append(d.author().map(a -> ScalarQuoter.quote(a.strip()))
        .orElse(PLACEHOLDER_AUTHOR + "   # replace with your name, or {name: ..., github: ...}")).append('\n');
    s.append("license: ").append(d.license()).append('\n');
    s.append("language: ").append(d.language()).append('\n');
    s.append("---\n\n");
    s.append("""
        Replace this introduction with a few sentences on why this matters to learners. In this lesson,
        learners reach the objectives listed above: say here how the sections below get them there.

        ## A first idea

        Explain one idea at a time, with a short example learners can type and run, and show what
        it prints:

        ```text
        Replace this with an example and its output.
        ```

        Link to another lesson by the path of its `.md` file, such as `[lists](lists.md)`, and put
        images beside the lesson with alt text that describes them.

        ::: challenge

        ### Try it yourself

        Replace this with a small exercise that practises the idea above.

        ::: solution

        Replace this with a solution and a sentence on why it works.

        :::

        :::

        ::: instructor

        ### Teaching notes

        """);
    s.append("- Timing: the lesson takes ").append(duration)
        .append(" in all; say how it splits between teaching and exercises.\n");
    s.append("""
        - Common mistakes learners make here, and how coaches can help.

        :::

        ::: keypoints

        - Replace these with the points learners should remember, one per line.

        :::
        """);
    return s.toString();
  }
}
