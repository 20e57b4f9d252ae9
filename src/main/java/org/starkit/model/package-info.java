/**
 * The immutable records of a curriculum (lessons, guides, kits, events, badges, configuration) that
 * the stages hand to each other.
 */
package org.starkit.model;
