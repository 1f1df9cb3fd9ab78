package dev.vecdb.sample.derived;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Windows of the derived metrics ({@code sample.derived.*}), in blocks. Immutable. Changing one recomputes nothing by
 * itself: bump the derived vector's {@code version} in {@code vecdb.vectors} so that it is recomputed from scratch.
 *
 * @param smaWindow Window of the simple moving average of the price
 * @param emaPeriod Period of the exponential moving average of the price
 * @param feeWindow Window of the rolling fee sum
 */
@ConfigurationProperties("sample.derived")
public record DerivedProperties(long smaWindow, long emaPeriod, long feeWindow) {
  /** Validates. */
  public DerivedProperties {
    if (smaWindow < 1 || emaPeriod < 1 || feeWindow < 1) {
      throw new IllegalArgumentException("sample.derived.sma-window (" + smaWindow + "), ema-period (" + emaPeriod
          + ") and fee-window (" + feeWindow + ") must be at least 1");
    }
  }
}
