package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.assertHolds;
import static dev.vecdb.vec.Paged.assertPages;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static dev.vecdb.vec.Paged.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The original's raw-last-page scenarios for every paged codec: full pages compressed once, the last partial page
 * raw, appends in place, truncation rewriting from the containing page, reset, and reopen after each of them.
 * Values are {@code i32}, {@value Paged#INTS} to a page.
 */
class PagedRawPageTest {
  @TempDir Path dir;

  /** Opens "v" in the database at {@link #dir}, runs {@code body}, flushes and closes. */
  private void session(Format format, BiConsumer<Database, IntVec> body) {
    try (Database db = Database.open(dir)) {
      body.accept(db, db.intVec("v", NumberType.I32, VecOptions.of(format)));
      db.flush();
    }
  }

  /** Reopens "v" and checks that it holds the expected values of {@code [0, len)}. */
  private void reopenHolds(Format format, long len) {
    session(format, (db, v) -> assertHolds(v, len));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void smallWriteSurvivesReopen(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 3);
      assertThat(v.write()).isTrue();
      assertPages(v, 0, 3);
    });
    reopenHolds(format, 3);
    session(format, (db, v) -> assertPages(v, 0, 3));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void severalSmallAppendsGrowTheRawPageInPlace(Format format) {
    session(format, (db, v) -> {
      for (int round = 1; round <= 10; round++) {
        pushTo(v, round * 5L);
        long start = Internals.regions(db).get("v").start();
        assertThat(v.write()).isTrue();
        assertThat(Internals.regions(db).get("v").start()).isEqualTo(start);
        assertThat(Internals.regions(db).get("v").length()).as("header + raw values").isEqualTo(Header.SIZE + round * 20L);
        assertPages(v, 0, round * 5);
      }
    });
    reopenHolds(format, 50);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void exactlyOnePageIsCompressedWithNoRawPage(Format format) {
    session(format, (db, v) -> {
      pushTo(v, INTS);
      v.write();
      assertPages(v, 1, 0);
      assertThat(v.get(INTS - 1)).isEqualTo(value(INTS - 1));
    });
    reopenHolds(format, INTS);
    session(format, (db, v) -> assertPages(v, 1, 0));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void appendOverflowingTheRawPageStartsANewOne(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 4000);
      v.write();
      assertPages(v, 0, 4000);
      pushTo(v, 4200);
      v.write();
      assertPages(v, 1, 104);
      assertThat(v.collect(3990, 4110)).containsExactly(values(3990, 4110));
    });
    reopenHolds(format, 4200);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void appendFillingTheRawPageExactlyCompressesIt(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 4000);
      v.write();
      pushTo(v, INTS);
      v.write();
      assertPages(v, 1, 0);
      pushTo(v, INTS + 1);
      v.write();
      assertPages(v, 1, 1);
    });
    reopenHolds(format, INTS + 1);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void growthOverSeveralPagesReadsEveryBoundary(Format format) {
    long total = 5L * INTS + 17;
    session(format, (db, v) -> {
      for (long len = 1000; len < total + 1000; len += 1000) {
        pushTo(v, Math.min(len, total));
        v.write();
        long written = v.len();
        assertPages(v, (int) (written / INTS), (int) (written % INTS));
        for (long boundary = INTS; boundary < written; boundary += INTS) {
          assertThat(v.get(boundary - 1)).isEqualTo(value(boundary - 1));
          assertThat(v.get(boundary)).isEqualTo(value(boundary));
        }
      }
    });
    session(format, (db, v) -> {
      assertPages(v, 5, 17);
      for (long boundary = INTS; boundary < total; boundary += INTS) {
        assertThat(v.collect(boundary - 2, boundary + 2)).containsExactly(values(boundary - 2, boundary + 2));
      }
      assertHolds(v, total);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void truncationIntoTheRawPage(Format format) {
    session(format, (db, v) -> {
      pushTo(v, INTS + 50);
      v.write();
      v.truncate(INTS + 10);
      assertThat(v.write()).isTrue();
      assertPages(v, 1, 10);
      assertThat(Internals.regions(db).get("v").length()).isEqualTo(v.paging.table().dataEnd());
    });
    reopenHolds(format, INTS + 10);
    session(format, (db, v) -> {
      pushTo(v, INTS + 20);
      v.write();
      assertPages(v, 1, 20);
    });
    reopenHolds(format, INTS + 20);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void truncationToAPageBoundaryDropsPages(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 3L * INTS + 5);
      v.write();
      long secondPageEnd = v.paging.table().page(1).end();
      v.truncate(2L * INTS);
      assertThat(v.write()).isTrue();
      assertPages(v, 2, 0);
      assertThat(Internals.regions(db).get("v").length()).as("the kept pages are not rewritten").isEqualTo(secondPageEnd);
    });
    reopenHolds(format, 2L * INTS);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void truncationIntoACompressedPageLeavesItRaw(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 3L * INTS + 5);
      v.write();
      v.truncate(INTS + 100);
      assertThat(v.len()).isEqualTo(INTS + 100);
      assertThat(v.get(INTS + 99)).isEqualTo(value(INTS + 99));
      v.write();
      assertPages(v, 1, 100);
    });
    reopenHolds(format, INTS + 100);
    session(format, (db, v) -> {
      pushTo(v, 2L * INTS + 1);
      v.write();
      assertPages(v, 2, 1);
    });
    reopenHolds(format, 2L * INTS + 1);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void resetAfterOnePageAndAfterSeveral(Format format) {
    for (long len : new long[] {INTS, 4L * INTS + 3}) {
      session(format, (db, v) -> {
        pushTo(v, len);
        v.write();
      });
      session(format, (db, v) -> {
        assertThat(v.len()).isEqualTo(len);
        v.reset();
        assertThat(v.len()).isZero();
        assertThat(v.write()).isTrue();
        assertThat(Internals.regions(db).get("v@pages").length()).isZero();
        assertThat(Internals.regions(db).get("v").length()).isEqualTo(Header.SIZE);
      });
      reopenHolds(format, 0);
    }
    session(format, (db, v) -> {
      pushTo(v, INTS + 1);
      v.write();
    });
    reopenHolds(format, INTS + 1);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void readsSpanCompressedAndRawPages(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 2L * INTS + 300);
      v.write();
      assertPages(v, 2, 300);
    });
    session(format, (db, v) -> {
      assertThat(v.collect(INTS - 3, 2L * INTS + 300)).containsExactly(values(INTS - 3, 2L * INTS + 300));
      int[] dst = new int[INTS + 10];
      assertThat(v.read(INTS + 200, dst, 5, INTS + 5)).isEqualTo(INTS + 5);
      assertThat(dst).startsWith(0, 0, 0, 0, 0).endsWith(values(2L * INTS + 200, 2L * INTS + 205));
      assertThat(v.collectSigned(-302, -298)).containsExactly(values(2L * INTS - 2, 2L * INTS + 2));
      assertThat(v.getAll(0, INTS - 1, INTS, 2L * INTS + 299))
          .containsExactly(value(0), value(INTS - 1), value(INTS), value(2L * INTS + 299));
      IntCursor cursor = v.cursor(2L * INTS - 1, 2L * INTS + 2);
      assertThat(cursor.nextInt()).isEqualTo(value(2L * INTS - 1));
      assertThat(cursor.nextInt()).isEqualTo(value(2L * INTS));
      assertThat(cursor.nextInt()).isEqualTo(value(2L * INTS + 1));
      assertThat(cursor.hasNext()).isFalse();
      assertThat(v.toCsv(INTS - 1, INTS + 1)).isEqualTo(value(INTS - 1) + "\n" + value(INTS) + "\n");
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void writeReopenAppendCyclesCrossPages(Format format) {
    long len = 0;
    for (int cycle = 0; cycle < 7; cycle++) {
      long before = len;
      len += 1500;
      long target = len;
      session(format, (db, v) -> {
        assertThat(v.len()).isEqualTo(before);
        pushTo(v, target);
        v.write();
        assertPages(v, (int) (target / INTS), (int) (target % INTS));
      });
      reopenHolds(format, len);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void writesWithNothingToWriteReturnFalse(Format format) {
    session(format, (db, v) -> {
      assertThat(v.write()).as("empty vector").isFalse();
      pushTo(v, INTS + 7);
      assertThat(v.write()).isTrue();
      assertThat(v.write()).as("nothing pushed").isFalse();
      v.truncate(INTS + 7);
      assertThat(v.write()).as("truncation to the length").isFalse();
    });
    session(format, (db, v) -> {
      assertThat(v.write()).as("after reopen").isFalse();
      v.push(value(INTS + 7));
      assertThat(v.write()).isTrue();
      assertThat(v.write()).isFalse();
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void foldsOverMixedPages(Format format) {
    long len = 3L * INTS + 123;
    session(format, (db, v) -> {
      pushTo(v, len);
      v.write();
    });
    session(format, (db, v) -> {
      long expected = 0;
      for (int x : values(0, len)) {
        expected += x;
      }
      assertThat(v.sum()).isEqualTo(expected);
      assertThat(v.fold(0, len, 0, Integer::sum)).isEqualTo((int) expected);
      assertThat(v.fold(INTS - 5, 3L * INTS + 5, 0, (a, x) -> a + 1)).isEqualTo(2 * INTS + 10);
      assertThat(v.fold(3L * INTS + 100, len, 0, Integer::sum)).isEqualTo(sum(3L * INTS + 100, len));
      assertThat(v.max().getAsInt()).isEqualTo(value(len - 1));
      assertThat(v.min().getAsInt()).isEqualTo(value(0));
      long[] count = {0};
      v.forEach(INTS - 1, INTS + 1, (i, x) -> {
        assertThat(x).isEqualTo(value(i));
        count[0]++;
      });
      assertThat(count[0]).isEqualTo(2);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void pushedValuesReadAfterStoredOnes(Format format) {
    session(format, (db, v) -> {
      pushTo(v, INTS + 904);
      v.write();
      pushTo(v, 3L * INTS);
      assertThat(v.storedLen()).isEqualTo(INTS + 904);
      assertHolds(v, 3L * INTS);
      assertThat(v.fold(INTS, 3L * INTS, 0, Integer::sum)).isEqualTo(sum(INTS, 3L * INTS));
      assertThat(v.get(INTS + 903)).isEqualTo(value(INTS + 903));
      assertThat(v.get(INTS + 904)).isEqualTo(value(INTS + 904));
      try (IntReader r = v.reader()) {
        assertHolds(r, INTS + 904);
      }
    });
    reopenHolds(format, INTS + 904);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void singleValueWritesCrossAPage(Format format) {
    session(format, (db, v) -> {
      for (long i = 0; i < INTS + 3; i++) {
        v.push(value(i));
        assertThat(v.write()).isTrue();
      }
      assertPages(v, 1, 3);
    });
    reopenHolds(format, INTS + 3);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void truncateToZeroThenRebuild(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 2L * INTS + 9);
      v.write();
      v.truncate(0);
      assertThat(v.write()).isTrue();
      assertPages(v, 0, 0);
    });
    reopenHolds(format, 0);
    session(format, (db, v) -> {
      pushTo(v, 2L * INTS + 20);
      v.write();
      assertPages(v, 2, 20);
    });
    reopenHolds(format, 2L * INTS + 20);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void readersViewMixedPages(Format format) {
    session(format, (db, v) -> {
      pushTo(v, 2L * INTS + 50);
      v.write();
      try (IntReader r = v.reader()) {
        assertHolds(r, 2L * INTS + 50);
        assertThat(r.get(INTS)).isEqualTo(value(INTS));
        assertThat(r.fold(INTS - 10, 2L * INTS + 10, 0, Integer::sum)).isEqualTo(sum(INTS - 10, 2L * INTS + 10));
        assertThat(r.getAll(1, INTS + 1, 2L * INTS + 49)).containsExactly(value(1), value(INTS + 1),
            value(2L * INTS + 49));
        pushTo(v, 3L * INTS + 1);
        assertThat(r.len()).as("pushed values are not visible").isEqualTo(2L * INTS + 50);
        v.write();
        assertHolds(r, 3L * INTS + 1);
        v.truncate(INTS + 7);
        assertThat(r.len()).as("a truncation shows at once").isEqualTo(INTS + 7);
        v.write();
        assertHolds(r, INTS + 7);
        pushTo(v, INTS + 9);
        v.write();
        assertHolds(r, INTS + 9);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void writesOfManyPagesAreStoredInPieces(Format format) {
    long big = 300L * INTS + 5;
    session(format, (db, v) -> {
      pushTo(v, big);
      v.write();
      assertPages(v, 300, 5);
      v.truncate(2L * INTS + 1);
      v.update(INTS + 2, -1);
      pushTo(v, big);
      v.write();
      assertPages(v, 300, 5);
      assertThat(v.get(INTS + 2)).isEqualTo(-1);
    });
    session(format, (db, v) -> {
      assertThat(v.get(INTS + 2)).isEqualTo(-1);
      v.update(INTS + 2, value(INTS + 2));
      v.write();
      assertHolds(v, big);
    });
  }

  private static int sum(long from, long to) {
    int total = 0;
    for (int x : values(from, to)) {
      total += x;
    }
    return total;
  }
}
