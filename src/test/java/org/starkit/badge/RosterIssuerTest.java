package org.starkit.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.model.Issuer;
import org.starkit.render.TemplateRenderer;

class RosterIssuerTest {
  @TempDir
  static Path tmp;

  static BadgeFixture f;
  static byte[] png;
  static String svg;

  @BeforeAll
  static void fixture() throws Exception {
    f = new BadgeFixture(tmp.resolve("fixture"));
    f.build();
    png = BadgeArtist.png(f.achievement, List.of("beginner"));
    svg = BadgeArtist.svg(f.achievement, List.of("beginner"));
  }

  static List<BadgeIssuer.Request> roster(int n) {
    return IntStream.range(0, n).mapToObj(i -> new BadgeIssuer.Request(f.achievement, "learner" + i + "@example.org",
        Optional.of("Learner " + i), Optional.empty(), Optional.empty(), Instant.parse("2026-03-01T10:00:00Z"),
        Optional.empty())).toList();
  }

  static BadgeIssuer seeded() throws Exception {
    return new BadgeIssuer(new CredentialFactory(f.urls, new Issuer("Example Workshops", f.base, "badges@example.org")),
        f.key, new Random(42));
  }

  static RosterIssuer.CertificateMaker certificates() {
    CertificatePrinter printer = new CertificatePrinter(f.urls, "Example Workshops");
    TemplateRenderer templates = new TemplateRenderer(Path.of("themes/default"), "themes/default");
    return (award, r) -> printer.pdf(templates.render("certificate.peb",
        Map.of("certificate", printer.certificate(award, r.name().orElse(null), png), "lang", "en")));
  }

  /** Every file under dir, by relative path, with its bytes. */
  static Map<String, byte[]> files(Path dir) throws IOException {
    Map<String, byte[]> all = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        all.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return all;
  }

  @Test
  void parallelIssuingWritesTheSameFilesAndLedgerAsOneAfterTheOther() throws Exception {
    List<BadgeIssuer.Request> roster = roster(12);
    Path one = tmp.resolve("sequential");
    Path four = tmp.resolve("parallel");
    new RosterIssuer(seeded(), new AwardWriter(one.resolve("out"), one.resolve("awards.csv")), png, svg,
        certificates(), 1).issue(roster, () -> {});
    new RosterIssuer(seeded(), new AwardWriter(four.resolve("out"), four.resolve("awards.csv")), png, svg,
        certificates(), 4).issue(roster, () -> {});
    Map<String, byte[]> sequential = files(one);
    Map<String, byte[]> parallel = files(four);
    assertThat(sequential).hasSize(12 * 7 + 1);
    assertThat(parallel.keySet()).isEqualTo(sequential.keySet());
    sequential.forEach((name, bytes) -> assertThat(parallel.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void theLedgerListsTheAwardsInRosterOrder() throws Exception {
    List<BadgeIssuer.Request> roster = roster(20);
    Path dir = tmp.resolve("order");
    new RosterIssuer(f.issuer(f.key), new AwardWriter(dir.resolve("out"), dir.resolve("awards.csv")), png, svg, null, 3)
        .issue(roster, () -> {});
    List<String> ledger = Files.readAllLines(dir.resolve("awards.csv"));
    assertThat(ledger).hasSize(21);
    for (int i = 0; i < roster.size(); i++) {
      String id = ledger.get(i + 1).split(",")[0];
      String jws = Files.readString(dir.resolve("out/first-steps-" + id.substring(9, 17) + ".ob2.jws")).strip();
      String assertion = new String(Base64.getUrlDecoder().decode(jws.split("\\.")[1]), StandardCharsets.UTF_8);
      String salt = assertion.replaceAll(".*\"salt\":\"([^\"]+)\".*", "$1");
      assertThat(assertion).as("row %d", i).contains(id, BadgeIssuer.identityHash(roster.get(i).email(), salt));
    }
  }

  @Test
  void aFailureStopsTheRosterAfterTheAwardsBeforeIt() throws Exception {
    Path dir = tmp.resolve("failure");
    List<BadgeIssuer.Request> roster = roster(30);
    RosterIssuer.CertificateMaker failsAtRowSeven = (award, r) -> {
      if (r == roster.get(7)) {
        throw new IOException("no paper");
      }
      return new byte[] {'%', 'P', 'D', 'F'};
    };
    List<Integer> progress = new ArrayList<>();
    assertThatThrownBy(() -> new RosterIssuer(seeded(), new AwardWriter(dir.resolve("out"), dir.resolve("awards.csv")),
        png, svg, failsAtRowSeven, 2).issue(roster, () -> progress.add(progress.size())))
        .isInstanceOf(IOException.class).hasMessage("no paper");
    assertThat(Files.readAllLines(dir.resolve("awards.csv"))).hasSize(1 + 7);
    assertThat(files(dir.resolve("out"))).hasSize(7 * 7);
    assertThat(progress).hasSize(7);
  }

  @Test
  void withoutCertificatesWritesOnlyTheBadges() throws Exception {
    Path dir = tmp.resolve("badges-only");
    new RosterIssuer(seeded(), new AwardWriter(dir.resolve("out"), dir.resolve("awards.csv")), png, svg, null, 2)
        .issue(roster(5), () -> {});
    Map<String, byte[]> out = files(dir.resolve("out"));
    assertThat(out).hasSize(5 * 6);
    assertThat(out.keySet()).noneMatch(n -> n.endsWith(".pdf"));
    for (Map.Entry<String, byte[]> e : out.entrySet()) {
      if (e.getKey().endsWith(".png") || e.getKey().endsWith(".svg")) {
        Verdict v = f.verify(e.getValue(), null);
        assertThat(v.status()).as(e.getKey() + v.checks()).isEqualTo(Verdict.Status.VALID);
      }
    }
  }

  @Test
  void refusesLessThanOneThread() {
    assertThatThrownBy(() -> new RosterIssuer(f.issuer(f.key), new AwardWriter(tmp, tmp.resolve("a.csv")), png, svg,
        null, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
