package org.starkit.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes JSON that is safe as the content of an HTML {@code <script>} element, such as
 * {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} become
 * six-character escapes such as {@code \u003c}, so no text can close the element or start a
 * comment, and U+2028 and U+2029 are escaped too. HTML escaping would be wrong there: the
 * browser does not decode entities inside a script element.
 */
final class ScriptJsonEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptJsonEncoder() {}

  /** The map as one line of JSON, keys in the map's order. */
  static String encode(Map<String, String> values) {
    try {
      return JSON.writer().with(new ScriptSafeEscapes()).writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a map of strings always serializes
    }
  }

  private static final class ScriptSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    ScriptSafeEscapes() {
      ascii['<'] = ESCAPE_STANDARD;
      ascii['>'] = ESCAPE_STANDARD;
      ascii['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 || ch == 0x2029 ? new SerializedString(String.format("\\u%04x", ch)) : null;
    }
  }
}
