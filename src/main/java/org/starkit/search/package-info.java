/**
 * Site search without a server: the search index of the lessons, written at build time as a
 * script the search page loads, and the lunr library copied out of its WebJar.
 */
package org.starkit.search;
