package org.starkit.search;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson escapes for JSON written inside an HTML {@code <script>} element: {@code <}, {@code >}
 * and {@code &} as six-character escapes such as {@code \u003c} (so no text can close the element
 * or start a comment), and the line and paragraph separators U+2028 and U+2029, which older
 * JavaScript engines reject inside strings. HTML escaping would be wrong there: browsers do not
 * decode entities inside a script element.
 */
public final class ScriptSafeEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private final int[] ascii = standardAsciiEscapesForJSON();

  public ScriptSafeEscapes() {
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
