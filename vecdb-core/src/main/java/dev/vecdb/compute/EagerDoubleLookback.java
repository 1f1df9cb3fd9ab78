package dev.vecdb.compute;

import dev.vecdb.vec.DoubleVec;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The floating-point computations of ratios and changes: division, percentages, previous values and changes over a
 * fixed lookback or window starts, CAGR, weighted averages and rolling ratios. Undefined results are {@code NaN} as
 * in the original (a lookback before the start of the series, a ratio to 0). Part of {@link EagerDoubleVec}; see
 * {@link EagerVec} for the framework and threads.
 */
abstract class EagerDoubleLookback extends EagerDoubleStats {
  EagerDoubleLookback(DoubleVec vec) {
    super(vec);
  }

  // ---- arithmetic ----

  /** {@code out[i] = a[i] / b[i]} (IEEE: a division by 0 gives an infinity or NaN). */
  public void computeDivide(long maxFrom, ComputeSource a, ComputeSource b) {
    computeTransform2(maxFrom, a, b, (x, y) -> x / y);
  }

  /** {@code out[i] = a[i] * 100 / b[i]}. */
  public void computePercentage(long maxFrom, ComputeSource a, ComputeSource b) {
    computeTransform2(maxFrom, a, b, (x, y) -> x * 100 / y);
  }

  /** {@code out[i] = a[i] * 100 / b[i] - 100}. */
  public void computePercentageDifference(long maxFrom, ComputeSource a, ComputeSource b) {
    computeTransform2(maxFrom, a, b, (x, y) -> x * 100 / y - 100);
  }

  // ---- lookback over a fixed distance ----

  /** {@code out[i] = s[i - len]}, {@code NaN} for {@code i < len}. */
  public void computePreviousValue(long maxFrom, ComputeSource s, long len) {
    computeLookbackOf(maxFrom, s, len, (cur, ago) -> ago);
  }

  /** {@code out[i] = s[i] / s[i - len] - 1}, {@code NaN} for {@code i < len}. */
  public void computeRatioChange(long maxFrom, ComputeSource s, long len) {
    computeLookbackOf(maxFrom, s, len, (cur, ago) -> cur / ago - 1);
  }

  /** {@code out[i] = (s[i] / s[i - len] - 1) * 100}, {@code NaN} for {@code i < len}. */
  public void computePercentageChange(long maxFrom, ComputeSource s, long len) {
    computeLookbackOf(maxFrom, s, len, (cur, ago) -> (cur / ago - 1) * 100);
  }

  private void computeLookbackOf(long maxFrom, ComputeSource s, long len, DoubleBinaryOperator f) {
    requirePositive("len", len);
    begin(s.version(), maxFrom);
    ComputeDoubleSeries cur = new ComputeDoubleSeries(s);
    ComputeDoubleSeries ago = new ComputeDoubleSeries(s);
    run(s.len(), (from, end) -> {
      for (long i = from; i < end; i++) {
        emit(i < len ? Double.NaN : f.applyAsDouble(cur.at(i), ago.at(i - len)));
      }
      return end;
    });
  }

  // ---- lookback to window starts ----

  /**
   * {@code out[i] = f(values[i], prev)} where {@code prev} is the value at the window start {@code ws[i]}: the current
   * value itself when the window starts at {@code i}, {@code NaN} when it starts later.
   */
  public void computeRollingFromWindowStarts(long maxFrom, ComputeSource ws, ComputeSource values,
      DoubleBinaryOperator f) {
    begin(versions(ws, values), maxFrom);
    ComputeLongSeries starts = new ComputeLongSeries(ws);
    ComputeDoubleSeries cur = new ComputeDoubleSeries(values);
    ComputeDoubleSeries prev = new ComputeDoubleSeries(values);
    run(end(ws, values), (from, end) -> {
      for (long i = from; i < end; i++) {
        long start = starts.at(i);
        double v = cur.at(i);
        emit(f.applyAsDouble(v, start > i ? Double.NaN : start == i ? v : prev.at(start)));
      }
      return end;
    });
  }

