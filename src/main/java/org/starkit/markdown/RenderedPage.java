package org.starkit.markdown;

import java.util.List;
import org.starkit.diagnostic.Diagnostic;

/**
 * A lesson or guide body rendered to safe HTML.
 *
 * @param learnerHtml the body without instructor notes
 * @param instructorHtml the body with instructor notes
 * @param instructorNotes only the instructor notes, for a kit's collected notes
 * @param headings the body's headings in order, with their anchor ids
 * @param pageLinks links to headings of pages, checked once all pages are rendered
 * @param searchWords the distinct words of the learner view, lower-cased and sorted, for the search
 *     index: heading anchors and callout labels are left out (see {@link SearchWords})
 */
public record RenderedPage(
    String learnerHtml,
    String instructorHtml,
    String instructorNotes,
    List<Heading> headings,
    List<PageLink> pageLinks,
    List<Diagnostic> diagnostics,
    String searchWords) {

  public boolean hasInstructorNotes() {
    return !instructorNotes.isEmpty();
  }

  public RenderedPage {
    headings = List.copyOf(headings);
    pageLinks = List.copyOf(pageLinks);
    diagnostics = List.copyOf(diagnostics);
  }
}
