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
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages are decoded once per run of reads that need them: point reads keep the last decoded page, so sorted
 * multi-index reads and cursors decode each page once. Observed through the file: once a page is decoded, damaging
 * its bytes on disk does not affect reads that the kept page serves, while a read that decodes it again reports
 * the damage.
 */
class PagedPageCacheTest {
  private static final long LEN = 3L * INTS + 10;

  @TempDir Path dir;

  private IntVec written(Database db, Format format) {
    IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
    pushTo(v, LEN);
    v.write();
    db.flush();
    return v;
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void pointReadsKeepTheLastDecodedPage(Format format) {
    try (Database db = Database.open(dir)) {
      IntVec v = written(db, format);
      assertThat(v.get(10)).isEqualTo(value(10));
      Paged.damagePage(dir, v, 0);
      for (long i = 0; i < INTS; i += 97) {
        assertThat(v.get(i)).as("served by the kept page").isEqualTo(value(i));
      }
      assertThat(v.get(INTS)).isEqualTo(value(INTS));
      // the raw last page has a checksum block of its own: page 0's block is copied and checked again after it
      assertThat(v.get(LEN - 1)).isEqualTo(value(LEN - 1));
      assertThatThrownBy(() -> v.get(10)).as("decoded again").isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v': page 0");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void sortedMultiIndexReadsDecodeEachPageOnce(Format format) {
    try (Database db = Database.open(dir); IntReader r = written(db, format).reader()) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      assertThat(r.get(0)).isEqualTo(value(0));
      Paged.damagePage(dir, v, 0);
      long[] indices = {1, 2, 500, INTS - 1, INTS, INTS + 1, 2L * INTS - 1};
      int[] expected = new int[indices.length];
      for (int i = 0; i < indices.length; i++) {
        expected[i] = value(indices[i]);
      }
      assertThat(r.getAll(indices)).as("page 0 is not decoded again").containsExactly(expected);
      Paged.damagePage(dir, v, 1);
      assertThat(r.getAll(2L * INTS - 3, 2L * INTS - 2)).as("page 1 was decoded once and kept")
          .containsExactly(value(2L * INTS - 3), value(2L * INTS - 2));
      assertThat(r.getAll(2L * INTS, LEN - 1)).containsExactly(value(2L * INTS), value(LEN - 1));
      assertThatThrownBy(() -> r.getAll(5, 2L * INTS)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v': page 0");
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void cursorsDecodeEachPageOnce(Format format) {
    try (Database db = Database.open(dir)) {
      IntVec v = written(db, format);
      IntCursor cursor = v.cursor(INTS - 2, LEN);
      assertThat(cursor.nextInt()).isEqualTo(value(INTS - 2));
      Paged.damagePage(dir, v, 0);
      assertThat(cursor.nextInt()).isEqualTo(value(INTS - 1));
      assertThat(cursor.nextInt()).isEqualTo(value(INTS));
      Paged.damagePage(dir, v, 1);
      int[] rest = new int[(int) cursor.remaining()];
      for (int i = 0; i < rest.length; i++) {
        rest[i] = cursor.nextInt();
      }
      assertThat(rest).as("page 1 decoded once, before the damage").containsExactly(values(INTS + 1, LEN));
    }
  }
}
