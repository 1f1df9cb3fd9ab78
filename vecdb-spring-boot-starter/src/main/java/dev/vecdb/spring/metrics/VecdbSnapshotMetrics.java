package dev.vecdb.spring.metrics;

import dev.vecdb.spring.VecdbSnapshots;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds {@code vecdb.snapshot.size}: the data bytes the last snapshot written by {@link VecdbSnapshots} copied (NaN
 * before the first one). How long snapshots take is the {@code vecdb.snapshot} timer, from the snapshot
 * observation. Threads: the gauge is sampled on the registry's threads and reads one volatile field.
 */
public class VecdbSnapshotMetrics implements MeterBinder {
  private final VecdbSnapshots snapshots;

  /**
   * @param snapshots writes the snapshots
   */
  public VecdbSnapshotMetrics(VecdbSnapshots snapshots) {
    this.snapshots = snapshots;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("vecdb.snapshot.size", snapshots,
            s -> s.last().map(taken -> (double) taken.report().copiedBytes()).orElse(Double.NaN))
        .description("Data bytes the last snapshot copied (all-zero blocks are left as file holes)")
        .baseUnit(BaseUnits.BYTES).strongReference(true).register(registry);
  }
}
