/**
 * The pipeline that joins the stages: read sources, load, plan ({@link org.starkit.build.SitePlanner},
 * shared with the live preview), render Markdown and templates, and for {@code build} write;
 * {@code check} is the same without writing. Also the build cache: rendered bodies and the record of
 * the last site on disk ({@code .starkit-cache/}), with the lessons parsed from unchanged files. In: build options.
 * Out: a {@link org.starkit.build.BuildResult} with every diagnostic, sorted.
 */
package org.starkit.build;
