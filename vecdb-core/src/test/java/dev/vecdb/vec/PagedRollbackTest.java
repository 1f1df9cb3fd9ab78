package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.assertHolds;
import static dev.vecdb.vec.Paged.assertPages;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rollback on paged vectors (the compressed variant of the original's rollback): change sets that cross pages,
 * truncations into compressed pages, updates and holes in compressed pages, each followed by a rollback, a write
 * and a reopen.
 */
class PagedRollbackTest {
  private static final long BASE = 3L * INTS + 40;

  @TempDir Path dir;

  private void session(Format format, Consumer<IntVec> body) {
    try (Database db = Database.open(dir)) {
      body.accept(db.intVec("v", NumberType.I32, VecOptions.of(format).withSavedStampedChanges(5)));
      db.flush();
    }
  }

  /** Stamp 1: {@link #BASE} values, three compressed pages and a raw one. */
  private void base(Format format) {
    session(format, v -> {
      pushTo(v, BASE);
      v.stampedWriteWithChanges(1);
      assertPages(v, 3, 40);
    });
  }

  /** Rolls back to stamp 1, writes, and checks the base state now and after reopen. */
  private void rollbackRestoresBase(Format format) {
    session(format, v -> {
      assertThat(v.rollback()).isEqualTo(1);
      assertHolds(v, BASE);
      v.write();
      assertPages(v, 3, 40);
    });
    session(format, v -> {
      assertThat(v.stamp()).isEqualTo(1);
      assertHolds(v, BASE);
      assertThat(v.holeCount()).isZero();
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void truncationIntoACompressedPageThenRollback(Format format) {
    base(format);
    session(format, v -> {
      v.truncate(INTS + 100);
      v.push(-1);
      v.push(-2);
      v.stampedWriteWithChanges(2);
      assertPages(v, 1, 102);
    });
    session(format, v -> assertThat(v.collect(INTS + 98, INTS + 102)).containsExactly(value(INTS + 98),
        value(INTS + 99), -1, -2));
    rollbackRestoresBase(format);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void unwrittenTruncationToAPageBoundaryIsRolledBack(Format format) {
    base(format);
    session(format, v -> {
      pushTo(v, BASE + INTS);
      v.stampedWriteWithChanges(2);
      v.truncate(INTS);
      assertThat(v.len()).isEqualTo(INTS);
      assertThat(v.rollback()).isEqualTo(1);
      assertHolds(v, BASE);
      v.write();
      assertPages(v, 3, 40);
    });
    session(format, v -> assertHolds(v, BASE));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void updatesHolesAndGrowthAcrossPagesThenRollback(Format format) {
    base(format);
    session(format, v -> {
      v.update(5, -5);
      v.update(2L * INTS + 1, -7);
      v.delete(INTS + 3);
      pushTo(v, 5L * INTS + 1);
      v.stampedWriteWithChanges(2);
      assertPages(v, 5, 1);
    });
    session(format, v -> {
      assertThat(v.get(5)).isEqualTo(-5);
      assertThat(v.isHole(INTS + 3)).isTrue();
      assertThat(v.len()).isEqualTo(5L * INTS + 1);
    });
    rollbackRestoresBase(format);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void rollbackBeforeWalksStampsThatCrossPages(Format format) {
    base(format);
    session(format, v -> {
      for (int stamp = 2; stamp <= 4; stamp++) {
        v.truncate(v.len() - 100);
        pushTo(v, v.len() + INTS);
        v.stampedWriteWithChanges(stamp);
      }
    });
    session(format, v -> {
      assertThat(v.rollbackBefore(3)).isEqualTo(2);
      assertHolds(v, BASE - 100 + INTS);
      assertThat(v.rollback()).isEqualTo(1);
      assertHolds(v, BASE);
      v.write();
    });
    session(format, v -> assertHolds(v, BASE));
  }
}
