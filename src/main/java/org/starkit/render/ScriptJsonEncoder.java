package org.starkit.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import org.starkit.search.ScriptSafeEscapes;

/**
 * Writes JSON that is safe as the content of an HTML {@code <script>} element, such as
 * {@code <script type="application/json">} (see {@link ScriptSafeEscapes}).
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
}
