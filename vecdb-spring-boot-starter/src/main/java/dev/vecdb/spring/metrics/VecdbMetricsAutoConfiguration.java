package dev.vecdb.spring.metrics;

import dev.vecdb.spring.VecdbAutoConfiguration;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbVectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the vecdb meters ({@link VecdbMetrics}) to the Micrometer registry. Backs off without Micrometer on the
 * class path or without a {@link MeterRegistry} bean; runs after Boot's registry auto-configuration, named as a
 * string so the metrics module stays optional.
 */
@AutoConfiguration(after = VecdbAutoConfiguration.class,
    afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, VecdbVectors.class, VecdbFlusher.class})
public class VecdbMetricsAutoConfiguration {

  /** The vecdb meter binder, bound to every registry by Boot's metrics support. */
  @Bean
  @ConditionalOnMissingBean
  public VecdbMetrics vecdbMetrics(VecdbVectors vectors, VecdbFlusher flusher) {
    return new VecdbMetrics(vectors, flusher);
  }
}
