package org.starkit.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;
import org.starkit.markdown.Heading;
import org.starkit.markdown.PageLink;
import org.starkit.markdown.RenderedPage;

/** Checks that every {@code #anchor} in a link names a heading of the page it points to. */
public final class AnchorChecker {
  private AnchorChecker() {}

  /** @param pages rendered pages by source path */
  public static List<Diagnostic> check(Map<String, RenderedPage> pages) {
    List<Diagnostic> problems = new ArrayList<>();
    for (String source : new java.util.TreeSet<>(pages.keySet())) {
      problems.addAll(checkFrom(source, pages));
    }
    return problems;
  }

  /**
   * The problems of the links on one page: what {@link #check} finds in {@code source}, for a caller
   * that knows the other pages' links and the headings they point to did not change.
   */
  public static List<Diagnostic> checkFrom(String source, Map<String, RenderedPage> pages) {
    List<Diagnostic> problems = new ArrayList<>();
    for (PageLink link : pages.get(source).pageLinks()) {
      RenderedPage target = pages.get(link.target());
      if (target == null || link.anchor().isEmpty()) {
        continue;
      }
      Set<String> ids = target.headings().stream().map(Heading::id).collect(Collectors.toSet());
      if (!ids.contains(link.anchor())) {
        String where = link.target().equals(source) ? "this page" : link.target();
        problems.add(Diagnostic.error(source, link.line(), link.column(), "broken-anchor",
            "'#" + link.anchor() + "' is not a heading of " + where + "." + Suggester.didYouMean(link.anchor(), ids),
            "An anchor is a heading's text in lower case, with spaces as hyphens and punctuation left out: "
                + "'## For loops' is #for-loops."));
      }
    }
    return problems;
  }
}
