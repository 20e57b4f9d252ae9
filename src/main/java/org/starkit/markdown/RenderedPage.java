package org.starkit.markdown;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.starkit.diagnostic.Diagnostic;

/**
 * A lesson or guide body rendered to safe HTML. Immutable; equal when every part is equal.
 *
 * <p>A body the build cache stores may come with its HTML still on disk ({@link #withStoredHtml}):
 * a rebuild shows most bodies' headings, links and search words but the HTML of only the few pages
 * it renders again, and ten thousand bodies' HTML is a hundred megabytes to decode.
 */
public final class RenderedPage {
  /**
   * The HTML of a body.
   *
   * @param learner the body without instructor notes
   * @param instructor the body with instructor notes
   * @param notes only the instructor notes, for a kit's collected notes
   */
  public record Html(String learner, String instructor, String notes) {
    public Html {
      Objects.requireNonNull(learner, "learner");
      Objects.requireNonNull(instructor, "instructor");
      Objects.requireNonNull(notes, "notes");
    }
  }

  private final List<Heading> headings;
  private final List<PageLink> pageLinks;
  private final List<Diagnostic> diagnostics;
  private final String searchWords;
  private final boolean hasInstructorNotes;
  private Supplier<Html> stored; // until the HTML is first asked for; guarded by this
  private volatile Html html;

  /**
   * @param learnerHtml the body without instructor notes
   * @param instructorHtml the body with instructor notes
   * @param instructorNotes only the instructor notes, for a kit's collected notes
   * @param headings the body's headings in order, with their anchor ids
   * @param pageLinks links to headings of pages, checked once all pages are rendered
   * @param searchWords the distinct words of the learner view, lower-cased and sorted, for the search
   *     index: heading anchors and callout labels are left out (see {@link SearchWords})
   */
  public RenderedPage(String learnerHtml, String instructorHtml, String instructorNotes, List<Heading> headings,
      List<PageLink> pageLinks, List<Diagnostic> diagnostics, String searchWords) {
    this(new Html(learnerHtml, instructorHtml, instructorNotes), null, !instructorNotes.isEmpty(), headings, pageLinks,
        diagnostics, searchWords);
  }

  private RenderedPage(Html html, Supplier<Html> stored, boolean hasInstructorNotes, List<Heading> headings,
      List<PageLink> pageLinks, List<Diagnostic> diagnostics, String searchWords) {
    this.html = html;
    this.stored = stored;
    this.hasInstructorNotes = hasInstructorNotes;
    this.headings = List.copyOf(headings);
    this.pageLinks = List.copyOf(pageLinks);
    this.diagnostics = List.copyOf(diagnostics);
    this.searchWords = Objects.requireNonNull(searchWords, "searchWords");
  }

  /**
   * A body whose HTML is read when first asked for, once.
   *
   * @param html reads the HTML; it fails with an unchecked exception when it cannot, and its
   *     instructor notes are empty exactly when {@code hasInstructorNotes} is false
   */
  public static RenderedPage withStoredHtml(Supplier<Html> html, boolean hasInstructorNotes, List<Heading> headings,
      List<PageLink> pageLinks, List<Diagnostic> diagnostics, String searchWords) {
    return new RenderedPage(null, Objects.requireNonNull(html, "html"), hasInstructorNotes, headings, pageLinks,
        diagnostics, searchWords);
  }

  /** The body's HTML, read now if it is still stored. */
  public Html html() {
    Html h = html;
    if (h == null) {
      synchronized (this) {
        h = html;
        if (h == null) {
          h = Objects.requireNonNull(stored.get(), "stored HTML");
          if (h.notes().isEmpty() == hasInstructorNotes) {
            throw new IllegalStateException("The stored HTML does not match the body it was stored with.");
          }
          html = h;
          stored = null;
        }
      }
    }
    return h;
  }

  public String learnerHtml() {
    return html().learner();
  }

  public String instructorHtml() {
    return html().instructor();
  }

  public String instructorNotes() {
    return html().notes();
  }

  public boolean hasInstructorNotes() {
    return hasInstructorNotes;
  }

  public List<Heading> headings() {
    return headings;
  }

  public List<PageLink> pageLinks() {
    return pageLinks;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public String searchWords() {
    return searchWords;
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof RenderedPage p && hasInstructorNotes == p.hasInstructorNotes
        && headings.equals(p.headings) && pageLinks.equals(p.pageLinks) && diagnostics.equals(p.diagnostics)
        && searchWords.equals(p.searchWords) && html().equals(p.html());
  }

  @Override
  public int hashCode() {
    return Objects.hash(html(), headings, pageLinks, diagnostics, searchWords);
  }

  @Override
  public String toString() {
    return "RenderedPage[headings=" + headings + ", pageLinks=" + pageLinks + ", diagnostics=" + diagnostics
        + ", html=" + (html == null ? "(stored)" : html) + "]";
  }
}
