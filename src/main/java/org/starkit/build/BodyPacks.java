package org.starkit.build;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.starkit.markdown.RenderedPage;
import org.starkit.write.SiteCommitter;

/**
 * The rendered bodies of the build cache, kept in a few pack files instead of a file each: on
 * this kind of disk creating a file costs the kernel a few tenths of a millisecond, so ten
 * thousand body files were seconds of a first build, and opening them again a second of a
 * rebuild. A pack is immutable once renamed into place; each build that renders new bodies adds
 * one (split at {@value #PACK_LIMIT} bytes), and folds into it the packs that are mostly stale
 * and, when small packs pile up, all small ones but the largest, copying their live entries byte
 * for byte.
 *
 * <p>A pack is the entries ({@link BodyCodec}'s bytes) back to back, then a table of contents,
 * one row per entry (the key's 32 bytes, the entry's offset and length), then a trailer: the
 * number of rows, the table's offset, a magic number and {@link #VERSION}. A pack that does not
 * read as exactly that is ignored (and deleted by the next build that writes), never trusted.
 */
final class BodyPacks {
  /** "SKBP": a starkit body pack. */
  private static final int MAGIC = 0x534B4250;
  /** Bumped whenever the layout changes. */
  static final int VERSION = 1;
  private static final int TRAILER = 4 + 8 + 4 + 4;
  private static final int ROW = 32 + 8 + 4;
  /** Bytes of entries after which a pack is closed and the next one started. */
  static final long PACK_LIMIT = 256L * 1024 * 1024;
  /**
   * More small packs (under half of {@link #PACK_LIMIT}) than this after a write, and all but the
   * largest of them are folded into the new one; full packs are rewritten only when mostly stale.
   */
  static final int MAX_SMALL_PACKS = 8;
  /** The largest pack mapped whole; larger ones are read entry by entry. */
  private static final long MAX_WHOLE = Integer.MAX_VALUE - 64;
  /** Encoded together, then written: bounds the memory a write holds. */
  private static final int CHUNK = 256;
  private static final Pattern NAME = Pattern.compile("pack-[0-9a-f]{16}\\.skbp");

  private final Path folder;
  private final BodyCodec codec;

  private final long packLimit;

  BodyPacks(Path folder, BodyCodec codec) {
    this(folder, codec, PACK_LIMIT);
  }

  /** Packs closed after {@code packLimit} bytes of entries (tests use small ones). */
  BodyPacks(Path folder, BodyCodec codec, long packLimit) {
    this.folder = folder;
    this.codec = codec;
    this.packLimit = packLimit;
  }

  /** Where one entry is: its pack and its bytes there. */
  private record Entry(Path pack, long offset, int length) {}

  /** A readable pack: its file, its rows by key, and the bytes of its entries. */
  private record Pack(Path file, Map<String, Entry> entries, long bytes) {}

  /**
   * The stored bodies of the given keys that could be read; the rest are missing. A pack most of
   * whose bytes are wanted is mapped into memory, and its bodies keep their HTML there until a
   * page asks for it (a hundred megabytes read into the heap cost more in copies and collector
   * pauses than the rebuild's whole Markdown stage); from other packs each entry is read by itself.
   */
  Map<String, RenderedPage> read(Collection<String> keys) {
    Map<String, RenderedPage> found = new ConcurrentHashMap<>();
    Map<String, Entry> index = new HashMap<>();
    List<Pack> packs = scan().packs();
    for (Pack p : packs) {
      p.entries().forEach(index::putIfAbsent);
    }
    Map<Path, List<String>> wanted = new LinkedHashMap<>();
    keys.stream().filter(index::containsKey).distinct()
        .forEach(k -> wanted.computeIfAbsent(index.get(k).pack(), p -> new ArrayList<>()).add(k));
    try (Channels open = new Channels()) {
      for (Pack p : packs) {
        List<String> mine = wanted.getOrDefault(p.file(), List.of());
        long bytes = mine.stream().mapToLong(k -> index.get(k).length()).sum();
        ByteBuffer whole = bytes * 4 >= p.bytes() && p.bytes() <= MAX_WHOLE ? open.whole(p) : null;
        mine.parallelStream().forEach(k -> {
          try {
            Entry e = index.get(k);
            (whole != null ? codec.decode(whole.slice((int) e.offset(), e.length()), p.file())
                : codec.decode(open.bytes(e))).ifPresent(page -> found.put(k, page));
          } catch (IOException | RuntimeException ex) {
            // gone or corrupt: rendered again
          }
        });
      }
    }
    return found;
  }

