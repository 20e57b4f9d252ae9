/**
 * Reading the curriculum folder: the one stage that reads {@code curriculum/}. In: a source folder.
 * Out: a {@link org.starkit.source.SourceSet} of files with their bytes, sorted by path, with
 * diagnostics for what cannot be read. Later stages never touch the file system for sources.
 */
package org.starkit.source;
