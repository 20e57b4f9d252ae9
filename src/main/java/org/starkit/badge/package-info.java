/**
 * Open Badges: keys, issuing, baking, publishing and verifying. In: achievements, keys and the
 * award ledger from the curriculum, a private key from outside the repository, learners' emails.
 * Out: signed OB 3.0 VC-JWTs and OB 2.0 assertions baked into PNG and SVG images (to a folder
 * for the organizer), and the public documents the site publishes so anyone can verify them.
 * Nimbus JOSE+JWT is used here and nowhere else.
 */
package org.starkit.badge;