  /** {@code cur / prev - 1} over window starts; {@code NaN} when {@code prev} is {@code NaN} or 0. */
  public void computeRollingRatioChange(long maxFrom, ComputeSource ws, ComputeSource values) {
    computeRollingFromWindowStarts(maxFrom, ws, values, EagerDoubleLookback::ratioChange);
  }

  /** {@code (cur / prev - 1) * 100} over window starts; {@code NaN} when {@code prev} is {@code NaN} or 0. */
  public void computeRollingPercentageChange(long maxFrom, ComputeSource ws, ComputeSource values) {
    computeRollingFromWindowStarts(maxFrom, ws, values, (cur, prev) -> ratioChange(cur, prev) * 100);
  }

  /** {@code cur - prev} over window starts; 0 when {@code prev} is {@code NaN}. */
  public void computeRollingChange(long maxFrom, ComputeSource ws, ComputeSource values) {
    computeRollingFromWindowStarts(maxFrom, ws, values, (cur, prev) -> Double.isNaN(prev) ? 0 : cur - prev);
  }

  private static double ratioChange(double cur, double prev) {
    return Double.isNaN(prev) || prev == 0 ? Double.NaN : cur / prev - 1;
  }

  /**
   * The compound annual growth rate, in percent, of total returns in percent over {@code days}:
   * {@code ((pct / 100 + 1) ^ (1 / years) - 1) * 100} with {@code years = days / 365}.
   *
   * @throws IllegalArgumentException if {@code days} is not a positive multiple of 365
   */
  public void computeCagr(long maxFrom, ComputeSource returnsPct, long days) {
    if (days <= 0 || days % 365 != 0) {
      throw invalid("CAGR needs a positive number of days that is a multiple of 365, not " + days);
    }
    double exponent = 1.0 / (days / 365);
    computeTransform(maxFrom, returnsPct, pct -> (Math.pow(pct / 100 + 1, exponent) - 1) * 100);
  }

  // ---- weighted and rolling ratios ----

  /**
   * {@code out[i]} = the average of {@code values[k][i]} weighted by {@code weights[k][i]} over the sources with a
   * positive weight; 0 when no weight is positive.
   *
   * @throws IllegalArgumentException if the lists are empty or differ in size
   */
  public void computeWeightedAverageOfOthers(long maxFrom, List<? extends ComputeSource> weights,
      List<? extends ComputeSource> values) {
    if (weights.size() != values.size()) {
      throw invalid("weights and values must pair up, got " + weights.size() + " weights and " + values.size()
          + " values");
    }
    ComputeSource[] w = nonEmpty(weights, "weights");
    ComputeSource[] v = nonEmpty(values, "values");
    begin(versions(w) + versions(v), maxFrom);
    ComputeDoubleSeries[] ws = new ComputeDoubleSeries[w.length];
    ComputeDoubleSeries[] vs = new ComputeDoubleSeries[v.length];
    for (int k = 0; k < w.length; k++) {
      ws[k] = new ComputeDoubleSeries(w[k]);
      vs[k] = new ComputeDoubleSeries(v[k]);
    }
    run(Math.min(end(w), end(v)), (from, end) -> {
      for (long i = from; i < end; i++) {
        double total = 0;
        double sum = 0;
        for (int k = 0; k < ws.length; k++) {
          double weight = ws[k].at(i);
          if (weight > 0) {
            total += weight;
            sum += weight * vs[k].at(i);
          }
        }
        emit(total == 0 ? 0 : sum / total);
      }
      return end;
    });
  }

  /** {@code out[i]} = the sum of {@code num[ws[i] ..= i]} divided by {@code den[i]}; 0 when {@code den[i]} is 0. */
  public void computeRollingRatio(long maxFrom, ComputeSource ws, ComputeSource num, ComputeSource den) {
    long skip = begin(versions(ws, num, den), maxFrom);
    ComputeDoubleWindowSum window = new ComputeDoubleWindowSum(ws, num, skip, false);
    ComputeDoubleSeries denominators = new ComputeDoubleSeries(den);
    run(end(ws, num, den), (from, end) -> {
      for (long i = from; i < end; i++) {
        double sum = window.advance(i);
        double d = denominators.at(i);
        emit(d == 0 ? 0 : sum / d);
      }
      return end;
    });
  }
}
