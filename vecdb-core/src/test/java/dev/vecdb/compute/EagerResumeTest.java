package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Resuming: for every method, computing, appending to the sources and computing again gives exactly what computing
 * at once gives, across many small batches.
 */
class EagerResumeTest {
  private static final int FIRST = 500;
  private static final int TOTAL = 1200;

  @TempDir Path dir;

  /** The sources every case reads, grown in two steps. */
  record Sources(DoubleVec prices, LongVec volume, LongVec starts, LongVec heights, LongVec firsts, LongVec counts) {
    ComputeSource p() {
      return ComputeSource.of(prices);
    }

    ComputeSource v() {
      return ComputeSource.of(volume);
    }

    ComputeSource ws() {
      return ComputeSource.of(starts);
    }
  }

  static Stream<Arguments> longCases() {
    return Stream.<Object[]>of(
        longCase("transform", (e, s) -> e.computeTransform(Long.MAX_VALUE, s.v(), x -> x * 3)),
        longCase("indirectSequential", (e, s) -> e.computeIndirectSequential(Long.MAX_VALUE, s.ws(), s.v())),
        longCase("firstPerIndex", (e, s) -> e.computeFirstPerIndex(Long.MAX_VALUE, ComputeSource.of(s.heights()))),
        longCase("subtract", (e, s) -> e.computeSubtract(Long.MAX_VALUE, s.v(), s.ws())),
        longCase("cumulative", (e, s) -> e.computeCumulative(Long.MAX_VALUE, s.v())),
        longCase("cumulativeBinary", (e, s) -> e.computeCumulativeBinary(Long.MAX_VALUE, s.v(), s.ws())),
        longCase("cumulativeCountFrom",
            (e, s) -> e.computeCumulativeCountFrom(Long.MAX_VALUE, s.v(), 100, x -> x % 3 == 0)),
        longCase("rollingCount", (e, s) -> e.computeRollingCount(Long.MAX_VALUE, s.v(), 9, x -> x % 2 == 0)),
        longCase("change", (e, s) -> e.computeChange(Long.MAX_VALUE, s.v(), 5)),
        longCase("lookback", (e, s) -> e.computeLookback(Long.MAX_VALUE, s.ws(), s.v())),
        longCase("maxOfOthers", (e, s) -> e.computeMaxOfOthers(Long.MAX_VALUE, List.of(s.v(), s.ws()))),
        longCase("sumFromIndexes", (e, s) -> e.computeSumFromIndexes(Long.MAX_VALUE, ComputeSource.of(s.firsts()),
            ComputeSource.of(s.counts()), s.v())),
        longCase("countFromIndexes", (e, s) -> e.computeCountFromIndexes(Math.max(0, e.len() - 1),
            ComputeSource.of(s.firsts()), s.v())),
        longCase("slidingMax", (e, s) -> e.computeSlidingMax(Long.MAX_VALUE, s.v(), 7)),
        longCase("slidingMin", (e, s) -> e.computeSlidingMin(Long.MAX_VALUE, s.v(), 33)),
        longCase("allTimeHigh", (e, s) -> e.computeAllTimeHigh(Long.MAX_VALUE, s.v())),
        longCase("allTimeLowExcludingDefault", (e, s) -> e.computeAllTimeLow(Long.MAX_VALUE, s.v(), true)),
        longCase("allTimeHighFrom", (e, s) -> e.computeAllTimeHighFrom(Long.MAX_VALUE, s.v(), 50)),
        longCase("slidingSum", (e, s) -> e.computeSlidingSum(Long.MAX_VALUE, s.v(), 11)),
        longCase("rollingSum", (e, s) -> e.computeRollingSum(Long.MAX_VALUE, s.ws(), s.v())),
        longCase("rollingMinFromStarts", (e, s) -> e.computeRollingMinFromStarts(Long.MAX_VALUE, s.ws(), s.v())))
        .map(Arguments::of);
  }

