/**
 * Parsing and validating single files: the front matter of lessons and guides, {@code starkit.yml},
 * kits, events, organizing files, badges and the award ledger. In: a {@link org.starkit.source.SourceSet}.
 * Out: the immutable {@link org.starkit.model.Curriculum} and a diagnostic (file, line, column, code,
 * message, hint) per problem. YAML is read with limits on depth and size; SnakeYAML is used here and
 * nowhere else.
 */
package org.starkit.load;
