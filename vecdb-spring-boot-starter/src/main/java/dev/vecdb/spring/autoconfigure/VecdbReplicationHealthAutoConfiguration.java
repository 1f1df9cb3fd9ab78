package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.replication.Replication;
import dev.vecdb.spring.replication.ReplicationHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code vecdbReplication} health indicator ({@link ReplicationHealthIndicator}) when replication runs,
 * {@code spring-boot-health} is on the class path and {@code management.health.vecdb-replication.enabled} is not
 * false. The enablement condition sits on a nested class so that it is never evaluated when the health module is
 * absent.
 */
@AutoConfiguration(after = VecdbReplicationAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.health.contributor.HealthIndicator",
    "dev.vecdb.kafka.CommitPublisher"})
public final class VecdbReplicationHealthAutoConfiguration {

  /** The indicator, when enabled. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Replication.class)
  @ConditionalOnEnabledHealthIndicator("vecdb-replication")
  static final class Enabled {

    /** The indicator; a bean named {@code vecdbReplicationHealthIndicator} replaces it. */
    @Bean
    @ConditionalOnMissingBean(name = "vecdbReplicationHealthIndicator")
    ReplicationHealthIndicator vecdbReplicationHealthIndicator(Replication replication) {
      return new ReplicationHealthIndicator(replication);
    }
  }
}
