package org.starkit.badge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.starkit.load.BadgeParser;
import org.starkit.load.LedgerCsv;
import org.starkit.model.Award;

/**
 * Writes an issued award's files (badges and certificate) for the organizer to hand out, and
 * records it in the ledger.
 * The files go to a folder of the organizer's choosing, never into the site.
 */
public final class AwardWriter {
  private final Path out;
  private final Path ledger;
  /** Whether the output folder, and the ledger with its header, are known to exist: checked once, not per award. */
  private boolean outMade;
  private boolean ledgerMade;

  public AwardWriter(Path out, Path ledger) {
    this.out = out;
    this.ledger = ledger;
  }

  /**
   * Writes one award's files, named after the achievement and the award's id: the 3.0 and 2.0
   * badges (token, PNG, SVG) and the printable certificate, when there is one (null: none).
   */
  public List<Path> write(BadgeIssuer.Issued award, String label, byte[] certificatePdf) throws IOException {
    if (!outMade) {
      Files.createDirectories(out);
      outMade = true;
    }
    String stem = label + "-" + award.id().substring("urn:uuid:".length(), "urn:uuid:".length() + 8);
    List<Path> files = new ArrayList<>(List.of(out.resolve(stem + ".ob3.jwt"), out.resolve(stem + ".ob3.png"),
        out.resolve(stem + ".ob3.svg"), out.resolve(stem + ".ob2.jws"), out.resolve(stem + ".ob2.png"),
        out.resolve(stem + ".ob2.svg")));
    Files.writeString(files.get(0), award.vcJwt() + "\n");
    Files.write(files.get(1), award.ob3Png());
    Files.writeString(files.get(2), award.ob3Svg());
    Files.writeString(files.get(3), award.ob2Jws() + "\n");
    Files.write(files.get(4), award.ob2Png());
    Files.writeString(files.get(5), award.ob2Svg());
    if (certificatePdf != null) {
      files.add(out.resolve(stem + ".certificate.pdf"));
      Files.write(files.get(6), certificatePdf);
    }
    return List.copyOf(files);
  }

  /** Appends the award to the ledger (creating it with its header), without any recipient data. */
  public void record(BadgeIssuer.Issued award) throws IOException {
    if (!ledgerMade) {
      Files.createDirectories(ledger.getParent());
      if (!Files.exists(ledger)) {
        Files.writeString(ledger, BadgeParser.LEDGER_HEADER + "\n", StandardCharsets.UTF_8);
      }
      ledgerMade = true;
    }
    Award line = new Award(award.id(), award.achievement().id(), award.issued().atOffset(ZoneOffset.UTC).toLocalDate(),
        false, "");
    Files.writeString(ledger, LedgerCsv.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  /** Marks an award revoked in the ledger; false when the ledger does not list it. */
  public static boolean revoke(Path ledger, String id, String reason) throws IOException {
    if (!Files.exists(ledger)) {
      return false;
    }
    List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
    boolean found = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(id + ",")) {
        String[] cells = lines.get(i).split(",", 4);
        lines.set(i, LedgerCsv.line(new Award(cells[0], cells[1], java.time.LocalDate.parse(cells[2]), true, reason)));
        found = true;
      }
    }
    if (found) {
      Files.write(ledger, lines, StandardCharsets.UTF_8);
    }
    return found;
  }
}
