package dev.vecdb.compute;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.vec.DoubleVec;

/**
 * An eager vector of {@code f64} values: prices and the statistics of series. On top of the shared transforms,
 * aggregates and windows ({@link EagerDoubleBase}, {@link EagerDoubleStats}) and the ratios and changes
 * ({@link EagerDoubleLookback}), it computes moving averages (SMA, EMA, RMA, over window starts too), standard
 * deviations, the rolling median and the z-score.
 *
 * <p>Start of the series: before {@code minIndex} the moving averages are {@code NaN}; while fewer than
 * {@code window} ({@code period}) values exist they are the mean of the values so far. The original computes these
 * in {@code f32}; here they are {@code f64}. See {@link EagerVec} for the framework and threads.
 */
public final class EagerDoubleVec extends EagerDoubleLookback {
  private EagerDoubleVec(DoubleVec vec) {
    super(vec);
  }

  /** Opens (creating if needed) the stored {@code f64} vector {@code name} (any format) as eager. */
  public static EagerDoubleVec open(Database database, String name, VecOptions options) {
    return new EagerDoubleVec(database.doubleVec(name, options));
  }

  /** Computes into an already opened vector. */
  public static EagerDoubleVec wrap(DoubleVec vec) {
    return new EagerDoubleVec(vec);
  }

  @Override
  int compare(double a, double b) {
    return Double.compare(a, b);
  }

  @Override
  double minus(long index, double a, double b) {
    return a - b;
  }

  @Override
  double plusSaturating(double a, double b) {
    return a + b;
  }

  // ---- moving averages over a fixed window ----

  /** The simple moving average of the last {@code window} values (dependency seed 2). */
  public void computeSma(long maxFrom, ComputeSource s, long window) {
    computeSma(maxFrom, s, window, 0);
  }

  /**
   * The simple moving average of the last {@code window} values from {@code minIndex} on: {@code NaN} before it,
   * the mean of the values since {@code minIndex} while there are fewer than {@code window}.
   */
  public void computeSma(long maxFrom, ComputeSource s, long window, long minIndex) {
    requirePositive("window", window);
    long skip = begin(2 + s.version(), maxFrom);
    ComputeDoubleSeries cur = new ComputeDoubleSeries(s);
    ComputeDoubleSeries leaving = new ComputeDoubleSeries(s);
    double[] prev = {previous(skip, Double.NaN)};
    run(s.len(), (from, end) -> {
      double p = prev[0];
      for (long i = from; i < end; i++) {
        long k = i - minIndex;
        double v = cur.at(i);
        if (k < 0) {
          p = Double.NaN;
        } else if (k == 0) {
          p = v;
        } else if (k < window) {
          p = (p * k + v) / (k + 1);
        } else {
          p += (v - leaving.at(i - window)) / window;
        }
        emit(p);
      }
      prev[0] = p;
      return end;
    });
  }

  /** The exponential moving average, {@code k = 2 / (period + 1)} (dependency seed 3). */
  public void computeEma(long maxFrom, ComputeSource s, long period) {
    computeEma(maxFrom, s, period, 0);
  }

  /** {@link #computeEma(long, ComputeSource, long)} from {@code minIndex} on ({@code NaN} before). */
  public void computeEma(long maxFrom, ComputeSource s, long period, long minIndex) {
    requirePositive("period", period);
    computeSmoothed(maxFrom, s, period, minIndex, 2.0 / (period + 1), 3);
  }

  /** The running (Wilder's) moving average, {@code k = 1 / period} (dependency seed 4). */
  public void computeRma(long maxFrom, ComputeSource s, long period) {
    computeRma(maxFrom, s, period, 0);
  }

  /** {@link #computeRma(long, ComputeSource, long)} from {@code minIndex} on ({@code NaN} before). */
  public void computeRma(long maxFrom, ComputeSource s, long period, long minIndex) {
    requirePositive("period", period);
    computeSmoothed(maxFrom, s, period, minIndex, 1.0 / period, 4);
  }

  /**
   * The rule EMA and RMA share: {@code NaN} before {@code minIndex}; the running mean of the first {@code period}
   * values; then {@code v * k + prev * (1 - k)}.
   */
  private void computeSmoothed(long maxFrom, ComputeSource s, long period, long minIndex, double k, int seed) {
    long skip = begin(seed + s.version(), maxFrom);
    ComputeDoubleSeries values = new ComputeDoubleSeries(s);
    double[] prev = {previous(skip, Double.NaN)};
    run(s.len(), (from, end) -> {
      double p = prev[0];
      for (long i = from; i < end; i++) {
        double v = values.at(i);
        if (i < minIndex) {
          p = Double.NaN;
        } else {
          long n = i - minIndex + 1;
          double last = Double.isNaN(p) ? 0 : p;
          p = n <= period ? (last * (n - 1) + v) / n : v * k + last * (1 - k);
        }
        emit(p);
      }
      prev[0] = p;
      return end;
    });
  }

