package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads across the boundary between stored and pushed values on a dataset that crosses many push-buffer growths,
 * with an update and a hole on each side of it, through every read path, before and after the write and after a
 * reopen.
 */
class StoredPushedBoundaryTest {
  private static final int STORED = 20_000;
  private static final int PUSHED = 15_000;
  private static final int LEN = STORED + PUSHED;

  @TempDir Path dir;

  private static long value(long i) {
    return i * 3 + 1;
  }

  /** What reads of {@code [STORED - 3, STORED + 3)} return: an update and a hole on each side of the boundary. */
  private static final long[] AROUND = {value(STORED - 3), -1, -2, value(STORED + 2)};

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void everyReadPathAgreesAcrossTheBoundary(Format format) {
    VecOptions options = VecOptions.of(format);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("boundary", NumberType.I64, options);
      for (long i = 0; i < STORED; i++) {
        v.push(value(i));
      }
      assertThat(v.storedLen()).isZero();
      assertThat(v.pushedLen()).isEqualTo(STORED);
      assertChunkedBulkRead(v, STORED);
      assertThat(v.write()).isTrue();
      for (long i = STORED; i < LEN; i++) {
        v.checkedPush(i, value(i));
      }
      v.update(STORED - 1, -1);
      v.update(STORED, -2);
      v.delete(STORED - 2);
      v.delete(STORED + 1);
      assertThat(v.storedLen()).isEqualTo(STORED);
      assertThat(v.pushedLen()).isEqualTo(PUSHED);
      assertAroundTheBoundary(v);
      try (LongReader reader = v.reader()) {
        assertThat(reader.len()).isEqualTo(STORED);
        assertThat(reader.get(STORED - 1)).as("the update is not written yet").isEqualTo(value(STORED - 1));
        assertThat(reader.isHole(STORED - 2)).isFalse();
        assertThat(v.write()).isTrue();
        assertAroundTheBoundary(reader);
      }
      v.write();
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("boundary", NumberType.I64, options);
      assertAroundTheBoundary(v);
      assertChunkedBulkRead(v, LEN);
      v.truncate(STORED + 1);
      assertThat(v.collect(STORED - 3, LEN)).containsExactly(AROUND[0], AROUND[1], AROUND[2]);
      assertThat(v.holes()).containsExactly(STORED - 2);
    }
  }

  /** Every read path over the values around the boundary (with the update and hole on each side). */
  private static void assertAroundTheBoundary(LongReadable r) {
    int from = STORED - 3;
    int to = STORED + 3;
    assertThat(r.len()).isEqualTo(LEN);
    assertThat(r.get(STORED - 1)).isEqualTo(-1);
    assertThat(r.get(STORED)).isEqualTo(-2);
    assertThatThrownBy(() -> r.get(STORED + 1)).isInstanceOf(HoleException.class);
    assertThat(r.tryGet(STORED - 2)).isEmpty();
    assertThat(r.collect(from, to)).containsExactly(AROUND);
    assertThat(r.collectSigned(from - LEN, to - LEN)).containsExactly(AROUND);
    assertThat(r.stream(from, to).toArray()).containsExactly(AROUND);
    assertThat(r.fold(from, to, 0L, (acc, x) -> acc * 31 + x))
        .isEqualTo(((AROUND[0] * 31 + AROUND[1]) * 31 + AROUND[2]) * 31 + AROUND[3]);
    assertThat(r.collectHoled(from, to)).containsExactly(OptionalLong.of(AROUND[0]), OptionalLong.empty(),
        OptionalLong.of(-1), OptionalLong.of(-2), OptionalLong.empty(), OptionalLong.of(AROUND[3]));
    List<Long> indices = new ArrayList<>();
    r.forEach(from, to, (i, x) -> indices.add(i));
    assertThat(indices).containsExactly((long) from, STORED - 1L, (long) STORED, STORED + 2L);
    long[] dst = new long[8];
    assertThat(r.read(from, dst, 1, 6)).isEqualTo(4);
    assertThat(dst).containsExactly(0, AROUND[0], AROUND[1], AROUND[2], AROUND[3], 0, 0, 0);
    assertThat(r.getAll(from, STORED - 1, STORED, STORED + 2)).containsExactly(AROUND);
    LongCursor cursor = r.cursor(STORED - 2, to);
    assertThat(cursor.nextLong()).isEqualTo(-1);
    assertThat(cursor.index()).isEqualTo(STORED - 1);
    cursor.advance(1);
    assertThat(cursor.position()).as("advancing over the hole lands after it").isEqualTo(STORED + 2);
    long sum = 0;
    for (long i = 0; i < LEN; i++) {
      sum += value(i);
    }
    sum += -1 - value(STORED - 1) - 2 - value(STORED) - value(STORED - 2) - value(STORED + 1);
    assertThat(r.sum()).isEqualTo(sum);
    assertThat(r.min()).hasValue(-2);
    assertThat(r.max()).hasValue(value(LEN - 1));
    assertThat(r.first()).hasValue(value(0));
    assertThat(r.last()).hasValue(value(LEN - 1));
    assertThat(r.toJson(from, to)).isEqualTo("[" + AROUND[0] + ",null,-1,-2,null," + AROUND[3] + "]");
    assertThat(r.toCsv(STORED - 2, STORED)).isEqualTo("\n-1\n");
  }

  /** Reads {@code [0, len)} in odd-sized bulk pieces and checks every value (no holes below {@code STORED - 2}). */
  private static void assertChunkedBulkRead(LongReadable r, long len) {
    long[] piece = new long[7_777];
    long checked = 0;
    for (long from = 0; from < STORED - 2; from += piece.length) {
      int n = r.read(from, piece, 0, (int) Math.min(piece.length, STORED - 2 - from));
      assertThat(Arrays.copyOf(piece, n)).isEqualTo(LongStream.range(from, from + n).map(i -> value(i)).toArray());
      checked += n;
    }
    assertThat(checked).isEqualTo(STORED - 2);
    assertThat(r.stream().count()).isEqualTo(len - (len > STORED ? 2 : 0));
  }
}
