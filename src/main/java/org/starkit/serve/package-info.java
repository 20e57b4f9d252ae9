/**
 * {@code starkit serve}: a live preview on the loopback interface. It builds the site in memory
 * (never writing {@code site/}), serves it with the JDK's HTTP server, watches the source and theme
 * folders, rebuilds incrementally on change, and reloads open pages through server-sent events. A
 * build with problems shows them as a page instead of the site, and the last good build stays
 * reachable under {@code /__starkit/last-good/}. Nothing here is used by {@code build} or
 * {@code check}; the reload script exists only in responses of the preview.
 */
package org.starkit.serve;
