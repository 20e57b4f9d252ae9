/**
 * Starting points for authors: the text of a new lesson or kit file, filled in from a few answers.
 * Pure: each scaffold turns an input record into file text and reads or writes nothing; the
 * {@code starkit new} command checks the text with the real parsers before it writes it.
 */
package org.starkit.scaffold;
