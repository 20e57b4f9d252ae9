/**
 * Converts lessons written for other tools into starkit lessons and a kit.
 *
 * <p>In: an {@link org.starkit.importer.ImportSource} (the texts of a Carpentries Workbench lesson or of a
 * GitBook/HonKit book with a {@code SUMMARY.md}, and the paths of every other file in it) and
 * {@link org.starkit.importer.ImportSettings} (level, name, target folder, the curriculum's configuration).
 * Out: an {@link org.starkit.importer.ImportPlan}: lesson and kit files to write, files to copy, what the
 * source lacked and what was changed. {@link org.starkit.importer.TargetChecker} checks a plan against the
 * curriculum, {@link org.starkit.importer.PlanReporter} describes it. Only
 * {@link org.starkit.importer.FolderReader} and {@link org.starkit.importer.PlanWriter} touch the disk; the
 * importers themselves are pure.
 */
package org.starkit.importer;
