package dev.vecdb.compute;

import static dev.vecdb.compute.ComputeFixture.doubleOut;
import static dev.vecdb.compute.ComputeFixture.doubles;
import static dev.vecdb.compute.ComputeFixture.longOut;
import static dev.vecdb.compute.ComputeFixture.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vecdb.Database;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lookback, window and statistics computations against the original's values and start-of-series rules. */
class EagerStatisticsTest {
  private static final Offset<Double> EPS = within(1e-9);
  private static final double NAN = Double.NaN;

  @TempDir Path dir;
  Database db;
  ComputeSource pi;

  @BeforeEach
  void open() {
    db = Database.open(dir);
    pi = longs(db, "pi", 3, 1, 4, 1, 5, 9, 2, 6);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void slidingExtremes() {
    EagerLongVec max = longOut(db, "max");
    max.computeSlidingMax(0, pi, 3);
    assertThat(max.collect()).containsExactly(3, 3, 4, 4, 5, 9, 9, 9);
    EagerLongVec min = longOut(db, "min");
    min.computeSlidingMin(0, pi, 3);
    assertThat(min.collect()).containsExactly(3, 1, 1, 1, 1, 1, 2, 2);
    EagerLongVec runningMax = longOut(db, "runningMax");
    runningMax.computeSlidingMax(0, pi, EagerLongVec.UNBOUNDED);
    assertThat(runningMax.collect()).containsExactly(3, 3, 4, 4, 5, 9, 9, 9);
    EagerLongVec runningMin = longOut(db, "runningMin");
    runningMin.computeSlidingMin(0, pi, EagerLongVec.UNBOUNDED);
    assertThat(runningMin.collect()).containsExactly(3, 1, 1, 1, 1, 1, 1, 1);
    EagerDoubleVec doubleMax = doubleOut(db, "doubleMax");
    doubleMax.computeSlidingMax(0, pi, 1);
    assertThat(doubleMax.collect()).containsExactly(3, 1, 4, 1, 5, 9, 2, 6);
    assertThatThrownBy(() -> max.computeSlidingMax(0, pi, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector 'max': window must be positive, not 0");
  }

  @Test
  void slidingSumAndRollingMedian() {
    EagerLongVec sum = longOut(db, "sum");
    sum.computeSlidingSum(0, pi, 2);
    assertThat(sum.collect()).containsExactly(3, 4, 5, 5, 6, 14, 11, 8);
    EagerDoubleVec median = doubleOut(db, "median");
    median.computeRollingMedian(0, pi, 3);
    assertThat(median.collect()).containsExactly(3, 2, 3, 1, 4, 5, 5, 6);
  }

  @Test
  void allTimeHighsAndLows() {
    EagerLongVec high = longOut(db, "high");
    high.computeAllTimeHigh(0, pi);
    assertThat(high.collect()).containsExactly(3, 3, 4, 4, 5, 9, 9, 9);
    EagerLongVec low = longOut(db, "low");
    low.computeAllTimeLow(0, pi);
    assertThat(low.collect()).containsExactly(3, 1, 1, 1, 1, 1, 1, 1);
    EagerLongVec excluding = longOut(db, "excluding");
    excluding.computeAllTimeLow(0, longs(db, "zeros", 3, 0, 4, 2, 0, 1), true);
    assertThat(excluding.collect()).as("a 0 is output but never becomes the low").containsExactly(3, 0, 3, 2, 0, 1);
    ComputeSource signed = longs(db, "signed", 5, 1, -4, 1, -5, 9);
    EagerLongVec highFrom = longOut(db, "highFrom");
    highFrom.computeAllTimeHighFrom(0, signed, 2);
    assertThat(highFrom.collect()).containsExactly(0, 0, 0, 1, 1, 9);
    EagerLongVec lowFrom = longOut(db, "lowFrom");
    lowFrom.computeAllTimeLowFrom(0, signed, 2);
    assertThat(lowFrom.collect()).containsExactly(0, 0, -4, -4, -5, -5);
    EagerLongVec lowFromPositive = longOut(db, "lowFromPositive");
    lowFromPositive.computeAllTimeLowFrom(0, pi, 2);
    assertThat(lowFromPositive.collect()).as("starts at 0, as the original").containsOnly(0);
  }

  @Test
  void smaStartOfSeries() {
    ComputeSource s = doubles(db, "s", 2, 4, 6, 8, 10, 20);
    EagerDoubleVec sma = doubleOut(db, "sma");
    sma.computeSma(0, s, 3);
    assertThat(sma.collect()).usingComparatorWithPrecision(1e-9).containsExactly(2, 3, 4, 6, 8, 12.666666666666666);
    EagerDoubleVec late = doubleOut(db, "late");
    late.computeSma(0, s, 3, 2);
    assertThat(late.collect()).usingComparatorWithPrecision(1e-9).containsExactly(NAN, NAN, 6, 7, 8, 38.0 / 3);
  }

  @Test
  void emaAndRmaStartOfSeries() {
    ComputeSource s = doubles(db, "s", 2, 4, 6, 8, 10, 20);
    EagerDoubleVec ema = doubleOut(db, "ema");
    ema.computeEma(0, s, 3);
    assertThat(ema.collect()).containsExactly(2, 3, 4, 6, 8, 14);
    EagerDoubleVec rma = doubleOut(db, "rma");
    rma.computeRma(0, s, 2);
    assertThat(rma.collect()).containsExactly(2, 3, 4.5, 6.25, 8.125, 14.0625);
    EagerDoubleVec late = doubleOut(db, "late");
    late.computeEma(0, s, 2, 3);
    assertThat(late.collect()).usingComparatorWithPrecision(1e-9).containsExactly(NAN, NAN, NAN, 8, 9,
        20 * 2.0 / 3 + 9 / 3.0);
  }

  @Test
  void zscore() {
    EagerDoubleVec z = doubleOut(db, "z");
    z.computeZscore(0, doubles(db, "v", 1, 2, 3, 7), doubles(db, "mean", 1, 1.5, 2, 4),
        doubles(db, "sd", 1, 0.5, 1, 2));
    assertThat(z.collect()).containsExactly(0, 1, 1, 1.5);
  }

  @Test
  void lookbackOverAFixedDistance() {
    ComputeSource s = doubles(db, "s", 1, 3, 6);
    EagerDoubleVec previous = doubleOut(db, "previous");
    previous.computePreviousValue(0, s, 1);
    assertThat(previous.collect()).containsExactly(NAN, 1, 3);
    EagerDoubleVec ratio = doubleOut(db, "ratio");
    ratio.computeRatioChange(0, s, 1);
    assertThat(ratio.collect()).containsExactly(NAN, 2, 1);
    EagerDoubleVec pct = doubleOut(db, "pct");
    pct.computePercentageChange(0, s, 1);
    assertThat(pct.collect()).containsExactly(NAN, 200, 100);
    EagerLongVec change = longOut(db, "change");
    change.computeChange(0, longs(db, "l", 1, 3, 6, 10), 2);
    assertThat(change.collect()).containsExactly(0, 0, 5, 7);
  }

  @Test
  void lookbackToWindowStarts() {
    ComputeSource ws = longs(db, "ws", 0, 0, 1, 3);
    ComputeSource v = doubles(db, "v", 2, 4, 8, 16);
    EagerDoubleVec change = doubleOut(db, "change");
    change.computeRollingChange(0, ws, v);
    assertThat(change.collect()).containsExactly(0, 2, 4, 0);
    EagerDoubleVec ratio = doubleOut(db, "ratio");
    ratio.computeRollingRatioChange(0, ws, v);
    assertThat(ratio.collect()).containsExactly(0, 1, 1, 0);
    EagerDoubleVec pct = doubleOut(db, "pct");
    pct.computeRollingPercentageChange(0, ws, v);
    assertThat(pct.collect()).containsExactly(0, 100, 100, 0);
    EagerDoubleVec lookback = doubleOut(db, "lookback");
    lookback.computeLookback(0, ws, v);
    assertThat(lookback.collect()).containsExactly(2, 2, 4, 16);
    ComputeSource late = longs(db, "late", 1, 1);
    ComputeSource zero = doubles(db, "zero", 5, 0, 7);
    EagerDoubleVec notYet = doubleOut(db, "notYet");
    notYet.computeRollingChange(0, late, zero);
    assertThat(notYet.collect()).as("a window starting later has no previous value").containsExactly(0, 0);
    EagerDoubleVec toZero = doubleOut(db, "toZero");
    toZero.computeRollingRatioChange(0, longs(db, "starts", 0, 1, 1), zero);
    assertThat(toZero.collect()).as("a ratio to 0 is NaN, even to itself").containsExactly(0, NAN, NAN);
  }

  @Test
  void cagr() {
    EagerDoubleVec cagr = doubleOut(db, "cagr");
    cagr.computeCagr(0, doubles(db, "returns", 100, 0, -50), 730);
    assertThat(cagr.get(0)).isCloseTo(41.42, within(0.005));
    assertThat(cagr.get(1)).isZero();
    assertThat(cagr.get(2)).isCloseTo(-29.29, within(0.005));
    EagerDoubleVec year = doubleOut(db, "year");
    year.computeCagr(0, doubles(db, "oneYear", 100), 365);
    assertThat(year.collect()).containsExactly(100);
    assertThatThrownBy(() -> cagr.computeCagr(0, pi, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 365, not 0");
    assertThatThrownBy(() -> cagr.computeCagr(0, pi, 400)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not 400");
  }

  @Test
  void rollingWindowsFromStarts() {
    ComputeSource ws = longs(db, "ws", 0, 0, 1, 3);
    ComputeSource v = longs(db, "v", 2, 4, 8, 16);
    EagerLongVec sum = longOut(db, "sum");
    sum.computeRollingSum(0, ws, v);
    assertThat(sum.collect()).containsExactly(2, 6, 12, 16);
    EagerDoubleVec average = doubleOut(db, "average");
    average.computeRollingAverage(0, ws, v);
    assertThat(average.collect()).containsExactly(2, 3, 6, 16);
    ComputeSource s = longs(db, "s", 5, 1, 3, 2);
    EagerLongVec max = longOut(db, "max");
    max.computeRollingMaxFromStarts(0, ws, s);
    assertThat(max.collect()).containsExactly(5, 5, 3, 2);
    EagerLongVec min = longOut(db, "min");
    min.computeRollingMinFromStarts(0, ws, s);
    assertThat(min.collect()).containsExactly(5, 1, 1, 2);
    EagerDoubleVec ratio = doubleOut(db, "ratio");
    ratio.computeRollingRatio(0, longs(db, "r", 0, 0, 1), doubles(db, "num", 1, 2, 3), doubles(db, "den", 2, 0, 10));
    assertThat(ratio.collect()).containsExactly(0.5, 0, 0.5);
  }

  @Test
  void standardDeviations() {
    ComputeSource zeros = longs(db, "zeros", 0, 0, 0);
    ComputeSource v = doubles(db, "v", 1, 3, 5);
    ComputeSource mean = doubles(db, "mean", 1, 2, 3);
    EagerDoubleVec rolling = doubleOut(db, "rolling");
    rolling.computeRollingSd(0, zeros, v, mean);
    assertThat(rolling.collect()).usingComparatorWithPrecision(1e-9).containsExactly(0, 1, Math.sqrt(8.0 / 3));
    EagerDoubleVec expanding = doubleOut(db, "expanding");
    expanding.computeExpandingSd(0, v, mean);
    assertThat(expanding.collect()).containsExactly(rolling.collect());
    EagerDoubleVec windowed = doubleOut(db, "windowed");
    windowed.computeRollingSd(0, longs(db, "ws", 0, 0, 1), v, doubles(db, "m2", 1, 2, 4));
    assertThat(windowed.get(2)).isCloseTo(1, EPS);
  }

  @Test
  void exponentialAveragesFromStarts() {
    ComputeSource ws = longs(db, "ws", 0, 0, 0, 1);
    ComputeSource v = doubles(db, "v", 2, 4, 6, 8);
    EagerDoubleVec ema = doubleOut(db, "ema");
    ema.computeRollingEma(0, ws, v);
    assertThat(ema.collect()).usingComparatorWithPrecision(1e-9).containsExactly(2, 10.0 / 3, 14.0 / 3, 19.0 / 3);
    EagerDoubleVec rma = doubleOut(db, "rma");
    rma.computeRollingRma(0, ws, v);
    assertThat(rma.collect()).usingComparatorWithPrecision(1e-9).containsExactly(2, 3, 4, 16.0 / 3);
  }
}
