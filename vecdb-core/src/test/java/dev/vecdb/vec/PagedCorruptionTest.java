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
import java.nio.ByteOrder;
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

  /** Where a page's bytes and its page-table entry are in the data file. */
  record Location(long payload, int bytes, long entry) {}

  /** Writes {@link #LEN} values to "v" (three compressed pages and a raw one) and returns where page {@code page} is. */
  private Location writeAndLocate(Format format, int page) {
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      pushTo(v, LEN);
      v.write();
      db.flush();
      PageTable.Page p = v.paging.table().page(page);
      return new Location(v.region.start() + p.offset(), p.bytes(),
          Internals.regions(db).get("v@pages").start() + (long) page * PageTable.ENTRY);
    }
  }

  /** Reopens "v" and checks that page {@code page} is reported on every read path while the others still read. */
  private void assertReported(Format format, int page, String cause) {
    long first = (long) page * INTS;
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      assertThat(v.len()).isEqualTo(LEN);
      String message = "vector 'v': page " + page;
      assertThatThrownBy(() -> v.get(first + 1)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(message).hasMessageContaining(cause);
      assertThatThrownBy(() -> v.fold(0, LEN, 0, Integer::sum)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining(message);
      assertThatThrownBy(v::collect).isInstanceOf(CorruptionException.class).hasMessageContaining(message);
      try (IntReader r = v.reader()) {
        assertThatThrownBy(() -> r.get(first)).isInstanceOf(CorruptionException.class)
            .hasMessageContaining(message);
        assertThatThrownBy(() -> r.fold(first, first + 1, 0, Integer::sum))
            .isInstanceOf(CorruptionException.class).hasMessageContaining(message);
      }
      long other = page == 0 ? INTS : 0;
      assertThat(v.collect(other, other + INTS)).containsExactly(values(other, other + INTS));
      assertThat(v.get(LEN - 1)).isEqualTo(value(LEN - 1));
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

  /** Rewrites the page's table entry so that its payload checksum matches {@code payload}. */
  private void forgeChecksum(Location at, byte[] payload) {
    byte[] entry = TestFiles.readBytes(dir.resolve("data"), at.entry(), PageTable.ENTRY);
    MemorySegment e = MemorySegment.ofArray(entry);
    ValueLayout.OfInt le = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    e.set(le, 16, PageTable.crc(MemorySegment.ofArray(payload)));
    e.set(le, 20, PageTable.crc(e.asSlice(0, 20)));
    TestFiles.writeBytes(dir.resolve("data"), at.entry(), entry);
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }
}
