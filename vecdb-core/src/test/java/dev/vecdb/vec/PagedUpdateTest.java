package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.assertPages;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Updates and deletions on paged vectors work as on raw ones: an update of a stored value rewrites the pages from
 * the one holding it to the end (earlier pages stay untouched); holes live in their own region, so deleting
 * rewrites no page.
 */
class PagedUpdateTest {
  private static final long LEN = 3L * INTS + 40;

  @TempDir Path dir;

  private void session(Format format, Consumer<IntVec> body) {
    try (Database db = Database.open(dir)) {
      body.accept(db.intVec("v", NumberType.I32, VecOptions.of(format)));
      db.flush();
    }
  }

  private void written(Format format) {
    session(format, v -> {
      pushTo(v, LEN);
      v.write();
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void updateRewritesFromTheContainingPageOnly(Format format) {
    written(format);
    session(format, v -> {
      PageTable before = v.paging.table();
      try (IntReader r = v.reader()) {
        v.update(2L * INTS + 7, -1);
        v.update(LEN - 1, -2);
        assertThat(v.get(2L * INTS + 7)).isEqualTo(-1);
        assertThat(r.get(2L * INTS + 7)).as("readers see written values only").isEqualTo(value(2L * INTS + 7));
        assertThat(v.write()).isTrue();
        assertThat(r.get(2L * INTS + 7)).isEqualTo(-1);
        assertThat(r.get(LEN - 1)).isEqualTo(-2);
      }
      PageTable after = v.paging.table();
      for (int p = 0; p < 2; p++) {
        assertThat(after.end(p)).as("page %d unchanged", p).isEqualTo(before.end(p));
      }
      assertThat(after.blockCrc(after.blockOf(2))).isNotEqualTo(before.blockCrc(before.blockOf(2)));
      assertPages(v, 3, 40);
    });
    session(format, v -> {
      assertThat(v.get(2L * INTS + 7)).isEqualTo(-1);
      assertThat(v.get(LEN - 1)).isEqualTo(-2);
      assertThat(v.get(2L * INTS + 6)).isEqualTo(value(2L * INTS + 6));
      v.update(0, -3);
      v.update(LEN - 2, -4);
      v.push(-5);
      v.write();
      assertPages(v, 3, 41);
    });
    session(format, v -> {
      assertThat(v.collect(0, 2)).containsExactly(-3, value(1));
      assertThat(v.collect(LEN - 2, LEN + 1)).containsExactly(-4, -2, -5);
      assertThat(v.sum()).isEqualTo(expectedSum() - value(0) - value(2L * INTS + 7) - value(LEN - 2)
          - value(LEN - 1) - 3 - 1 - 4 - 2 - 5);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void holesInCompressedPagesPersistAndFill(Format format) {
    written(format);
    session(format, v -> {
      PageTable before = v.paging.table();
      v.delete(INTS + 1);
      assertThat(v.take(5)).isEqualTo(OptionalInt.of(value(5)));
      v.write();
      assertThat(v.paging.table()).as("deleting rewrites no page").isSameAs(before);
    });
    session(format, v -> {
      assertThat(v.holes()).containsExactly(5, INTS + 1);
      assertThatThrownBy(() -> v.get(5)).isInstanceOf(HoleException.class);
      assertThat(v.collect()).hasSize((int) LEN - 2);
      try (IntReader r = v.reader()) {
        assertThat(r.isHole(INTS + 1)).isTrue();
        assertThat(r.fold(0, LEN, 0, (a, x) -> a + 1)).isEqualTo((int) LEN - 2);
      }
      assertThat(v.fillFirstHoleOrPush(-9)).isEqualTo(5);
      v.write();
    });
    session(format, v -> {
      assertThat(v.holes()).containsExactly(INTS + 1);
      assertThat(v.get(5)).isEqualTo(-9);
      assertThat(v.tryGet(INTS + 1)).isEmpty();
    });
  }

  private static long expectedSum() {
    long sum = 0;
    for (long i = 0; i < LEN; i++) {
      sum += value(i);
    }
    return sum;
  }
}
