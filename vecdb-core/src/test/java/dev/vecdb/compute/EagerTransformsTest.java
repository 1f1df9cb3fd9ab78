package dev.vecdb.compute;

import static dev.vecdb.compute.ComputeFixture.doubleOut;
import static dev.vecdb.compute.ComputeFixture.doubles;
import static dev.vecdb.compute.ComputeFixture.longOut;
import static dev.vecdb.compute.ComputeFixture.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transforms, arithmetic, cumulative, count and aggregate computations against the original's values. */
class EagerTransformsTest {
  @TempDir Path dir;
  Database db;

  @BeforeEach
  void open() {
    db = Database.open(dir);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void indexTransforms() {
    ComputeSource other = longs(db, "other", 7, 7, 7);
    EagerLongVec to = longOut(db, "to");
    to.computeTo(0, 4, 1, i -> i * i);
    assertThat(to.collect()).containsExactly(0, 1, 4, 9);
    EagerLongVec range = longOut(db, "range");
    range.computeRange(0, other, i -> 10 - i);
    assertThat(range.collect()).containsExactly(10, 9, 8);
    EagerDoubleVec fromIndex = doubleOut(db, "fromIndex");
    fromIndex.computeFromIndex(0, other);
    assertThat(fromIndex.collect()).containsExactly(0, 1, 2);
  }

  @Test
  void transformsOfOneToFourSources() {
    ComputeSource a = longs(db, "a", 1, 2, 3);
    ComputeSource b = longs(db, "b", 10, 20, 30, 40);
    ComputeSource c = longs(db, "c", 100, 200, 300);
    ComputeSource d = longs(db, "d", 1000, 2000);
    EagerLongVec one = longOut(db, "one");
    one.computeTransform(0, a, v -> -v);
    assertThat(one.collect()).containsExactly(-1, -2, -3);
    EagerLongVec two = longOut(db, "two");
    two.computeTransform2(0, a, b, (x, y) -> y - x);
    assertThat(two.collect()).as("stops at the shortest source").containsExactly(9, 18, 27);
    EagerLongVec three = longOut(db, "three");
    three.computeTransform3(0, a, b, c, (x, y, z) -> x + y + z);
    assertThat(three.collect()).containsExactly(111, 222, 333);
    EagerLongVec four = longOut(db, "four");
    four.computeTransform4(0, a, b, c, d, (x, y, z, w) -> x + y + z + w);
    assertThat(four.collect()).containsExactly(1111, 2222);
  }

  @Test
  void indirectSequentialStopsWhereTheValuesEnd() {
    ComputeSource keys = longs(db, "keys", 0, 0, 2, 3);
    ComputeSource values = longs(db, "values", 10, 20, 30);
    EagerLongVec out = longOut(db, "out");
    out.computeIndirectSequential(0, keys, values);
    assertThat(out.collect()).containsExactly(10, 10, 30);
  }

  @Test
  void firstPerIndexFillsGapsWithTheNextPosition() {
    LongVec heights = db.longVec("heights", NumberType.I64, VecOptions.DEFAULT);
    ComputeFixture.append(heights, 0, 0, 1, 1, 1, 3);
    EagerLongVec first = longOut(db, "first");
    first.computeFirstPerIndex(0, ComputeSource.of(heights));
    assertThat(first.collect()).containsExactly(0, 2, 5, 5);
    ComputeFixture.append(heights, 3, 4, 6);
    first.computeFirstPerIndex(Long.MAX_VALUE, ComputeSource.of(heights));
    assertThat(first.collect()).containsExactly(0, 2, 5, 5, 7, 8, 8);
    heights.update(1, 1);
    heights.write();
    first.computeFirstPerIndex(1, ComputeSource.of(heights));
    assertThat(first.collect()).as("recomputed from position 1").containsExactly(0, 1, 5, 5, 7, 8, 8);
    heights.update(3, 0);
    heights.write();
    assertThatThrownBy(() -> first.computeFirstPerIndex(0, ComputeSource.of(heights)))
        .isInstanceOf(ComputeException.class).hasMessageContaining("decreases at position 3");
  }

  @Test
  void arithmetic() {
    ComputeSource a = longs(db, "a", 7, 9, 2);
    ComputeSource b = longs(db, "b", 2, 3, 4);
    EagerLongVec add = longOut(db, "add");
    add.computeAdd(0, a, b);
    assertThat(add.collect()).containsExactly(9, 12, 6);
    EagerLongVec sub = longOut(db, "sub");
    sub.computeSubtract(0, a, b);
    assertThat(sub.collect()).containsExactly(5, 6, -2);
    EagerLongVec mul = longOut(db, "mul");
    mul.computeMultiply(0, a, b);
    assertThat(mul.collect()).containsExactly(14, 27, 8);
    EagerLongVec div = longOut(db, "div");
    div.computeDivide(0, a, b);
    assertThat(div.collect()).containsExactly(3, 3, 0);
    ComputeSource x = doubles(db, "x", 50, 200);
    ComputeSource y = doubles(db, "y", 200, 100);
    EagerDoubleVec ddiv = doubleOut(db, "ddiv");
    ddiv.computeDivide(0, x, y);
    assertThat(ddiv.collect()).containsExactly(0.25, 2);
    EagerDoubleVec pct = doubleOut(db, "pct");
    pct.computePercentage(0, x, y);
    assertThat(pct.collect()).containsExactly(25, 200);
    EagerDoubleVec diff = doubleOut(db, "diff");
    diff.computePercentageDifference(0, x, y);
    assertThat(diff.collect()).containsExactly(-75, 100);
  }

  @Test
  void integerFailuresAreClearExceptions() {
    ComputeSource small = longs(db, "small", 5, 1);
    ComputeSource big = longs(db, "big", 3, 2);
    EagerLongVec unsigned = EagerLongVec.open(db, "unsigned", NumberType.U64, VecOptions.DEFAULT);
    assertThatThrownBy(() -> unsigned.computeSubtract(0, small, big)).isInstanceOf(ComputeException.class)
        .hasMessageContaining("vector 'unsigned', index 1").hasMessageContaining("underflow");
    assertThat(unsigned.len()).as("the failed batch is dropped").isZero();
    EagerLongVec batched = EagerLongVec.open(db, "batched", NumberType.U64, VecOptions.DEFAULT);
    batched.batchSize(2);
    ComputeSource x = longs(db, "x", 5, 5, 5, 5, 5, 1);
    ComputeSource y = longs(db, "y", 1, 1, 1, 1, 1, 2);
    assertThatThrownBy(() -> batched.computeSubtract(0, x, y)).hasMessageContaining("index 5");
    assertThat(batched.collect()).as("the batches before the failure stay written").containsExactly(4, 4, 4, 4);
    assertThat(batched.vec().storedLen()).isEqualTo(4);
    EagerLongVec change = EagerLongVec.open(db, "change", NumberType.U64, VecOptions.DEFAULT);
    assertThatThrownBy(() -> change.computeChange(0, small, 1)).isInstanceOf(ComputeException.class)
        .hasMessageContaining("index 1");
    ComputeSource zero = longs(db, "zero", 1, 0);
    EagerLongVec div = longOut(db, "div");
    assertThatThrownBy(() -> div.computeDivide(0, small, zero)).isInstanceOf(ComputeException.class)
        .hasMessageContaining("'div', index 1: division by zero");
    ComputeSource min = longs(db, "min", Long.MIN_VALUE);
    ComputeSource one = longs(db, "one", 1);
    assertThatThrownBy(() -> longOut(db, "signed").computeSubtract(0, min, one))
        .isInstanceOf(ComputeException.class).hasMessageContaining("overflows");
  }

  @Test
  void cumulative() {
    ComputeSource a = longs(db, "a", 1, 2, 3, 4);
    ComputeSource b = longs(db, "b", 10, 20, 30);
    EagerLongVec sum = longOut(db, "sum");
    sum.computeCumulative(0, a);
    assertThat(sum.collect()).containsExactly(1, 3, 6, 10);
    EagerLongVec binary = longOut(db, "binary");
    binary.computeCumulativeBinary(0, a, b);
    assertThat(binary.collect()).containsExactly(11, 33, 66);
    EagerLongVec transformed = longOut(db, "transformed");
    transformed.computeCumulativeTransformedBinary(0, a, b, (x, y) -> x * y);
    assertThat(transformed.collect()).containsExactly(10, 50, 140);
    EagerDoubleVec dsum = doubleOut(db, "dsum");
    dsum.computeCumulative(0, doubles(db, "d", 0.5, 0.25, 1));
    assertThat(dsum.collect()).containsExactly(0.5, 0.75, 1.75);
  }

  @Test
  void counts() {
    ComputeSource s = longs(db, "s", 0, 5, 0, 7, 8);
    EagerLongVec count = longOut(db, "count");
    count.computeCumulativeCount(0, s, v -> v > 0);
    assertThat(count.collect()).containsExactly(0, 1, 1, 2, 3);
    EagerLongVec from = longOut(db, "from");
    from.computeCumulativeCountFrom(0, s, 2, v -> v > 0);
    assertThat(from.collect()).containsExactly(0, 0, 0, 1, 2);
    EagerLongVec rolling = longOut(db, "rolling");
    rolling.computeRollingCount(0, s, 2, v -> v > 0);
    assertThat(rolling.collect()).containsExactly(0, 1, 1, 1, 2);
  }

  @Test
  void sumsAndCountsFromIndexes() {
    ComputeSource first = longs(db, "first", 0, 2, 2);
    ComputeSource counts = longs(db, "counts", 2, 0, 3);
    ComputeSource source = longs(db, "source", 1, 2, 3, 4, 5);
    EagerLongVec sum = longOut(db, "sum");
    sum.computeSumFromIndexes(0, first, counts, source);
    assertThat(sum.collect()).containsExactly(3, 0, 12);
    EagerLongVec odd = longOut(db, "odd");
    odd.computeFilteredSumFromIndexes(0, first, counts, source, v -> v % 2 == 1);
    assertThat(odd.collect()).containsExactly(1, 0, 8);
    EagerLongVec partial = longOut(db, "partial");
    partial.computeSumFromIndexes(0, first, counts, longs(db, "short", 1, 2, 3, 4));
    assertThat(partial.collect()).as("stops at the group the source does not cover").containsExactly(3, 0);
    ComputeSource max = longs(db, "max", Long.MAX_VALUE, 1);
    EagerLongVec saturated = longOut(db, "saturated");
    saturated.computeSumFromIndexes(0, longs(db, "f0", 0), longs(db, "c2", 2), max);
    assertThat(saturated.collect()).containsExactly(Long.MAX_VALUE);

    ComputeSource starts = longs(db, "starts", 0, 2, 2, 5);
    ComputeSource other = longs(db, "other", 0, 0, 0, 0, 0, 0, 0);
    EagerLongVec groupSizes = longOut(db, "groupSizes");
    groupSizes.computeCountFromIndexes(0, starts, other);
    assertThat(groupSizes.collect()).containsExactly(2, 0, 3, 2);
    EagerLongVec even = longOut(db, "even");
    even.computeFilteredCountFromIndexes(0, starts, other, j -> j % 2 == 0);
    assertThat(even.collect()).containsExactly(1, 0, 2, 1);
  }

  @Test
  void aggregatesOfOthers() {
    List<ComputeSource> others = List.of(longs(db, "a", 1, 20), longs(db, "b", 10, 2), longs(db, "c", 100, 200, 3));
    EagerLongVec sum = longOut(db, "sum");
    sum.computeSumOfOthers(0, others);
    assertThat(sum.collect()).containsExactly(111, 222);
    EagerLongVec min = longOut(db, "min");
    min.computeMinOfOthers(0, others);
    assertThat(min.collect()).containsExactly(1, 2);
    EagerLongVec max = longOut(db, "max");
    max.computeMaxOfOthers(0, others);
    assertThat(max.collect()).containsExactly(100, 200);
    assertThatThrownBy(() -> sum.computeSumOfOthers(0, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector 'sum': others must have at least one element");

    EagerDoubleVec weighted = doubleOut(db, "weighted");
    List<ComputeSource> weights = List.of(doubles(db, "w1", 1, 0), doubles(db, "w2", 3, -1));
    List<ComputeSource> values = List.of(doubles(db, "v1", 10, 5), doubles(db, "v2", 20, 7));
    weighted.computeWeightedAverageOfOthers(0, weights, values);
    assertThat(weighted.collect()).containsExactly(17.5, 0);
    assertThatThrownBy(() -> weighted.computeWeightedAverageOfOthers(0, weights, values.subList(0, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 weights and 1 values");
    assertThatThrownBy(() -> weighted.computeWeightedAverageOfOthers(0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weights must have at least one");
  }

  @Test
  void unsignedSourcesAndTargetsCompareAsUnsigned() {
    LongVec big = db.longVec("big", NumberType.U64, VecOptions.DEFAULT);
    ComputeFixture.append(big, 1, -1, 2);
    EagerLongVec max = EagerLongVec.open(db, "max", NumberType.U64, VecOptions.DEFAULT);
    max.computeSlidingMax(0, ComputeSource.of(big), 2);
    assertThat(max.collect()).containsExactly(1, -1, -1);
    EagerDoubleVec asDouble = doubleOut(db, "asDouble");
    asDouble.computeTransform(0, ComputeSource.of(big), v -> v);
    assertThat(asDouble.get(1)).isCloseTo(1.8446744073709552E19, within(1e4));
  }
}
