package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.assertHolds;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.UnsupportedFormatVersionException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.store.Region;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stored page table: version 2 (checksum blocks) is what every write leaves, byte for byte the table built afresh
 * from the same pages, however the pages came about; version 1 tables (24-byte entries) still open, read and convert
 * on the next write; a kept page never gets a new checksum over damaged bytes; headers of another version or damaged
 * ones are reported.
 */
class PageTableFormatTest {
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  @TempDir Path dir;

  private static IntVec open(Database db, Format format) {
    return db.intVec("v", NumberType.I32, VecOptions.of(format));
  }

  /** The table of {@code v}'s pages built from scratch over the main region's bytes, as stored. */
  private static byte[] freshEncoding(IntVec v) {
    PageTable t = v.paging.table();
    MemorySegment main = v.region.segment();
    PageTableBuilder fresh = PageTableBuilder.restart(PageTable.empty(t.perPage()), 0, main, "v");
    for (int p = 0; p < t.size(); p++) {
      fresh.add(t.bytes(p), t.count(p), t.raw(p), main.asSlice(t.offset(p), t.bytes(p)));
    }
    fresh.finish();
    return fresh.encoded().toArray(ValueLayout.JAVA_BYTE);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void everyWriteLeavesTheTableBuiltAfreshFromItsPages(Format format) {
    SplittableRandom random = new SplittableRandom(format.ordinal());
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, format);
      for (int step = 0; step < 60; step++) {
        int op = random.nextInt(4);
        if (op == 0 && v.len() > 0) {
          v.truncate(random.nextLong(v.len()));
        } else if (op == 1 && v.len() > 0) {
          long at = random.nextLong(v.len());
          v.update(at, value(at));
        } else {
          pushTo(v, v.len() + 1 + random.nextInt(op == 2 ? 50 : 3 * INTS));
        }
        v.write();
        assertThat(Internals.regions(db).get("v@pages").readAll()).as("table after step %d", step)
            .isEqualTo(freshEncoding(v));
        assertThat(v.paging.table().valueCount()).isEqualTo(v.len());
      }
      assertThat(v.paging.table().blocks()).as("blocks").isGreaterThan(0);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      assertHolds(open(db, format), open(db, format).len());
    }
  }

  @Test
  void smallPcoPagesShareAChecksumBlockAndTheRawPageHasItsOwn() {
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, Format.PCO);
      pushTo(v, 20L * INTS + 7);
      v.write();
      PageTable t = v.paging.table();
      assertThat(t.bytes(0)).as("a PCO page of these values").isLessThan(PageTableFormat.BLOCK_PAYLOAD / 2);
      assertThat(t.blockFirst(1)).as("pages in the first block").isGreaterThan(1);
      assertThat(t.blockFirst(t.blockOf(20))).as("the raw last page opens its block").isEqualTo(20);
      assertThat(Internals.regions(db).get("v@pages").length()).as("table bytes for 21 pages")
          .isLessThan(PageTableFormat.HEADER + 21 * 2 + 2 * 11L + 4 * 11L);
    }
  }

  /** Replaces the stored table of "v" by its version 1 encoding (24-byte entries), as an older release wrote it. */
  private static void downgradeToVersion1(Database db, IntVec v) {
    PageTable t = v.paging.table();
    MemorySegment out = MemorySegment.ofArray(new byte[t.size() * PageTableFormat.V1_ENTRY]);
    for (int p = 0; p < t.size(); p++) {
      long at = (long) p * PageTableFormat.V1_ENTRY;
      out.set(LONG, at, t.offset(p));
      out.set(INT, at + 8, t.bytes(p));
      out.set(INT, at + 12, t.count(p) | (t.raw(p) ? 1 << 31 : 0));
      out.set(INT, at + 16, crc(v.region.segment().asSlice(t.offset(p), t.bytes(p))));
      out.set(INT, at + 20, crc(out.asSlice(at, 20)));
    }
    Internals.regions(db).get("v@pages").truncateAndWrite(0, out);
  }

  private static int crc(MemorySegment bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes.asByteBuffer());
    return (int) crc.getValue();
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void version1TablesOpenReadAndConvertOnTheNextWrite(Format format) {
    long len = 5L * INTS + 33;
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, format);
      pushTo(v, len);
      v.write();
      downgradeToVersion1(db, v);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, format);
      assertThat(v.paging.table().version()).isEqualTo(1);
      assertHolds(v, len);
      try (IntReader r = v.reader()) {
        assertThat(r.get(3L * INTS + 5)).isEqualTo(value(3L * INTS + 5));
      }
      v.update(4L * INTS + 1, value(4L * INTS + 1));
      pushTo(v, len + 10);
      v.write();
      assertThat(v.paging.table().version()).isEqualTo(PageTableFormat.VERSION);
      assertThat(Internals.regions(db).get("v@pages").readAll()).isEqualTo(freshEncoding(v));
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, format);
      assertThat(v.paging.table().version()).isEqualTo(PageTableFormat.VERSION);
      assertHolds(v, len + 10);
    }
  }

  /** A damaged page that a write keeps (in a shared block, or in a version 1 table it converts) fails the write. */
  @ParameterizedTest
  @EnumSource(names = {"SHARED_BLOCK", "VERSION_1"})
  void aDamagedKeptPageFailsTheWriteInsteadOfGettingANewChecksum(Kept kept) {
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, Format.PCO);
      pushTo(v, 3L * INTS + 9);
      v.write();
      if (kept == Kept.VERSION_1) {
        downgradeToVersion1(db, v);
      }
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, Format.PCO);
      Paged.damagePage(dir, v, 0);
      v.truncate(2L * INTS + 5);
      assertThatThrownBy(v::write).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v': page 0 fails its checksum");
    }
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, Format.PCO);
      assertThatThrownBy(() -> v.get(1)).as("still reported after the failed write")
          .isInstanceOf(CorruptionException.class).hasMessageContaining("page 0 fails its checksum");
    }
  }

  enum Kept { SHARED_BLOCK, VERSION_1 }

  @Test
  void aHeaderOfAnotherVersionOrDamagedIsReported() {
    try (Database db = Database.open(dir)) {
      IntVec v = open(db, Format.PCO);
      pushTo(v, 2L * INTS);
      v.write();
      db.flush();
    }
    byte[] stored = storedTable();
    byte[] newer = stored.clone();
    newer[4] = 3;
    PageTableFormat.putInt(newer, 8, PageTableFormat.crc(newer, 0, 8));
    assertThatThrownBy(() -> reopenWith(newer)).isInstanceOf(UnsupportedFormatVersionException.class)
        .hasMessageContaining("vector 'v': page table");
    byte[] damaged = stored.clone();
    damaged[5] ^= 1;
    assertThatThrownBy(() -> reopenWith(damaged)).isInstanceOf(CorruptionException.class)
        .isNotInstanceOf(UnsupportedFormatVersionException.class).hasMessageContaining("header fails its checksum");
    byte[] block = stored.clone();
    block[PageTableFormat.HEADER + 1] ^= 1;
    assertThatThrownBy(() -> reopenWith(block)).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("vector 'v':");
    reopenWith(stored);
  }

  private byte[] storedTable() {
    try (Database db = Database.open(dir)) {
      return Internals.regions(db).get("v@pages").readAll();
    }
  }

  private void reopenWith(byte[] table) {
    try (Database db = Database.open(dir)) {
      Region pages = Internals.regions(db).get("v@pages");
      byte[] before = pages.readAll();
      pages.truncateAndWrite(0, table);
      db.flush();
      try {
        assertHolds(open(db, Format.PCO), 2L * INTS);
      } finally {
        pages.truncateAndWrite(0, before);
        db.flush();
      }
    }
  }
}
