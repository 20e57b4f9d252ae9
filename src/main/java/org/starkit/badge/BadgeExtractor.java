package org.starkit.badge;

import java.nio.charset.StandardCharsets;

/**
 * Finds the signed badge in what a learner hands over: a PNG, an SVG, a JWS or JSON holding one.
 * Returns the compact JWS, or the JSON itself when it carries an embedded proof or is a hosted 2.0 assertion.
 */
final class BadgeExtractor {
  private BadgeExtractor() {}

  static String extract(byte[] input) throws PngBaker.BakeException {
    String text;
    if (input.length >= 8 && input[0] == (byte) 0x89 && input[1] == 'P') {
      text = PngBaker.unbake(input).text().strip();
    } else {
      text = new String(input, StandardCharsets.UTF_8).strip();
      if (text.startsWith("<")) {
        text = SvgBaker.unbake(input).text().strip();
      }
    }
    if (text.isEmpty()) {
      throw new PngBaker.BakeException("the badge element is empty");
    }
    if (text.startsWith("{")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:jwt|proof|jws)\"\\s*:\\s*\"([A-Za-z0-9_\\-.]+)\"")
          .matcher(text);
      if (m.find() && m.group(1).split("\\.", -1).length == 3 && !m.group(1).contains("..")) {
        return m.group(1);
      }
      if (text.contains("\"proof\"") || isAssertion(text)) {
        return text;
      }
      throw new PngBaker.BakeException("this JSON has no signature: only signed badges (JWS) can be verified");
    }
    if (text.matches("[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]*")) {
      return text;
    }
    throw new PngBaker.BakeException("not a baked PNG or SVG, a JWS or JSON");
  }

  /** An unsigned Open Badges 2.0 assertion: a hosted badge, a pointer to the issuer's copy. */
  static boolean isAssertion(String text) {
    return text.startsWith("{") && java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"Assertion\"").matcher(text).find()
        && !text.contains("\"proof\"");
  }

  static String describe(byte[] input) {
    if (input.length >= 8 && input[0] == (byte) 0x89 && input[1] == 'P') {
      return "baked PNG";
    }
    String text = new String(input, StandardCharsets.UTF_8).strip();
    return text.startsWith("<") ? "baked SVG" : text.startsWith("{") ? "JSON" : "JWS";
  }
}
