package org.starkit.model;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A workshop on a real date, from {@code events/<id>.yml}: a kit, a day, a place and a contact.
 *
 * @param start overrides the kit's start time when present
 * @param online true for an event held on a video platform
 */
public record Event(
    String id,
    String path,
    Reference kit,
    LocalDate date,
    Optional<LocalTime> start,
    ZoneId timezone,
    String title,
    String city,
    String venue,
    String address,
    boolean online,
    String organizerName,
    String organizerEmail,
    String signup) {

  /** Where it happens, in one line: "Online" or venue, address and city. */
  public String place() {
    if (online) {
      return "Online";
    }
    return String.join(", ", java.util.stream.Stream.of(venue, address, city).filter(s -> !s.isBlank()).toList());
  }
}