  static Stream<Arguments> doubleCases() {
    return Stream.<Object[]>of(
        doubleCase("percentage", (e, s) -> e.computePercentage(Long.MAX_VALUE, s.p(), s.v())),
        doubleCase("previousValue", (e, s) -> e.computePreviousValue(Long.MAX_VALUE, s.p(), 3)),
        doubleCase("ratioChange", (e, s) -> e.computeRatioChange(Long.MAX_VALUE, s.p(), 3)),
        doubleCase("rollingPercentageChange",
            (e, s) -> e.computeRollingPercentageChange(Long.MAX_VALUE, s.ws(), s.p())),
        doubleCase("cagr", (e, s) -> e.computeCagr(Long.MAX_VALUE, s.p(), 1095)),
        doubleCase("weightedAverage", (e, s) -> e.computeWeightedAverageOfOthers(Long.MAX_VALUE,
            List.of(s.v(), s.ws()), List.of(s.p(), s.v()))),
        doubleCase("rollingRatio", (e, s) -> e.computeRollingRatio(Long.MAX_VALUE, s.ws(), s.p(), s.v())),
        doubleCase("sma", (e, s) -> e.computeSma(Long.MAX_VALUE, s.p(), 20)),
        doubleCase("smaFrom", (e, s) -> e.computeSma(Long.MAX_VALUE, s.p(), 20, 30)),
        doubleCase("ema", (e, s) -> e.computeEma(Long.MAX_VALUE, s.p(), 12)),
        doubleCase("rmaFrom", (e, s) -> e.computeRma(Long.MAX_VALUE, s.p(), 14, 10)),
        doubleCase("rollingMedian", (e, s) -> e.computeRollingMedian(Long.MAX_VALUE, s.p(), 8)),
        doubleCase("rollingAverage", (e, s) -> e.computeRollingAverage(Long.MAX_VALUE, s.ws(), s.p())),
        doubleCase("rollingSd", (e, s) -> e.computeRollingSd(Long.MAX_VALUE, s.ws(), s.p(), s.p())),
        doubleCase("expandingSd", (e, s) -> e.computeExpandingSd(Long.MAX_VALUE, s.p(), s.v())),
        doubleCase("rollingEma", (e, s) -> e.computeRollingEma(Long.MAX_VALUE, s.ws(), s.p())),
        doubleCase("rollingRma", (e, s) -> e.computeRollingRma(Long.MAX_VALUE, s.ws(), s.p())),
        doubleCase("rollingMaxFromStarts", (e, s) -> e.computeRollingMaxFromStarts(Long.MAX_VALUE, s.ws(), s.p())),
        doubleCase("zscore", (e, s) -> e.computeZscore(Long.MAX_VALUE, s.p(), s.v(), s.ws())))
        .map(Arguments::of);
  }

  private static Object[] longCase(String name, BiConsumer<EagerLongVec, Sources> compute) {
    return new Object[] {name, compute};
  }

  private static Object[] doubleCase(String name, BiConsumer<EagerDoubleVec, Sources> compute) {
    return new Object[] {name, compute};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longCases")
  void longResumeEqualsAtOnce(String name, BiConsumer<EagerLongVec, Sources> compute) {
    try (Database db = Database.open(dir)) {
      Sources s = sources(db);
      EagerLongVec resumed = EagerLongVec.open(db, "resumed", NumberType.I64, VecOptions.DEFAULT);
      resumed.batchSize(64);
      compute.accept(resumed, s);
      assertThat(resumed.len()).as("computed something").isPositive();
      assertThat(resumed.vec().pushedLen()).as("every batch written").isZero();
      grow(s);
      long before = resumed.len();
      compute.accept(resumed, s);
      assertThat(resumed.len()).isGreaterThan(before);
      EagerLongVec once = EagerLongVec.open(db, "once", NumberType.I64, VecOptions.DEFAULT);
      compute.accept(once, s);
      assertThat(resumed.collect()).containsExactly(once.collect());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubleCases")
  void doubleResumeEqualsAtOnce(String name, BiConsumer<EagerDoubleVec, Sources> compute) {
    try (Database db = Database.open(dir)) {
      Sources s = sources(db);
      EagerDoubleVec resumed = EagerDoubleVec.open(db, "resumed", VecOptions.DEFAULT);
      resumed.batchSize(64);
      compute.accept(resumed, s);
      assertThat(resumed.vec().pushedLen()).as("every batch written").isZero();
      grow(s);
      long before = resumed.len();
      compute.accept(resumed, s);
      assertThat(resumed.len()).isGreaterThan(before);
      EagerDoubleVec once = EagerDoubleVec.open(db, "once", VecOptions.DEFAULT);
      compute.accept(once, s);
      assertThat(resumed.collect()).containsExactly(once.collect());
    }
  }

  /** Sources holding the first {@value #FIRST} values. */
  private static Sources sources(Database db) {
    Sources s = new Sources(db.doubleVec("prices", VecOptions.DEFAULT),
        db.longVec("volume", NumberType.I64, VecOptions.DEFAULT),
        db.longVec("starts", NumberType.I64, VecOptions.DEFAULT),
        db.longVec("heights", NumberType.I64, VecOptions.DEFAULT),
        db.longVec("firsts", NumberType.I64, VecOptions.DEFAULT),
        db.longVec("counts", NumberType.I64, VecOptions.DEFAULT));
    fill(s, 0, FIRST);
    return s;
  }

  private static void grow(Sources s) {
    fill(s, FIRST, TOTAL);
  }

  /** Deterministic values {@code [from, to)}: prices in halves (exact sums), increasing starts, gapped heights. */
  private static void fill(Sources s, int from, int to) {
    SplittableRandom random = new SplittableRandom(42);
    double price = 100;
    long first = 0;
    for (int i = 0; i < to; i++) {
      price = Math.max(0.5, price + (random.nextInt(9) - 4) * 0.5);
      long volume = random.nextInt(1000);
      long count = i % 4;
      if (i >= from) {
        s.prices().push(price);
        s.volume().push(volume);
        s.starts().push(Math.max(0, i / 16 * 16 - 16));
        s.heights().push(i / 3 * 2);
        s.firsts().push(first);
        s.counts().push(count);
      }
      first += count;
    }
    s.prices().write();
    s.volume().write();
    s.starts().write();
    s.heights().write();
    s.firsts().write();
    s.counts().write();
  }
}
