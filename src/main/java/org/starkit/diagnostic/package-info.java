/**
 * Diagnostics: a problem with file, line, column, severity, stable code, message and hint, sorted the
 * same way everywhere, and printed for people or as GitHub workflow annotations.
 */
package org.starkit.diagnostic;
