package org.starkit.badge;

import java.nio.charset.StandardCharsets;

/**
 * Finds the signed badge in what a learner hands over: a PNG, an SVG, a JWS or JSON holding one.
 * Returns the compact JWS, or the JSON credential itself when it carries an embedded proof.
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
      if (text.contains("\"proof\"")) {
        return text;
      }
      throw new PngBaker.BakeException("this JSON has no signature: only signed badges (JWS) can be verified");
    }
    if (text.matches("[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]*")) {
      return text;
    }
    throw new PngBaker.BakeException("not a baked PNG or SVG, a JWS or JSON");
  }

  static String describe(byte[] input) {
    if (input.length >= 8 && input[0] == (byte) 0x89 && input[1] == 'P') {
      return "baked PNG";
    }
    String text = new String(input, StandardCharsets.UTF_8).strip();
    return text.startsWith("<") ? "baked SVG" : text.startsWith("{") ? "JSON" : "JWS";
  }
}
