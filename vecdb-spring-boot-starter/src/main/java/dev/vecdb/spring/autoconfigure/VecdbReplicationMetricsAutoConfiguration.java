package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.replication.Replication;
import dev.vecdb.spring.replication.ReplicationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the replication meters ({@link ReplicationMetrics}) when replication runs and Micrometer has a registry.
 */
@AutoConfiguration(after = VecdbReplicationAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry", "dev.vecdb.kafka.CommitPublisher"})
@ConditionalOnBean({MeterRegistry.class, Replication.class})
public final class VecdbReplicationMetricsAutoConfiguration {

  /** The replication meter binder. */
  @Bean
  @ConditionalOnMissingBean
  ReplicationMetrics vecdbReplicationMetrics(Replication replication) {
    return new ReplicationMetrics(replication);
  }
}
