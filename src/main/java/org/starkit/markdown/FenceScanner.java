package org.starkit.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.starkit.diagnostic.Diagnostic;
import org.starkit.diagnostic.Suggester;

/**
 * Checks callout fences line by line, outside code blocks: every {@code ::: type} is closed, every
 * closing {@code :::} has an opener, and every type is in the Carpentries vocabulary.
 */
final class FenceScanner {
  private static final Pattern CODE_FENCE = Pattern.compile("( {0,3})(`{3,}|~{3,})(.*)");

  private FenceScanner() {}

  static void scan(String file, String text, List<Diagnostic> problems) {
    Deque<int[]> open = new ArrayDeque<>();
    String codeFence = null;
    int lineNo = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      String line = end < 0 ? text.substring(start) : text.substring(start, end);
      lineNo++;
      Matcher code = CODE_FENCE.matcher(line);
      int indent = line.length() - line.stripLeading().length();
      String trimmed = line.strip();
      if (codeFence != null) {
        if (code.matches() && code.group(2).charAt(0) == codeFence.charAt(0)
            && code.group(2).length() >= codeFence.length() && code.group(3).isBlank()) {
          codeFence = null;
        }
      } else if (code.matches() && !(code.group(2).charAt(0) == '`' && code.group(3).contains("`"))) {
        codeFence = code.group(2);
      } else if (indent < 4 && CalloutBlockParser.CLOSE.matcher(trimmed).matches()) {
        if (open.isEmpty()) {
          problems.add(Diagnostic.error(file, lineNo, indent + 1, "unmatched-fence",
              "This ':::' closes nothing: no callout is open here.",
              "Each '::: type' line opens a callout and a line of only ':::' closes the innermost one;"
                  + " remove this line or add the opening line."));
        } else {
          open.pop();
        }
      } else if (indent < 4 && trimmed.startsWith(":::")) {
        String[] opening = CalloutBlockParser.opening(trimmed);
        if (opening != null) {
          open.push(new int[] {lineNo, indent + 1});
          if (!CalloutTypes.isKnown(opening[0])) {
            problems.add(Diagnostic.error(file, lineNo, indent + 1 + trimmed.indexOf(opening[0].charAt(0)),
                "unknown-callout",
                "'" + opening[0] + "' is not a callout type." + Suggester.didYouMean(opening[0], CalloutTypes.KNOWN),
                "Callout types are: " + String.join(", ", CalloutTypes.KNOWN) + "."));
          }
        }
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    while (!open.isEmpty()) {
      int[] at = open.pop();
      problems.add(Diagnostic.error(file, at[0], at[1], "unclosed-callout",
          "This callout is never closed.",
          "Close every '::: type' with a line of only ':::'; nested callouts need one each."));
    }
  }
}
