/**
 * Markdown to safe HTML. In: a lesson or guide body, the page it renders into and where links between
 * source files lead. Out: a {@link org.starkit.markdown.RenderedPage}: sanitized learner and instructor
 * HTML (no scripts, event handlers or unsafe URLs), headings, links, search words and diagnostics.
 * Flexmark is used here and nowhere else; jsoup sanitizes its output.
 */
package org.starkit.markdown;
