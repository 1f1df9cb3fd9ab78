package dev.vecdb.spring.autoconfigure;

import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.VecdbVectors;
import dev.vecdb.spring.actuate.StampedVectorRollback;
import dev.vecdb.spring.actuate.VecdbEndpoint;
import dev.vecdb.spring.actuate.VectorRollback;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code vecdb} actuator endpoint ({@link VecdbEndpoint}) when the actuator is on the class path and
 * the endpoint is available (access not {@code none}, and exposed). The availability condition sits on a nested
 * class so that it is never evaluated when the actuator modules are absent.
 */
@AutoConfiguration(after = VecdbAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
    "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public final class VecdbEndpointAutoConfiguration {

  /** The endpoint beans, when the endpoint is available. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean({VecdbVectors.class, VecdbFlusher.class})
  @ConditionalOnAvailableEndpoint(VecdbEndpoint.class)
  static final class Available {

    /** The rollback the endpoint delegates to; rolls back with the stored change sets. */
    @Bean
    @ConditionalOnMissingBean
    VectorRollback vecdbVectorRollback() {
      return new StampedVectorRollback();
    }

    /** The endpoint. */
    @Bean
    @ConditionalOnMissingBean
    VecdbEndpoint vecdbEndpoint(VecdbVectors vectors, VecdbFlusher flusher, VectorRollback rollback,
        VecdbProperties properties) {
      return new VecdbEndpoint(vectors, flusher, rollback, properties.getEndpoint().getMaxValues(),
          properties.getEndpoint().isRollbackEnabled());
    }
  }
}
