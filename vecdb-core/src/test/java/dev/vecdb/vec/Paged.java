package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.TestFiles;
import java.nio.file.Path;
import java.util.Arrays;

/** Helpers shared by the paged-vector tests: the expected values, page-table checks and page damage. */
final class Paged {
  /** {@code i32} values per 16 KiB page. */
  static final int INTS = 4096;

  private Paged() {}

  /** The value the tests store at {@code index}: not constant, not random, so every codec has work to do. */
  static int value(long index) {
    return (int) (index * 7 + index % 13);
  }

  /** Pushes {@link #value} for every index of {@code [v.len(), to)}. */
  static void pushTo(IntVec v, long to) {
    for (long i = v.len(); i < to; i++) {
      v.push(value(i));
    }
  }

  /** The expected values of {@code [from, to)}. */
  static int[] values(long from, long to) {
    int[] out = new int[Math.toIntExact(to - from)];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(from + i);
    }
    return out;
  }

  /** Checks that {@code v} holds exactly {@link #values} of {@code [0, len)}. */
  static void assertHolds(IntReadable v, long len) {
    assertThat(v.len()).isEqualTo(len);
    int[] actual = v.collect();
    assertThat(actual).hasSize(Math.toIntExact(len));
    assertThat(Arrays.mismatch(actual, values(0, len))).as("first differing index").isEqualTo(-1);
  }

  /**
   * Checks the written page table: {@code full} compressed pages, then a raw page of {@code rawCount} values when
   * it is positive.
   */
  static void assertPages(StoredVec v, int full, int rawCount) {
    PageTable table = v.paging.table();
    assertThat(table.size()).as("pages").isEqualTo(full + (rawCount > 0 ? 1 : 0));
    for (int p = 0; p < full; p++) {
      assertThat(table.raw(p)).as("page %d raw", p).isFalse();
      assertThat(table.count(p)).isEqualTo(v.paging.perPage);
    }
    if (rawCount > 0) {
      assertThat(table.raw(full)).as("last page raw").isTrue();
      assertThat(table.count(full)).isEqualTo(rawCount);
    }
  }

  /** Inverts one byte in the middle of page {@code page}'s stored bytes, in the database's data file. */
  static void damagePage(Path dir, StoredVec v, int page) {
    PageTable t = v.paging.table();
    TestFiles.flipByte(dir.resolve("data"), v.region.start() + t.offset(page) + t.bytes(page) / 2);
  }
}
