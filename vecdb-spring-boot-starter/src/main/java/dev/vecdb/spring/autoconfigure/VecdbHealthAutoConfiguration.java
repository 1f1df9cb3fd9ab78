package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.health.VecdbHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code vecdb} health indicator ({@link VecdbHealthIndicator}) when {@code spring-boot-health} is on
 * the class path and {@code management.health.vecdb.enabled} is not false. The enablement condition sits on a nested
 * class so that it is never evaluated when the health module is absent.
 */
@AutoConfiguration(after = VecdbAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public final class VecdbHealthAutoConfiguration {

  /** The indicator, when enabled. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(VecdbFlusher.class)
  @ConditionalOnEnabledHealthIndicator("vecdb")
  static final class Enabled {

    /** The indicator; a bean named {@code vecdbHealthIndicator} replaces it. */
    @Bean
    @ConditionalOnMissingBean(name = "vecdbHealthIndicator")
    VecdbHealthIndicator vecdbHealthIndicator(VecdbFlusher flusher, VecdbProperties properties) {
      return new VecdbHealthIndicator(flusher, properties.getHealth().getMinFreeSpace());
    }
  }
}