  /**
   * Stores {@code added} and forgets every entry whose key is not in {@code used}. Failures only
   * cost the next build time.
   */
  void write(Map<String, RenderedPage> added, Set<String> used) throws IOException {
    Files.createDirectories(folder);
    Scan scan = scan();
    List<Path> doomed = new ArrayList<>(scan.strays());
    List<Pack> kept = new ArrayList<>();
    List<Pack> folded = new ArrayList<>(); // their live entries move to the new pack
    for (Pack p : scan.packs()) {
      long alive = p.entries().keySet().stream().filter(used::contains).count();
      if (alive == 0) {
        doomed.add(p.file());
      } else if (alive * 2 < p.entries().size()) {
        folded.add(p); // mostly stale
      } else {
        kept.add(p);
      }
    }
    // a body rendered although a pack holds its key could not be read there: that pack is folded,
    // without the entry, so the body read next time is the one rendered now
    for (java.util.Iterator<Pack> it = kept.iterator(); it.hasNext(); ) {
      Pack p = it.next();
      if (added.keySet().stream().anyMatch(p.entries()::containsKey)) {
        it.remove();
        folded.add(p);
      }
    }
    boolean adding = added.keySet().stream().anyMatch(k -> !isIn(scan.packs(), k));
    List<Pack> small = new ArrayList<>(kept.stream().filter(p -> p.bytes() * 2 < packLimit).toList());
    if (small.size() + (adding || !folded.isEmpty() ? 1 : 0) > MAX_SMALL_PACKS) {
      small.sort(Comparator.comparingLong(Pack::bytes).reversed());
      small.remove(0); // the largest small pack stays: on a curriculum under PACK_LIMIT, most bodies
      folded.addAll(small);
      kept.removeAll(small);
    }
    // the new packs: bodies rendered now, and the live entries of the packs being folded
    Map<String, Entry> moved = new TreeMap<>();
    for (Pack p : folded) {
      doomed.add(p.file());
      p.entries().forEach((k, e) -> {
        if (used.contains(k) && !isIn(kept, k) && !added.containsKey(k)) {
          moved.putIfAbsent(k, e);
        }
      });
    }
    Map<String, RenderedPage> fresh = new TreeMap<>();
    added.forEach((k, page) -> {
      if (!isIn(kept, k) && !moved.containsKey(k)) {
        fresh.put(k, page);
      }
    });
    Set<Path> written = writePacks(fresh, moved);
    for (Path p : doomed) {
      if (!written.contains(p)) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // a folder someone put here, or gone already: left alone
        }
      }
    }
  }

  private static boolean isIn(List<Pack> packs, String key) {
    for (Pack p : packs) {
      if (p.entries().containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /** Writes the entries in key order into packs closed after {@code packLimit} bytes; returns their files. */
  private Set<Path> writePacks(Map<String, RenderedPage> fresh, Map<String, Entry> moved) throws IOException {
    List<String> keys = new ArrayList<>(fresh.keySet());
    keys.addAll(moved.keySet());
    keys.sort(null);
    Set<Path> files = new java.util.HashSet<>();
    try (Channels open = new Channels()) {
      PackWriter out = null;
      for (int from = 0; from < keys.size(); from += CHUNK) {
        List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
        List<byte[]> bytes = chunk.parallelStream().map(k -> {
          try {
            return fresh.containsKey(k) ? codec.encode(fresh.get(k)) : open.bytes(moved.get(k));
          } catch (IOException e) {
            return null; // an entry that cannot be had is left out: rendered again next time
          }
        }).toList();
        for (int i = 0; i < chunk.size(); i++) {
          if (bytes.get(i) == null) {
            continue;
          }
          if (out == null) {
            out = new PackWriter(folder);
          }
          out.add(chunk.get(i), bytes.get(i));
          if (out.size() >= packLimit) {
            files.add(out.finish());
            out = null;
          }
        }
      }
      if (out != null) {
        files.add(out.finish());
      }
    }
    return files;
  }

  /** The folder's readable packs in name order, and its other files (to delete). */
  private record Scan(List<Pack> packs, List<Path> strays) {}

  private Scan scan() {
    List<Pack> packs = new ArrayList<>();
    List<Path> strays = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return new Scan(packs, strays);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(folder)) {
      all.forEach(files::add);
    } catch (IOException e) {
      return new Scan(packs, strays);
    }
    files.sort(null);
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    for (Path file : files) {
      String name = file.getFileName().toString();
      try {
        if (NAME.matcher(name).matches()) {
          packs.add(contents(file));
        } else if (!name.endsWith(".tmp") || Files.getLastModifiedTime(file).toMillis() < hourAgo) {
          strays.add(file); // a recent temporary file is another build's pack being written
        }
      } catch (IOException | RuntimeException e) {
        strays.add(file); // not a pack of this format: never read, deleted by the next write
      }
    }
    return new Scan(packs, strays);
  }

  /** A pack's rows, by key, checked against its size. */
  private static Pack contents(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < TRAILER) {
        throw new IOException("too short");
      }
      ByteBuffer trailer = readFully(ch, size - TRAILER, TRAILER);
      int count = trailer.getInt();
      long table = trailer.getLong();
      if (trailer.getInt() != MAGIC || trailer.getInt() != VERSION || count < 0
          || table < 0 || table + (long) count * ROW != size - TRAILER) {
        throw new IOException("not a body pack of this format");
      }
      ByteBuffer rows = readFully(ch, table, count * ROW);
      Map<String, Entry> entries = new LinkedHashMap<>();
      byte[] key = new byte[32];
      for (int i = 0; i < count; i++) {
        rows.get(key);
        long offset = rows.getLong();
        int length = rows.getInt();
        if (offset < 0 || length < 0 || offset + length > table) {
          throw new IOException("an entry past the table");
        }
        entries.put(HexFormat.of().formatHex(key), new Entry(file, offset, length));
      }
      return new Pack(file, entries, table);
    }
  }

  private static ByteBuffer readFully(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        throw new IOException("ends early");
      }
    }
    return b.flip();
  }

  /** The packs opened for reading during one call, shared by its threads (positional reads). */
  private static final class Channels implements AutoCloseable {
    private final Map<Path, FileChannel> open = new ConcurrentHashMap<>();

    byte[] bytes(Entry e) throws IOException {
      return readFully(channel(e.pack()), e.offset(), e.length()).array();
    }

    /**
     * The entries of a pack, all its bytes before the table, mapped read-only (a pack is never
     * changed in place, only replaced or deleted, which leaves a mapping as it was); null when it
     * cannot be mapped (its entries are then read one by one).
     */
    ByteBuffer whole(Pack p) {
      try {
        return channel(p.file()).map(FileChannel.MapMode.READ_ONLY, 0, p.bytes());
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private FileChannel channel(Path pack) throws IOException {
      FileChannel ch = open.get(pack);
      if (ch == null) {
        synchronized (this) {
          ch = open.get(pack);
          if (ch == null) {
            ch = FileChannel.open(pack, StandardOpenOption.READ);
            open.put(pack, ch);
          }
        }
      }
      return ch;
    }

    @Override
    public void close() {
      for (FileChannel ch : open.values()) {
        try {
          ch.close();
        } catch (IOException e) {
          // read-only: nothing lost
        }
      }
    }
  }

  /** One pack being written to a temporary file, named by a digest of its keys when finished. */
  private static final class PackWriter {
    private final Path folder;
    private final Path tmp;
    private final DataOutputStream out;
    /** The table of contents as it is written, and its rows. */
    private final java.io.ByteArrayOutputStream table = new java.io.ByteArrayOutputStream();
    private final DataOutputStream rows = new DataOutputStream(table);
    private int count;
    private final MessageDigest names = Fingerprints.sha256();
    private long size;

    PackWriter(Path folder) throws IOException {
      this.folder = folder;
      this.tmp = folder.resolve(".pack-" + UUID.randomUUID() + ".tmp");
      OutputStream file = Files.newOutputStream(tmp);
      this.out = new DataOutputStream(new BufferedOutputStream(file, 1 << 20));
    }

    long size() {
      return size;
    }

    void add(String key, byte[] entry) throws IOException {
      out.write(entry);
      rows.write(HexFormat.of().parseHex(key));
      rows.writeLong(size);
      rows.writeInt(entry.length);
      count++;
      Fingerprints.add(names, key);
      size += entry.length;
    }

    /** Writes the table and trailer and renames the pack into place; returns its file. */
    Path finish() throws IOException {
      try {
        table.writeTo(out);
        out.writeInt(count);
        out.writeLong(size);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.close();
        Path file = folder.resolve("pack-" + Fingerprints.hex(names).substring(0, 16) + ".skbp");
        SiteCommitter.replace(tmp, file);
        return file;
      } finally {
        out.close();
        Files.deleteIfExists(tmp);
      }
    }
  }
}
