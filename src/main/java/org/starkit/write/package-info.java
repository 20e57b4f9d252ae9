/**
 * Writing the site: the one stage that writes {@code site/}. In: the output files of a passing build.
 * Out: the site folder, filled beside the old one and swapped in whole, so a failed or interrupted build
 * leaves the previous site as it was; files equal to the old site's are hard-linked from it.
 */
package org.starkit.write;
