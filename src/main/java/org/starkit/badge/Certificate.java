package org.starkit.badge;

/**
 * What a printable certificate shows, for the theme's {@code certificate.peb}: the learner, the
 * achievement, the date and the credential id, and a QR code to the verify page.
 *
 * @param learner the learner's name as the organizer gave it, or empty when none was given
 * @param date the issue date in words, such as {@code 1 March 2026}
 * @param isoDate the same date as {@code 2026-03-01}
 * @param verifyPage the site's verify page, to print as text
 * @param verifyUrl the verify page with the credential id in the fragment, for the QR code
 * @param qrCode a {@code data:image/png} URI of the QR code of {@code verifyUrl}
 * @param badgeImage a {@code data:image/png} URI of the achievement's image
 */
public record Certificate(String learner, String achievement, String description, String issuer, String date,
    String isoDate, String credentialId, String verifyPage, String verifyUrl, String qrCode, String badgeImage) {}
