/**
 * Checks across files that no single file can show: prerequisites that are missing, circular or
 * harder than the lesson, translations whose original changed, links to headings that do not exist,
 * references between badges, lessons and kits
 * that lead nowhere. In: the curriculum (and rendered pages, for anchors). Out:
 * diagnostics.
 */
package org.starkit.validate;
