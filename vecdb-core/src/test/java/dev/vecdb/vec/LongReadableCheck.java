package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Compares a {@link LongReadable} (a vector or a reader) with a {@link LongExpectation} through every reading path:
 * point reads at sampled and boundary indices, random (also out-of-bounds and inverted) ranges through fold,
 * forEach, collect, holed collect, bulk read, cursor, stream, min/max/sum and export, signed ranges, sorted
 * multi-index reads, and first/last/min/max/sum of the whole vector.
 */
final class LongReadableCheck {
  private static final long FALLBACK = 0x5EED_F00DL;
  private static final long UNTOUCHED = 0x7AB0_0000_0000_0001L;

  private final SplittableRandom random;

  LongReadableCheck(SplittableRandom random) {
    this.random = random;
  }

  /**
   * Checks {@code actual} against {@code expected}.
   *
   * @param full whether to also compare the whole vector through every ranged path (costs a few passes)
   * @param boundaries indices worth a point read (e.g. around the stored/pushed boundary)
   */
  void verify(LongReadable actual, LongExpectation expected, boolean full, long... boundaries) {
    long len = expected.len();
    assertThat(actual.len()).as("len").isEqualTo(len);
    for (long i : boundaries) {
      checkPoint(actual, expected, i);
      checkPoint(actual, expected, i - 1);
    }
    for (long i : new long[] {-1, 0, len - 1, len, len + 1, Long.MAX_VALUE}) {
      checkPoint(actual, expected, i);
    }
    for (int k = 0; k < 6; k++) {
      checkPoint(actual, expected, len == 0 ? 0 : random.nextLong(len));
    }
    for (int k = 0; k < 2; k++) {
      long from = random.nextLong(-3, len + 4);
      long to = random.nextInt(8) == 0 ? from - random.nextLong(0, 3) : random.nextLong(-3, len + 4);
      checkRange(actual, expected, from, to);
    }
    checkRange(actual, expected, Long.MIN_VALUE, len == 0 ? 1 : random.nextLong(1, len + 1));
    checkSigned(actual, expected);
    checkGetAll(actual, expected);
    checkCursorAdvance(actual, expected);
    if (full) {
      checkRange(actual, expected, 0, len);
      List<Long> all = expected.present(0, len);
      assertThat(actual.collect()).as("collect()").isEqualTo(longs(all));
      assertThat(actual.first()).as("first").isEqualTo(first(all));
      assertThat(actual.last()).as("last").isEqualTo(last(all));
      assertThat(actual.min()).as("min").isEqualTo(expected.extreme(all, -1));
      assertThat(actual.max()).as("max").isEqualTo(expected.extreme(all, 1));
      assertThat(actual.sum()).as("sum").isEqualTo(LongExpectation.sum(all));
      assertThat(actual.stream().toArray()).as("stream()").isEqualTo(longs(all));
    }
  }

  private static void checkPoint(LongReadable actual, LongExpectation expected, long i) {
    boolean inRange = i >= 0 && i < expected.len();
    assertThat(actual.has(i)).as("has(%d)", i).isEqualTo(inRange);
    if (!inRange) {
      assertThatThrownBy(() -> actual.get(i)).as("get(%d) out of range", i)
          .isInstanceOf(OutOfRangeException.class)
          .hasMessageContaining("'" + actual.name() + "'")
          .hasMessageContaining("index " + i)
          .hasMessageContaining("length is " + expected.len());
      assertThat(actual.tryGet(i)).as("tryGet(%d)", i).isEmpty();
      assertThat(actual.getOrDefault(i, FALLBACK)).as("getOrDefault(%d)", i).isEqualTo(FALLBACK);
      return;
    }
    assertThat(actual.isHole(i)).as("isHole(%d)", i).isEqualTo(expected.isHole(i));
    if (expected.isHole(i)) {
      assertThatThrownBy(() -> actual.get(i)).as("get(%d) of a hole", i).isInstanceOf(HoleException.class)
          .hasMessageContaining("'" + actual.name() + "'").hasMessageContaining("index " + i);
      assertThat(actual.tryGet(i)).as("tryGet(%d) of a hole", i).isEmpty();
      assertThat(actual.getOrDefault(i, FALLBACK)).as("getOrDefault(%d) of a hole", i).isEqualTo(FALLBACK);
    } else {
      long value = expected.value(i);
      assertThat(actual.get(i)).as("get(%d)", i).isEqualTo(value);
      assertThat(actual.tryGet(i)).as("tryGet(%d)", i).hasValue(value);
      assertThat(actual.getOrDefault(i, FALLBACK)).as("getOrDefault(%d)", i).isEqualTo(value);
    }
  }

  private void checkRange(LongReadable actual, LongExpectation expected, long from, long to) {
    String range = "[" + from + ", " + to + ")";
    List<Long> presentIndices = expected.presentIndices(from, to);
    List<Long> present = presentIndices.stream().map(expected::value).toList();
    long[] values = longs(present);
    assertThat(actual.collect(from, to)).as("collect%s", range).isEqualTo(values);
    long hash = 17;
    for (long v : values) {
      hash = hash * 31 + v;
    }
    assertThat(actual.fold(from, to, 17L, (acc, v) -> acc * 31 + v)).as("fold%s", range).isEqualTo(hash);
    List<Long> indices = new ArrayList<>();
    List<Long> seen = new ArrayList<>();
    actual.forEach(from, to, (i, v) -> {
      indices.add(i);
      seen.add(v);
    });
    assertThat(indices).as("forEach%s indices", range).isEqualTo(presentIndices);
    assertThat(longs(seen)).as("forEach%s values", range).isEqualTo(values);
    assertThat(List.of(actual.collectHoled(from, to))).as("collectHoled%s", range)
        .isEqualTo(expected.holed(from, to));
    assertThat(actual.stream(from, to).toArray()).as("stream%s", range).isEqualTo(values);
    assertThat(actual.sum(from, to)).as("sum%s", range).isEqualTo(LongExpectation.sum(present));
    assertThat(actual.min(from, to)).as("min%s", range).isEqualTo(expected.extreme(present, -1));
    assertThat(actual.max(from, to)).as("max%s", range).isEqualTo(expected.extreme(present, 1));
    checkCursor(actual, from, to, presentIndices, present);
    checkBulkRead(actual, expected, from, to);
    if (expected.clampTo(from, to) - expected.clampFrom(from) <= 64) {
      assertThat(actual.toCsv(from, to)).as("toCsv%s", range).isEqualTo(expected.csv(from, to));
      assertThat(actual.toJson(from, to)).as("toJson%s", range).isEqualTo(expected.json(from, to));
    }
  }

