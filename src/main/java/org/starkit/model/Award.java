package org.starkit.model;

import java.time.LocalDate;

/**
 * One line of the award ledger ({@code badges/awards.csv}): which badge was awarded when, and
 * whether it was revoked. It holds no recipient data.
 *
 * @param id the credential id, {@code urn:uuid:...}
 */
public record Award(String id, String achievement, LocalDate issued, boolean revoked, String reason) {}
