/**
 * The site from the catalog: every page listed with a way to render it
 * ({@link org.starkit.render.PagePlanner}), view records for the templates, Pebble templates rendered
 * with autoescaping and strict variables, interface strings per language, the catalog export, the
 * sitemap and the kits' offline zips. In: a {@link org.starkit.plan.Catalog} and a theme folder. Out:
 * output files in memory.
 */
package org.starkit.render;
