package org.starkit.build;

import java.util.List;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.write.SiteManifest;

/**
 * What the cache remembers of the last site written to one output folder, so that a build whose
 * inputs have not changed since, into a folder nobody touched since, has nothing to do.
 *
 * @param code {@link Fingerprints#code()} of the starkit that wrote it
 * @param inputs {@link Fingerprints#inputs} of that build
 * @param structure {@link Fingerprints#structure} of that build: its inputs but the Markdown bodies
 * @param bodies the cache key ({@link Fingerprints#markdown}) of each Markdown body that build
 *     rendered, by source path: a page that shows only bodies whose keys are unchanged, in a build of
 *     equal structure, is carried over from the site instead of rendered again
 * @param diagnostics the warnings that build reported, printed again when nothing is rebuilt
 * @param files how many files the site has
 * @param site the stamps of the site's files and folders right after it was written
 */
record BuildRecord(String code, String inputs, String structure, java.util.Map<String, String> bodies, int lessons,
    List<Diagnostic> diagnostics, int files, SiteManifest site) {
  BuildRecord {
    bodies = java.util.Map.copyOf(bodies);
    diagnostics = List.copyOf(diagnostics);
  }
}
