package org.starkit.markdown;

/**
 * A link from one page to a heading of another page (or of itself), checked once every page's
 * headings are known.
 *
 * @param target source path of the page linked to
 * @param anchor the fragment after {@code #}
 */
public record PageLink(String target, String anchor, int line, int column) {}
