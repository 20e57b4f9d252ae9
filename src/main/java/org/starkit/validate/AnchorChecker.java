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
    for (Map.Entry<String, RenderedPage> e : new java.util.TreeMap<>(pages).entrySet()) {
      for (PageLink link : e.getValue().pageLinks()) {
        RenderedPage target = pages.get(link.target());
        if (target == null || link.anchor().isEmpty()) {
          continue;
        }
        Set<String> ids = target.headings().stream().map(Heading::id).collect(Collectors.toSet());
        if (!ids.contains(link.anchor())) {
          String where = link.target().equals(e.getKey()) ? "this page" : link.target();
          problems.add(Diagnostic.error(e.getKey(), link.line(), link.column(), "broken-anchor",
              "'#" + link.anchor() + "' is not a heading of " + where + "." + Suggester.didYouMean(link.anchor(), ids),
              "An anchor is a heading's text in lower case, with spaces as hyphens and punctuation left out: "
                  + "'## For loops' is #for-loops."));
        }
      }
    }
    return problems;
  }
}
