package dev.vecdb.sample.derived;

import dev.vecdb.compute.ComputeSource;
import dev.vecdb.compute.EagerDoubleVec;
import dev.vecdb.compute.EagerLongVec;
import dev.vecdb.compute.LazyDoubleFrom;
import dev.vecdb.compute.LazySources;
import dev.vecdb.vec.DoubleReadable;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The metrics derived from the chain with vecdb's computed vectors. Eager ones are stored in vectors declared in
 * {@code application.yml} and computed by {@code dev.vecdb.compute.EagerVec}: the simple and exponential moving
 * averages of the price ({@code price-sma}, {@code price-ema}), the cumulative transaction count
 * ({@code tx-count-cumulative}) and the rolling fee sum ({@code fees-rolling}). Each computation resumes where the
 * previous one stopped, and recomputes from {@code maxFrom} the values a reorg replaced. The fee per transaction
 * ({@value #FEE_PER_TX}) is a lazy vector: nothing is stored, every read divides the fees by the transaction count.
 *
 * <p>Threads: {@link #update(long, long)} mutates the eager vectors: call it on the chain's writer thread, under its
 * lock, after the sources were written. {@link #readFeePerTx(Function)} reads through readers, on any thread.
 */
@Component
public class DerivedMetrics {
  /** Name of the lazy fee-per-transaction series. */
  public static final String FEE_PER_TX = "fee-per-tx";
  /** Version of the lazy series' meaning. */
  private static final int FEE_PER_TX_VERSION = 1;

  private final DoubleVec price;
  private final IntVec txCount;
  private final LongVec fees;
  private final EagerDoubleVec priceSma;
  private final EagerDoubleVec priceEma;
  private final EagerLongVec txCountCumulative;
  private final EagerLongVec feesRolling;
  private final List<StoredVec> stored;
  private final DerivedProperties windows;

  /** The sources and the declared vectors the eager metrics are stored in, injected by name. */
  public DerivedMetrics(@Qualifier("price") DoubleVec price, @Qualifier("tx-count") IntVec txCount,
      @Qualifier("fees") LongVec fees, @Qualifier("price-sma") DoubleVec priceSma,
      @Qualifier("price-ema") DoubleVec priceEma, @Qualifier("tx-count-cumulative") LongVec txCountCumulative,
      @Qualifier("fees-rolling") LongVec feesRolling, DerivedProperties windows) {
    this.price = price;
    this.txCount = txCount;
    this.fees = fees;
    this.priceSma = EagerDoubleVec.wrap(priceSma);
    this.priceEma = EagerDoubleVec.wrap(priceEma);
    this.txCountCumulative = EagerLongVec.wrap(txCountCumulative);
    this.feesRolling = EagerLongVec.wrap(feesRolling);
    this.stored = List.of(priceSma, priceEma, txCountCumulative, feesRolling);
    this.windows = windows;
  }

  /**
   * Computes every eager metric up to the sources' length, first recomputing from {@code maxFrom} (the first height
   * a reorg replaced; {@link Long#MAX_VALUE} when the sources only grew), then stamps each with {@code stamp}.
   */
  public void update(long maxFrom, long stamp) {
    priceSma.computeSma(maxFrom, ComputeSource.of(price), windows.smaWindow());
    priceEma.computeEma(maxFrom, ComputeSource.of(price), windows.emaPeriod());
    txCountCumulative.computeCumulative(maxFrom, ComputeSource.of(txCount));
    feesRolling.computeSlidingSum(maxFrom, ComputeSource.of(fees), windows.feeWindow());
    stored.forEach(vector -> vector.stampedWrite(stamp));
  }

  /** The vectors the eager metrics are stored in. */
  public List<StoredVec> stored() {
    return stored;
  }

  /**
   * Applies {@code read} to the lazy fee per transaction (satoshis, {@code f64}): {@code fees[i] / tx-count[i]} over
   * the written values, computed on read through readers that are closed when {@code read} returns. It reads one
   * snapshot of each source: its length and values stay those of the states published when the read began.
   */
  public <T> T readFeePerTx(Function<? super DoubleReadable, T> read) {
    try (LongReader feeValues = fees.reader(); IntReader txCounts = txCount.reader()) {
      return read.apply(LazyDoubleFrom.divide(FEE_PER_TX, FEE_PER_TX_VERSION,
          LazySources.doubles(feeValues.snapshot()), LazySources.doubles(txCounts.snapshot())));
    }
  }
}
