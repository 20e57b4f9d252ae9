package org.starkit.render;

import java.util.ArrayList;
import java.util.List;
import org.starkit.render.TemplateRenderer.ThemeException;
import org.starkit.write.OutputFile;

/**
 * Renders the pages of many items (lessons, kits) on all cores. The files come out in the items'
 * order, and the failure reported is the first in that order, so neither output nor errors depend
 * on timing.
 */
final class ParallelPages {
  private ParallelPages() {}

  /** The pages of one item. */
  interface Pages<T> {
    List<OutputFile> of(T item) throws ThemeException;
  }

  /** An item's pages, or what stopped them. */
  private record Rendered(List<OutputFile> files, Exception failure) {}

  static <T> List<OutputFile> render(List<T> items, Pages<T> pages) throws ThemeException {
    List<Rendered> rendered = items.parallelStream().map(item -> {
      try {
        return new Rendered(pages.of(item), null);
      } catch (ThemeException | RuntimeException e) {
        return new Rendered(List.of(), e);
      }
    }).toList();
    List<OutputFile> out = new ArrayList<>();
    for (Rendered r : rendered) {
      if (r.failure() instanceof ThemeException e) {
        throw e;
      } else if (r.failure() instanceof RuntimeException e) {
        throw e;
      }
      out.addAll(r.files());
    }
    return out;
  }
}
