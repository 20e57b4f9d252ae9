/**
 * The {@code starkit} command line. In: arguments. Out: exit codes (0 done, 1 problems in the
 * curriculum, 2 wrong command line, 3 starkit failed) and messages, problems printed for people or as
 * GitHub annotations. picocli is used here and nowhere else.
 */
package org.starkit.cli;
