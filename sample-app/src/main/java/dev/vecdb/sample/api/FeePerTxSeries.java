package dev.vecdb.sample.api;

import dev.vecdb.sample.derived.DerivedMetrics;
import dev.vecdb.vec.Exportable;
import java.util.function.Function;

/**
 * The lazy fee-per-transaction series of {@link DerivedMetrics}: computed on every read, nothing stored. Immutable.
 *
 * @param derived where the lazy vector comes from
 */
record FeePerTxSeries(DerivedMetrics derived) implements Series {
  @Override
  public String name() {
    return DerivedMetrics.FEE_PER_TX;
  }

  @Override
  public SeriesInfo info() {
    return derived.readFeePerTx(values -> SeriesInfo.lazy(name(), "f64", values.len()));
  }

  @Override
  public <T> T read(Function<? super Exportable, T> read) {
    return derived.readFeePerTx(read);
  }
}