  /** The median of the last {@code window} values (the mean of the two middle ones for an even count; seed 2). */
  public void computeRollingMedian(long maxFrom, ComputeSource s, long window) {
    requirePositive("window", window);
    if (window > Integer.MAX_VALUE - 8) {
      throw invalid("rolling median window " + window + " is too large to keep in memory");
    }
    long skip = begin(2 + s.version(), maxFrom);
    ComputeDoubleSeries cur = new ComputeDoubleSeries(s);
    ComputeDoubleSeries leaving = new ComputeDoubleSeries(s);
    ComputeMedianWindow sorted = new ComputeMedianWindow((int) window);
    for (long j = Math.max(0, skip - window); j < skip; j++) {
      sorted.add(cur.at(j));
    }
    run(s.len(), (from, end) -> {
      for (long i = from; i < end; i++) {
        if (i >= window) {
          sorted.remove(leaving.at(i - window));
        }
        sorted.add(cur.at(i));
        emit(sorted.median());
      }
      return end;
    });
  }

  /** {@code out[i] = (s[i] - sma[i]) / sd[i]}. */
  public void computeZscore(long maxFrom, ComputeSource s, ComputeSource sma, ComputeSource sd) {
    computeTransform3(maxFrom, s, sma, sd, (v, mean, deviation) -> (v - mean) / deviation);
  }

  // ---- windows from window starts ----

  /** The mean of {@code v[ws[i] ..= i]} (dependency seed 2). */
  public void computeRollingAverage(long maxFrom, ComputeSource ws, ComputeSource v) {
    long skip = begin(2 + versions(ws, v), maxFrom);
    ComputeDoubleWindowSum window = new ComputeDoubleWindowSum(ws, v, skip, false);
    run(end(ws, v), (from, end) -> {
      for (long i = from; i < end; i++) {
        double sum = window.advance(i);
        emit(sum / window.count(i));
      }
      return end;
    });
  }

  /**
   * The standard deviation of {@code v[ws[i] ..= i]} given its mean (from {@link #computeRollingAverage}):
   * {@code sqrt(max(0, sum(v^2) / count - mean^2))}.
   */
  public void computeRollingSd(long maxFrom, ComputeSource ws, ComputeSource v, ComputeSource mean) {
    long skip = begin(versions(ws, v, mean), maxFrom);
    ComputeDoubleWindowSum squares = new ComputeDoubleWindowSum(ws, v, skip, true);
    ComputeDoubleSeries means = new ComputeDoubleSeries(mean);
    run(end(ws, v, mean), (from, end) -> {
      for (long i = from; i < end; i++) {
        double sumSq = squares.advance(i);
        emit(deviation(sumSq, squares.count(i), means.at(i)));
      }
      return end;
    });
  }

  /** The standard deviation of {@code v[0 ..= i]} given its mean. */
  public void computeExpandingSd(long maxFrom, ComputeSource v, ComputeSource mean) {
    long skip = begin(versions(v, mean), maxFrom);
    ComputeDoubleSeries values = new ComputeDoubleSeries(v);
    ComputeDoubleSeries means = new ComputeDoubleSeries(mean);
    double[] sumSq = {0};
    for (long j = 0; j < skip; j++) {
      double x = values.at(j);
      sumSq[0] += x * x;
    }
    run(end(v, mean), (from, end) -> {
      double acc = sumSq[0];
      for (long i = from; i < end; i++) {
        double x = values.at(i);
        acc += x * x;
        emit(deviation(acc, i + 1, means.at(i)));
      }
      sumSq[0] = acc;
      return end;
    });
  }

  private static double deviation(double sumSq, long count, double mean) {
    return Math.sqrt(Math.max(0, sumSq / count - mean * mean));
  }

  /** The exponential average over window starts: {@code alpha = 2 / (span + 1)}, {@code span = i - ws[i] + 1}. */
  public void computeRollingEma(long maxFrom, ComputeSource ws, ComputeSource v) {
    computeRollingSmoothed(maxFrom, ws, v, 2);
  }

  /** The running average over window starts: {@code alpha = 1 / span}, {@code span = i - ws[i] + 1}. */
  public void computeRollingRma(long maxFrom, ComputeSource ws, ComputeSource v) {
    computeRollingSmoothed(maxFrom, ws, v, 1);
  }

  /** {@code out = alpha * v + (1 - alpha) * prev}, {@code alpha = weight / (span + weight - 1)}, prev from 0. */
  private void computeRollingSmoothed(long maxFrom, ComputeSource ws, ComputeSource v, int weight) {
    long skip = begin(2 + versions(ws, v), maxFrom);
    ComputeLongSeries starts = new ComputeLongSeries(ws);
    ComputeDoubleSeries values = new ComputeDoubleSeries(v);
    double[] prev = {previous(skip, 0)};
    run(end(ws, v), (from, end) -> {
      double p = prev[0];
      for (long i = from; i < end; i++) {
        long span = i - starts.at(i) + 1;
        double alpha = (double) weight / (span + weight - 1);
        p = alpha * values.at(i) + (1 - alpha) * p;
        emit(p);
      }
      prev[0] = p;
      return end;
    });
  }
}
