/**
 * Writing the site: the one stage that writes {@code site/}. In: the output files of a passing build.
 * Out: the site folder, either filled beside the old one and swapped in whole ({@link org.starkit.write.SiteWriter};
 * files equal to the old site's are hard-linked from it), or, when a build keeps most pages, updated in
 * place by staging the changed files beside it and renaming them in ({@link org.starkit.write.SiteCommitter}).
 * Either way a failed build leaves the previous site as it was, and an interrupted update is repaired
 * by the next build.
 */
package org.starkit.write;
