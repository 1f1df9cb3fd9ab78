package dev.vecdb.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One random act of damage to a file of a database directory: bit flips, an overwrite with random bytes, a zeroed
 * 4 KiB block, a zeroed region-table slot, a cut at a slot or page boundary, random bytes appended, or a deleted
 * file (never both the data file and the region table: without either, the directory is a new, empty database and
 * nothing is left to detect the loss by). Offsets favour the bytes that matter (the regions' extents in the data file). {@link #apply} returns a
 * description and the byte ranges of the data file it changed (to tell damaged raw values, which carry no
 * checksum, from damage to checksummed structures).
 */
final class Damage {
  private static final int PAGE = 4096;
  private static final int TABLE_HEADER = 4096;
  private static final int SLOT = 2048;

  /** What was done, and which {@code [from, to)} ranges of the data file changed (a cut or deletion: none). */
  record Applied(String description, List<long[]> dataRanges) {}

  private Damage() {}

  static Applied apply(Path dir, List<FuzzDatabase.Extent> extents, SplittableRandom random) {
    try {
      return applyOne(dir, extents, random);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Applied applyOne(Path dir, List<FuzzDatabase.Extent> extents, SplittableRandom random)
      throws IOException {
    int kind = random.nextInt(100);
    Path data = dir.resolve("data");
    Path table = dir.resolve("regions");
    if (kind < 3) {
      String file = List.of("data", "regions", "journal").get(random.nextInt(3));
      if (file.equals("data") && !Files.exists(table) || file.equals("regions") && !Files.exists(data)) {
        file = "journal"; // without both, the directory is an empty new database: nothing is left to check against
      }
      Files.deleteIfExists(dir.resolve(file));
      return new Applied("delete " + file, List.of());
    }
    if (!Files.exists(data) || !Files.exists(table)) {
      return new Applied("nothing more (a file was deleted)", List.of());
    }
    if (kind < 10) {
      long slots = Math.max(0, Files.size(table) - TABLE_HEADER) / SLOT;
      long cut = random.nextInt(8) == 0 ? random.nextLong(Files.size(table) + 1)
          : TABLE_HEADER + random.nextLong(slots + 1) * SLOT;
      truncate(table, cut);
      return new Applied("cut regions at " + cut, List.of());
    }
    if (kind < 17) {
      long slots = Math.max(0, Files.size(table) - TABLE_HEADER) / SLOT;
      long at = TABLE_HEADER + random.nextLong(Math.max(1, slots)) * SLOT;
      write(table, at, new byte[SLOT]);
      return new Applied("zero regions slot at " + at, List.of());
    }
    if (kind < 24) {
      long end = usedEnd(extents);
      long cut = random.nextLong(end / PAGE + 2) * PAGE;
      truncate(data, cut);
      return new Applied("cut data at " + cut, List.of());
    }
    if (kind < 27) {
      Path file = random.nextBoolean() ? table : dir.resolve("journal");
      byte[] junk = randomBytes(random, random.nextInt(1, 3000));
      write(file, Files.exists(file) ? Files.size(file) : 0, junk);
      return new Applied("append " + junk.length + " bytes to " + file.getFileName(), List.of());
    }
    boolean inTable = random.nextInt(4) == 0;
    Path file = inTable ? table : data;
    long size = Files.size(file);
    if (size == 0) {
      return new Applied("nothing (empty " + file.getFileName() + ")", List.of());
    }
    long target = inTable ? random.nextLong(size) : dataTarget(extents, size, random);
    int shape = random.nextInt(3);
    long from;
    long to;
    String what;
    if (shape == 0) {
      int bits = random.nextInt(1, 5);
      for (int i = 0; i < bits; i++) {
        flipBit(file, Math.min(size - 1, target + random.nextInt(8)), random.nextInt(8));
      }
      from = target;
      to = Math.min(size, target + 8);
      what = "flip " + bits + " bits";
    } else if (shape == 1) {
      byte[] junk = randomBytes(random, (int) Math.min(size - target, random.nextInt(1, 65)));
      write(file, target, junk);
      from = target;
      to = target + junk.length;
      what = "overwrite " + junk.length + " bytes";
    } else {
      from = target / PAGE * PAGE;
      to = Math.min(size, from + PAGE);
      write(file, from, new byte[(int) (to - from)]);
      what = "zero 4 KiB block";
    }
    return new Applied(what + " at " + from + " of " + file.getFileName(),
        inTable ? List.of() : List.of(new long[] {from, to}));
  }

  /** An offset in the data file: three times in four inside a region's bytes, else anywhere. */
  private static long dataTarget(List<FuzzDatabase.Extent> extents, long size, SplittableRandom random) {
    if (random.nextInt(4) != 0) {
      FuzzDatabase.Extent e = extents.get(random.nextInt(extents.size()));
      if (e.length() > 0 && e.start() < size) {
        long headerBias = random.nextInt(3) == 0 ? Math.min(e.length(), 64) : e.length();
        return Math.min(size - 1, e.start() + random.nextLong(headerBias));
      }
    }
    return random.nextLong(size);
  }

  private static long usedEnd(List<FuzzDatabase.Extent> extents) {
    return extents.stream().mapToLong(e -> e.start() + e.length()).max().orElse(PAGE);
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  private static void flipBit(Path file, long offset, int bit) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      channel.read(one, offset);
      one.put(0, (byte) (one.get(0) ^ (1 << bit)));
      channel.write(one.rewind(), offset);
    }
  }

  private static void write(Path file, long offset, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer, offset + buffer.position());
      }
    }
  }

  private static void truncate(Path file, long length) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(length);
    }
  }
}
