package org.starkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a workshop roster: a CSV with a header naming the columns email (required), name,
 * evidence and narrative. A bad row is reported with its line number and skipped.
 */
final class RosterReader {
  /** Compiled once: {@code String.matches} compiles its pattern on every call, on every roster row. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");
  private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

  private RosterReader() {}

  record Row(int line, String email, String name, String evidence, String narrative) {}

  /** The usable rows, and how many were rejected (and reported). */
  record Roster(List<Row> rows, int rejected) {}

  static Roster read(Path file, PrintWriter err) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    int rejected = 0;
    if (lines.isEmpty()) {
      return new Roster(rows, 0);
    }
    List<String> header = Arrays.stream(lines.get(0).replace("\uFEFF", "").split(",", -1))
        .map(s -> s.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    int email = header.indexOf("email");
    if (email < 0) {
      throw new IOException(file + ":1: the header must name an 'email' column (email,name,evidence,narrative)");
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> cells = org.starkit.load.LedgerCsv.splitLine(lines.get(i));
      String address = cell(cells, email);
      String evidence = cell(cells, header.indexOf("evidence"));
      String problem = problem(address, evidence);
      if (problem != null) {
        err.println(file + ":" + (i + 1) + ": error: " + problem + "; this row was skipped.");
        rejected++;
        continue;
      }
      rows.add(new Row(i + 1, address, cell(cells, header.indexOf("name")), evidence,
          cell(cells, header.indexOf("narrative"))));
    }
    return new Roster(rows, rejected);
  }

  /** What is wrong with a learner's email address or evidence link, or null when both can be issued. */
  static String problem(String email, String evidence) {
    if (email == null || !EMAIL.matcher(email.strip()).matches()) {
      return "'" + (email == null ? "" : email) + "' is not an email address";
    }
    return evidenceProblem(evidence);
  }

  /** What is wrong with an evidence link, or null when there is none or it is an http(s) link. */
  static String evidenceProblem(String evidence) {
    if (evidence != null && !LINK.matcher(evidence.strip()).matches()) {
      return "evidence must be an http(s) link, got '" + evidence + "'";
    }
    return null;
  }

  private static String cell(List<String> cells, int i) {
    if (i < 0 || i >= cells.size() || cells.get(i).isBlank()) {
      return null;
    }
    return cells.get(i).strip();
  }
}
