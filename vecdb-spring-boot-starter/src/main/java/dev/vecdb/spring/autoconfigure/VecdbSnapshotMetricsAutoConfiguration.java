package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbSnapshots;
import dev.vecdb.spring.metrics.VecdbSnapshotMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the snapshot meter ({@link VecdbSnapshotMetrics}) when snapshots are enabled and Micrometer has a
 * registry; the {@code vecdb.snapshot} timer comes from the snapshot observation.
 */
@AutoConfiguration(after = VecdbSnapshotEndpointAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, VecdbSnapshots.class})
public final class VecdbSnapshotMetricsAutoConfiguration {

  /** The snapshot meter binder. */
  @Bean
  @ConditionalOnMissingBean
  VecdbSnapshotMetrics vecdbSnapshotMetrics(VecdbSnapshots snapshots) {
    return new VecdbSnapshotMetrics(snapshots);
  }
}
