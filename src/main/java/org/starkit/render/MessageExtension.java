package org.starkit.render;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives templates {@code t(key, arg0, arg1, ...)}: the interface string {@code key} in the language
 * of the page being rendered ({@code layout.lang}). The result is escaped like any other value,
 * except for keys ending in {@code _html}, whose arguments are escaped instead.
 *
 * <p>Also gives {@code messages_json(prefix)}: every message whose key starts with {@code prefix},
 * unformatted, as a JSON object safe inside {@code <script type="application/json">}, for scripts
 * such as {@code assets/verify.js} that fill in {@code {0}}, {@code {1}} themselves.
 */
final class MessageExtension extends AbstractExtension {
  private final Messages messages;
  private final Map<String, MessageBundle> bundles = new ConcurrentHashMap<>();

  MessageExtension(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("t", new Translate(), "messages_json", new MessagesJson());
  }

  private MessageBundle bundle(EvaluationContext context) {
    Object layout = context.getVariable("layout");
    Object own = context.getVariable("lang");
    String lang = layout instanceof Views.Layout l ? l.lang() : own instanceof String tag ? tag : Messages.FALLBACK;
    return bundles.computeIfAbsent(lang, messages::bundle);
  }

  private final class MessagesJson implements Function {
    @Override
    public List<String> getArgumentNames() {
      return List.of("prefix");
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      if (!(args.get("prefix") instanceof String prefix) || prefix.isEmpty()) {
        throw new PebbleException(null, "messages_json() needs a key prefix such as \"verify.js.\"", line,
            self.getName());
      }
      Map<String, String> patterns = bundle(context).patterns(prefix);
      if (patterns.isEmpty()) {
        throw new PebbleException(null, "There are no messages starting with '" + prefix + "'", line, self.getName());
      }
      return new SafeString(ScriptJsonEncoder.encode(patterns));
    }
  }

  private final class Translate implements Function {
    @Override
    public List<String> getArgumentNames() {
      return null; // positional arguments arrive as "0", "1", ...
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      Object key = args.get("0");
      if (!(key instanceof String k)) {
        throw new PebbleException(null, "t() needs a message key as its first argument", line, self.getName());
      }
      Object[] values = new Object[Math.max(0, countPositional(args) - 1)];
      for (int i = 0; i < values.length; i++) {
        values[i] = args.get(String.valueOf(i + 1));
      }
      MessageBundle bundle = bundle(context);
      try {
        String text = bundle.text(k, values);
        return k.endsWith("_html") ? new SafeString(text) : text;
      } catch (MessageBundle.MissingMessageException e) {
        throw new PebbleException(null, "There is no message '" + k + "' in " + e.file(), line, self.getName());
      } catch (IllegalArgumentException e) {
        throw new PebbleException(e, "The message '" + k + "' is not a valid pattern: " + e.getMessage(), line,
            self.getName());
      }
    }

    private int countPositional(Map<String, Object> args) {
      int n = 0;
      while (args.containsKey(String.valueOf(n))) {
        n++;
      }
      return n;
    }
  }
}
