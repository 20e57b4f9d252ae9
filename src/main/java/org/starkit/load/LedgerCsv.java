package org.starkit.load;

import java.util.ArrayList;
import java.util.List;
import org.starkit.model.Award;

/** The ledger's CSV dialect: comma-separated, fields with commas or quotes in double quotes. */
public final class LedgerCsv {
  private LedgerCsv() {}

  /** The cells of one CSV line (quotes allowed), for rosters as well as the ledger. */
  public static List<String> splitLine(String line) {
    return split(line);
  }

  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** One ledger line for an award, without the line break. */
  public static String line(Award a) {
    return String.join(",", a.id(), a.achievement(), a.issued().toString(), a.revoked() ? "revoked" : "issued",
        quote(a.reason()));
  }

  private static String quote(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    return flat.contains(",") || flat.contains("\"") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
  }
}
