package dev.vecdb.sample.derived;

import dev.vecdb.compute.LazyDoubleFrom;
import dev.vecdb.compute.LazySources;
import dev.vecdb.vec.DoubleReadable;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The metrics derived from the chain with vecdb's computed vectors ({@code dev.vecdb.compute}). The fee per
 * transaction ({@value #FEE_PER_TX}) is a lazy vector: nothing is stored, every read divides the fees by the
 * transaction count.
 *
 * <p>Threads: {@link #readFeePerTx(Function)} reads through readers, on any thread.
 */
@Component
public class DerivedMetrics {
  /** Name of the lazy fee-per-transaction series. */
  public static final String FEE_PER_TX = "fee-per-tx";
  /** Version of the lazy series' meaning. */
  private static final int FEE_PER_TX_VERSION = 1;

  private final IntVec txCount;
  private final LongVec fees;

  /** The sources, injected by name. */
  public DerivedMetrics(@Qualifier("tx-count") IntVec txCount, @Qualifier("fees") LongVec fees) {
    this.txCount = txCount;
    this.fees = fees;
  }

  /**
   * Applies {@code read} to the lazy fee per transaction (satoshis, {@code f64}): {@code fees[i] / tx-count[i]} over
   * the written values, computed on read through readers that are closed when {@code read} returns.
   */
  public <T> T readFeePerTx(Function<? super DoubleReadable, T> read) {
    try (LongReader feeValues = fees.reader(); IntReader txCounts = txCount.reader()) {
      return read.apply(LazyDoubleFrom.divide(FEE_PER_TX, FEE_PER_TX_VERSION, LazySources.doubles(feeValues),
          LazySources.doubles(txCounts)));
    }
  }
}
