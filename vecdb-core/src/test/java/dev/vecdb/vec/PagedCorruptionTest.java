package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static dev.vecdb.vec.Paged.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.TestFiles;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Damaged pages: bytes flipped in the data file at a page's location, then reopen. Every read that needs the page
 * fails with a {@link CorruptionException} naming the vector, the page and the cause; the other pages still read;
 * wrong values are never returned.
 */
class PagedCorruptionTest {
  private static final long LEN = 3L * INTS + 40;

  @TempDir Path dir;

  /** Where a page's bytes are in the data file, and the table as written (with where it is stored). */
  record Location(long payload, int bytes, PageTable table, long mainStart, long mainLength, long tableStart) {}

  /** Writes {@link #LEN} values to "v" (three compressed pages and a raw one) and returns where page {@code page} is. */
  private Location writeAndLocate(Format format, int page) {
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      pushTo(v, LEN);
      v.write();
      db.flush();
      PageTable t = v.paging.table();
      return new Location(v.region.start() + t.offset(page), t.bytes(page), t, v.region.start(),
          v.region.length(), Internals.regions(db).get("v@pages").start());
    }
  }

  /** Reopens "v" and checks that page {@code page} is reported on every read path while the others still read. */
  private void assertReported(Format format, int page, String cause) {
    long first = (long) page * INTS;
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      assertThat(v.len()).isEqualTo(LEN);
      PageTable table = v.paging.table();
      String message = "vector 'v': page " + page;
      // a scan fails at the first page whose checksum block holds the damaged page
      String scanned = "vector 'v': page " + table.blockFirst(table.blockOf(page));
      assertThatThrownBy(() -> v.get(first + 1)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(message).hasMessageContaining(cause);
      assertThatThrownBy(() -> v.fold(0, LEN, 0, Integer::sum)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(scanned);
      assertThatThrownBy(v::collect).isInstanceOf(CorruptionException.class).hasMessageContaining(scanned);
      try (IntReader r = v.reader()) {
        assertThatThrownBy(() -> r.get(first)).isInstanceOf(CorruptionException.class)
            .hasMessageContaining(message);
        assertThatThrownBy(() -> r.fold(first, first + 1, 0, Integer::sum))
            .isInstanceOf(CorruptionException.class).hasMessageContaining(message);
      }
      for (int other = 0; other < 3; other++) {
        long from = (long) other * INTS;
        if (other == page) {
          continue;
        }
        if (table.blockOf(other) == table.blockOf(page)) {
          assertThatThrownBy(() -> v.collect(from, from + INTS)).as("page %d shares the checksum", other)
              .isInstanceOf(CorruptionException.class).hasMessageContaining("one checksum covers pages");
        } else {
          assertThat(v.collect(from, from + INTS)).containsExactly(values(from, from + INTS));
        }
      }
      assertThat(v.get(LEN - 1)).as("the raw last page has a checksum of its own").isEqualTo(value(LEN - 1));
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void flippedByteInACompressedPageFailsItsChecksum(Format format) {
    Location at = writeAndLocate(format, 1);
    TestFiles.flipByte(dir.resolve("data"), at.payload() + at.bytes() / 2);
    assertReported(format, 1, "checksum");
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void flippedByteInTheFirstPageFailsItsChecksum(Format format) {
    Location at = writeAndLocate(format, 0);
    TestFiles.flipByte(dir.resolve("data"), at.payload());
    assertReported(format, 0, "checksum");
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void flippedByteInTheRawPageFailsItsChecksum(Format format) {
    Location at = writeAndLocate(format, 3);
    TestFiles.flipByte(dir.resolve("data"), at.payload() + 4);
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      assertThatThrownBy(() -> v.get(LEN - 1)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v': page 3").hasMessageContaining("checksum");
      assertThat(v.collect(0, 3L * INTS)).containsExactly(values(0, 3L * INTS));
    }
  }

  /**
   * Garbage with a matching checksum (as if the checksum had been forged): the codec's own checks reject it, and
   * the error names the vector, the page and the codec's complaint.
   */
  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void garbageWithAValidChecksumFailsToDecode(Format format) {
    Location at = writeAndLocate(format, 1);
    SplittableRandom random = new SplittableRandom(format.ordinal());
    byte[][] payloads = {new byte[at.bytes()], TestFiles.pattern(at.bytes(), 7), randomBytes(random, at.bytes())};
    for (byte[] garbage : payloads) {
      TestFiles.writeBytes(dir.resolve("data"), at.payload(), garbage);
      forgeChecksum(at, garbage);
      try (Database db = Database.open(dir)) {
        IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
        assertThatThrownBy(() -> v.get(INTS + 3)).isInstanceOf(CorruptionException.class)
            .hasMessageStartingWith("vector 'v': page 1: ");
        assertThat(v.get(3)).isEqualTo(value(3));
      }
    }
  }

  /**
   * Rewrites the stored page table so that its checksums match the data file's pages as they are now, {@code payload}
   * included: the table of the same pages, built afresh over the damaged bytes.
   */
  private void forgeChecksum(Location at, byte[] payload) {
    assertThat(TestFiles.readBytes(dir.resolve("data"), at.payload(), payload.length)).isEqualTo(payload);
    byte[] main = TestFiles.readBytes(dir.resolve("data"), at.mainStart(), (int) at.mainLength());
    PageTable written = at.table();
    PageTableBuilder forged = PageTableBuilder.restart(written, 0, MemorySegment.ofArray(main), "v");
    for (int p = 0; p < written.size(); p++) {
      forged.add(written.bytes(p), written.count(p), written.raw(p), main, (int) written.offset(p));
    }
    forged.finish();
    TestFiles.writeBytes(dir.resolve("data"), at.tableStart(), forged.encoded().toArray(ValueLayout.JAVA_BYTE));
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