  private static void checkCursor(LongReadable actual, long from, long to, List<Long> presentIndices,
      List<Long> present) {
    LongCursor cursor = actual.cursor(from, to);
    assertThat(cursor.index()).as("cursor index before the first value").isEqualTo(-1);
    List<Long> indices = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    while (cursor.hasNext()) {
      values.add(cursor.nextLong());
      indices.add(cursor.index());
    }
    assertThat(indices).as("cursor[%d, %d) indices", from, to).isEqualTo(presentIndices);
    assertThat(values).as("cursor[%d, %d) values", from, to).isEqualTo(present);
    assertThat(cursor.remaining()).isZero();
  }

  private void checkBulkRead(LongReadable actual, LongExpectation expected, long from, long to) {
    long start = expected.clampFrom(from);
    int span = (int) (expected.clampTo(from, to) - start);
    int offset = random.nextInt(3);
    long[] dst = new long[offset + span + random.nextInt(3)];
    int length = random.nextInt(span + 3);
    Arrays.fill(dst, UNTOUCHED);
    int n = actual.read(from, dst, offset, length);
    long[] values = longs(expected.present(from, Math.min(expected.len(), start + Math.min(length, dst.length - offset))));
    assertThat(n).as("read(%d, dst[%d], %d, %d) count", from, dst.length, offset, length).isEqualTo(values.length);
    assertThat(Arrays.copyOfRange(dst, offset, offset + n)).as("read(%d) values", from).isEqualTo(values);
    long[] around = new long[dst.length - n];
    System.arraycopy(dst, 0, around, 0, offset);
    System.arraycopy(dst, offset + n, around, offset, dst.length - offset - n);
    long[] untouched = new long[around.length];
    Arrays.fill(untouched, UNTOUCHED);
    assertThat(around).as("read(%d) leaves the rest of dst alone", from).isEqualTo(untouched);
  }

  private void checkSigned(LongReadable actual, LongExpectation expected) {
    long len = expected.len();
    long from = random.nextLong(-len - 3, len + 3);
    long to = random.nextLong(-len - 3, len + 3);
    long start = from >= 0 ? Math.min(from, len) : Math.max(0, len + from);
    long end = to >= 0 ? Math.min(to, len) : Math.max(0, len + to);
    assertThat(actual.collectSigned(from, to)).as("collectSigned(%d, %d)", from, to)
        .isEqualTo(longs(expected.present(start, end)));
    assertThat(actual.collectSigned(-10, len)).as("collectSigned(-10, len)")
        .isEqualTo(longs(expected.present(len - 10, len)));
  }

  private void checkGetAll(LongReadable actual, LongExpectation expected) {
    List<Long> present = expected.presentIndices(0, expected.len());
    if (present.isEmpty()) {
      assertThat(actual.getAll()).isEmpty();
      return;
    }
    long[] indices = new long[random.nextInt(1, 12)];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = present.get(random.nextInt(present.size()));
    }
    Arrays.sort(indices);
    long[] values = Arrays.stream(indices).map(expected::value).toArray();
    assertThat(actual.getAll(indices)).as("getAll%s", Arrays.toString(indices)).isEqualTo(values);
    if (!expected.holes().isEmpty()) {
      long hole = expected.holes().first();
      assertThatThrownBy(() -> actual.getAll(hole)).isInstanceOf(HoleException.class);
    }
    if (indices[0] != indices[indices.length - 1]) {
      assertThatThrownBy(() -> actual.getAll(indices[indices.length - 1], indices[0]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
    }
  }

  private void checkCursorAdvance(LongReadable actual, LongExpectation expected) {
    long len = expected.len();
    long from = random.nextLong(0, len + 1);
    long to = random.nextLong(from, len + 1);
    long skip = random.nextLong(0, to - from + 2);
    LongCursor cursor = actual.cursor(from, to);
    cursor.advance(skip);
    long first = expected.presentIndices(from, to).stream().findFirst().orElse(to);
    List<Long> rest = expected.presentIndices(Math.min(to, first + skip), to);
    assertThat(cursor.position()).as("cursor[%d, %d) advanced by %d", from, to, skip)
        .isEqualTo(rest.isEmpty() ? to : rest.getFirst());
    List<Long> values = new ArrayList<>();
    cursor.forEachRemaining((long v) -> values.add(v));
    assertThat(values).isEqualTo(rest.stream().map(expected::value).toList());
  }

  private static OptionalLong first(List<Long> values) {
    return values.isEmpty() ? OptionalLong.empty() : OptionalLong.of(values.getFirst());
  }

  private static OptionalLong last(List<Long> values) {
    return values.isEmpty() ? OptionalLong.empty() : OptionalLong.of(values.getLast());
  }

  static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
