/**
 * Reading the curriculum folder: the one stage that reads {@code curriculum/}. In: a source folder.
 * Out: a {@link org.starkit.source.SourceSet} of files with their bytes, sorted by path, with
 * diagnostics for what cannot be read. Later stages never touch the file system for sources: a
 * file a build cache let the reader leave unread (one whose stamp says it is unchanged) is read by
 * its {@link org.starkit.source.SourceFile} itself when its bytes are first asked for, and checked
 * then against what the cache knew of it.
 */
package org.starkit.source;
