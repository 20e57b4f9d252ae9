package org.starkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.starkit.markdown.RenderedPage;

class BodyPacksTest {
  @TempDir
  Path tmp;

  private final BodyCodec codec = new BodyCodec();

  private static String key(int i) {
    var sha = Fingerprints.sha256();
    Fingerprints.add(sha, "body " + i);
    return Fingerprints.hex(sha);
  }

  private static RenderedPage page(int i) {
    String html = "<p>Body " + i + " über loops</p>\n".repeat(1 + i % 7);
    return new RenderedPage(html, i % 2 == 0 ? html : html + "<aside>note</aside>", i % 2 == 0 ? "" : "note",
        List.of(), List.of(), List.of(), "body loops " + i);
  }

  private static Map<String, RenderedPage> pages(int from, int to) {
    Map<String, RenderedPage> pages = new LinkedHashMap<>();
    for (int i = from; i < to; i++) {
      pages.put(key(i), page(i));
    }
    return pages;
  }

  private List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.sorted().toList();
    }
  }

  /** Stores {@code stored} as the only bodies in use and returns the one pack that holds them. */
  private Path onePack(BodyPacks packs, Map<String, RenderedPage> stored) throws IOException {
    packs.write(stored, stored.keySet());
    List<Path> files = files(tmp.resolve("bodies"));
    assertThat(files).hasSize(1);
    return files.get(0);
  }

  @Test
  void readsBackEveryBodyItStored() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec);
    Map<String, RenderedPage> stored = pages(0, 300);
    packs.write(stored, stored.keySet());
    assertThat(files(tmp.resolve("bodies"))).hasSize(1);
    assertThat(packs.read(stored.keySet())).isEqualTo(stored);
    assertThat(packs.read(List.of(key(999)))).isEmpty();
  }

  @Test
  void readsAFewBodiesOfALargePackEachByItself() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec);
    Map<String, RenderedPage> stored = pages(0, 300);
    packs.write(stored, stored.keySet());
    List<String> few = List.of(key(3), key(150), key(299));
    Map<String, RenderedPage> read = packs.read(few);
    assertThat(read.keySet()).containsExactlyInAnyOrderElementsOf(few);
    few.forEach(k -> assertThat(read.get(k)).isEqualTo(stored.get(k)));
  }

  @Test
  void splitsLargeWritesIntoSeveralPacksThatAllRead() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec, 4_000);
    Map<String, RenderedPage> stored = pages(0, 200);
    packs.write(stored, stored.keySet());
    assertThat(files(tmp.resolve("bodies")).size()).isGreaterThan(3);
    assertThat(packs.read(stored.keySet())).isEqualTo(stored);
  }

  @Test
  void forgetsBodiesNoLongerUsedAndKeepsThePackCountBounded() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec);
    Map<String, RenderedPage> all = new LinkedHashMap<>(pages(0, 100));
    packs.write(all, all.keySet());
    // twenty rebuilds, each after editing another lesson: one new body, one stale
    for (int edit = 0; edit < 20; edit++) {
      all.remove(key(edit));
      Map<String, RenderedPage> added = pages(1000 + edit, 1001 + edit);
      all.putAll(added);
      packs.write(added, all.keySet());
      assertThat(files(tmp.resolve("bodies")).size()).as("packs after edit %d", edit)
          .isLessThanOrEqualTo(BodyPacks.MAX_SMALL_PACKS);
      assertThat(packs.read(all.keySet())).isEqualTo(all);
    }
    packs.write(Map.of(), Set.of());
    assertThat(files(tmp.resolve("bodies"))).isEmpty();
  }

  @Test
  void fullPacksStayWhileSmallOnesAreFolded() throws IOException {
    Path folder = tmp.resolve("bodies");
    BodyPacks packs = new BodyPacks(folder, codec, 4_000);
    Map<String, RenderedPage> all = new LinkedHashMap<>(pages(0, 200));
    packs.write(all, all.keySet());
    Map<Path, Object> full = new java.util.HashMap<>();
    for (Path p : files(folder)) {
      if (Files.size(p) >= 4_000) { // closed at the limit, so full (the last one may not be)
        full.put(p, Files.getAttribute(p, "fileKey"));
      }
    }
    assertThat(full).hasSizeGreaterThan(3);
    for (int edit = 0; edit < 3 * BodyPacks.MAX_SMALL_PACKS; edit++) {
      Map<String, RenderedPage> added = pages(1000 + edit, 1001 + edit); // one small pack each
      all.putAll(added);
      packs.write(added, all.keySet());
      long small = 0;
      for (Path p : files(folder)) {
        small += Files.size(p) < 2_000 ? 1 : 0; // under half the limit even with its table
      }
      assertThat(small).as("small packs after edit %d", edit).isLessThanOrEqualTo(BodyPacks.MAX_SMALL_PACKS);
    }
    for (Map.Entry<Path, Object> f : full.entrySet()) { // never copied: the same files
      assertThat(Files.getAttribute(f.getKey(), "fileKey")).isEqualTo(f.getValue());
    }
    assertThat(packs.read(all.keySet())).isEqualTo(all);
  }

  @Test
  void foldsAMostlyStalePackIntoTheNewOne() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec);
    Map<String, RenderedPage> first = pages(0, 10);
    packs.write(first, first.keySet());
    Path old = files(tmp.resolve("bodies")).get(0);
    Set<String> used = new HashSet<>(Set.of(key(0), key(1)));
    Map<String, RenderedPage> added = pages(10, 12);
    used.addAll(added.keySet());
    packs.write(added, used);
    assertThat(files(tmp.resolve("bodies"))).hasSize(1).doesNotContain(old);
    assertThat(packs.read(used).keySet()).containsExactlyInAnyOrderElementsOf(used);
    assertThat(packs.read(List.of(key(5)))).isEmpty();
  }

  @Test
  void corruptOrForeignFilesAreIgnoredThenDeleted() throws IOException {
    Path folder = tmp.resolve("bodies");
    BodyPacks packs = new BodyPacks(folder, codec);
    Map<String, RenderedPage> stored = pages(0, 20);
    Path pack = onePack(packs, stored);
    byte[] whole = Files.readAllBytes(pack);
    Files.write(pack, Arrays.copyOf(whole, whole.length - 3)); // cut short: the trailer no longer reads
    Files.writeString(folder.resolve("pack-0123456789abcdef.skbp"), "{\"not\": \"a pack\"}");
    Files.writeString(folder.resolve("notes.txt"), "left by hand");
    assertThat(packs.read(stored.keySet())).isEmpty();
    packs.write(stored, stored.keySet());
    assertThat(files(folder)).hasSize(1);
    assertThat(packs.read(stored.keySet())).isEqualTo(stored);
  }

  @Test
  void anEntryWhoseBytesWereChangedReadsAsMissingNotAsAnotherBody() throws IOException {
    BodyPacks packs = new BodyPacks(tmp.resolve("bodies"), codec);
    Map<String, RenderedPage> stored = pages(0, 3);
    Path pack = onePack(packs, stored);
    byte[] b = Files.readAllBytes(pack);
    b[4] ^= 0x7f; // the first entry's version
    Files.write(pack, b);
    Map<String, RenderedPage> read = packs.read(stored.keySet());
    assertThat(read).hasSize(2);
    read.forEach((k, page) -> assertThat(page).isEqualTo(stored.get(k)));
    // the build renders that body again and stores it: the next build reads it, not the spoiled entry
    Map<String, RenderedPage> rendered = new LinkedHashMap<>(stored);
    rendered.keySet().removeAll(read.keySet());
    assertThat(rendered).hasSize(1);
    Object spoiled = Files.getAttribute(pack, "fileKey");
    packs.write(rendered, stored.keySet());
    assertThat(packs.read(stored.keySet())).isEqualTo(stored);
    assertThat(files(tmp.resolve("bodies"))).hasSize(1); // the same keys, so the same name: a new file
    assertThat(Files.getAttribute(files(tmp.resolve("bodies")).get(0), "fileKey")).isNotEqualTo(spoiled);
  }
}
