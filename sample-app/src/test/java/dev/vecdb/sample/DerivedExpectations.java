package dev.vecdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/**
 * Recomputes the derived metrics from the chain's series, as read over HTTP, with plain loops, and compares them with
 * what the service serves (with the windows set by the {@code *_PROPERTY} constants): the eager vectors
 * {@code price-sma}, {@code price-ema}, {@code tx-count-cumulative}, {@code fees-rolling} and the lazy
 * {@code fee-per-tx}.
 */
final class DerivedExpectations {
  static final int SMA_WINDOW = 20;
  static final int EMA_PERIOD = 30;
  static final int FEE_WINDOW = 10;
  static final String SMA_PROPERTY = "sample.derived.sma-window=" + SMA_WINDOW;
  static final String EMA_PROPERTY = "sample.derived.ema-period=" + EMA_PERIOD;
  static final String FEE_PROPERTY = "sample.derived.fee-window=" + FEE_WINDOW;

  private DerivedExpectations() {}

  /** Checks every derived metric over the whole chain, which must hold at most the API's max values. */
  static void assertDerivedMatchTheChain(HttpApi api) {
    int length = api.<Integer>read("/api/blocks/latest", "$.height") + 1;
    double[] prices = doubles(api, "price", length);
    long[] txCounts = longs(api, "tx-count", length);
    long[] fees = longs(api, "fees", length);
    double[] sma = doubles(api, "price-sma", length);
    double[] ema = doubles(api, "price-ema", length);
    long[] cumulative = longs(api, "tx-count-cumulative", length);
    long[] rolling = longs(api, "fees-rolling", length);
    double[] feePerTx = doubles(api, "fee-per-tx", length);
    double emaValue = 0;
    long txTotal = 0;
    for (int i = 0; i < length; i++) {
      assertThat(sma[i]).as("price-sma at %d", i).isCloseTo(mean(prices, i), within(1e-6 * prices[i]));
      long n = i + 1;
      emaValue = n <= EMA_PERIOD ? (emaValue * (n - 1) + prices[i]) / n
          : prices[i] * 2.0 / (EMA_PERIOD + 1) + emaValue * (1 - 2.0 / (EMA_PERIOD + 1));
      assertThat(ema[i]).as("price-ema at %d", i).isCloseTo(emaValue, within(1e-6 * prices[i]));
      txTotal += txCounts[i];
      assertThat(cumulative[i]).as("tx-count-cumulative at %d", i).isEqualTo(txTotal);
      assertThat(rolling[i]).as("fees-rolling at %d", i).isEqualTo(sum(fees, i));
      assertThat(feePerTx[i]).as("fee-per-tx at %d", i).isEqualTo((double) fees[i] / txCounts[i]);
    }
  }

  private static double mean(double[] values, int end) {
    int start = Math.max(0, end - SMA_WINDOW + 1);
    double total = 0;
    for (int i = start; i <= end; i++) {
      total += values[i];
    }
    return total / (end - start + 1);
  }

  private static long sum(long[] values, int end) {
    long total = 0;
    for (int i = Math.max(0, end - FEE_WINDOW + 1); i <= end; i++) {
      total += values[i];
    }
    return total;
  }

  private static double[] doubles(HttpApi api, String series, int length) {
    List<Number> values = values(api, series, length);
    return values.stream().mapToDouble(Number::doubleValue).toArray();
  }

  private static long[] longs(HttpApi api, String series, int length) {
    List<Number> values = values(api, series, length);
    return values.stream().mapToLong(Number::longValue).toArray();
  }

  private static List<Number> values(HttpApi api, String series, int length) {
    List<Number> values = api.read("/api/series/" + series + "?from=0&to=" + length, "$.values");
    assertThat(values).as(series).hasSize(length);
    return values;
  }
}
