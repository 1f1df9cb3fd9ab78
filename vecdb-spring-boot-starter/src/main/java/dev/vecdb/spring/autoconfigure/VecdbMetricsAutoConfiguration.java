package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.spring.metrics.VecdbMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the vecdb meters ({@link VecdbMetrics}) to the Micrometer registry. Backs off without Micrometer on the
 * class path or without a {@link MeterRegistry} bean; runs after Boot's registry auto-configuration, named as a
 * string so the metrics module stays optional. The flush timer is not bound here: it comes from the flush
 * observation, through Boot's observation support.
 */
@AutoConfiguration(after = VecdbAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, VecdbVectors.class})
public final class VecdbMetricsAutoConfiguration {

  /** The vecdb meter binder, bound to every registry by Boot's metrics support. */
  @Bean
  @ConditionalOnMissingBean
  VecdbMetrics vecdbMetrics(VecdbVectors vectors) {
    return new VecdbMetrics(vectors);
  }
}
