package org.starkit.badge;

import java.util.List;

/**
 * The outcome of verifying a badge: every check with its result, and the overall status.
 *
 * @param summary what the badge says, such as "Python First Steps, issued by ... on 2027-03-13"
 */
public record Verdict(Status status, String version, List<Check> checks, String summary) {
  public Verdict {
    checks = List.copyOf(checks);
  }

  /** The overall result; only VALID makes {@code starkit badge verify} exit with 0. */
  public enum Status { VALID, EXPIRED, REVOKED, INVALID }

  /** One check: passed, failed, or only a warning. */
  public record Check(String name, Result result, String detail) {}

  public enum Result { PASS, FAIL, WARN, SKIP }
}
