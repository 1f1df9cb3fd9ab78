package dev.vecdb.spring.autoconfigure;

import dev.vecdb.Database;
import dev.vecdb.spring.VecdbSnapshots;
import dev.vecdb.spring.actuate.VecdbSnapshotEndpoint;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the {@code vecdbsnapshot} actuator endpoint ({@link VecdbSnapshotEndpoint}) when the actuator is on the
 * class path and the endpoint is available (access not {@code none}, and exposed), and the {@link VecdbSnapshots}
 * that writes the snapshots when {@code vecdb.endpoint.snapshot-enabled} is true (the configuration then names a
 * {@code vecdb.endpoint.snapshot-directory}, checked at startup). The availability condition sits on a nested class
 * so that it is never evaluated when the actuator modules are absent.
 */
@AutoConfiguration(after = VecdbAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
    "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
public final class VecdbSnapshotEndpointAutoConfiguration {

  /** The endpoint, when available. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(Database.class)
  @ConditionalOnAvailableEndpoint(VecdbSnapshotEndpoint.class)
  static final class Available {

    /** Writes the snapshots, observed as {@code vecdb.snapshot}; only when snapshots are enabled. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty("vecdb.endpoint.snapshot-enabled")
    VecdbSnapshots vecdbSnapshots(Database database, VecdbProperties properties,
        ObjectProvider<ObservationRegistry> observations) {
      Path directory = Objects.requireNonNull(properties.getEndpoint().getSnapshotDirectory(),
          "vecdb.endpoint.snapshot-directory");
      return new VecdbSnapshots(database, directory, observations.getIfAvailable(() -> ObservationRegistry.NOOP),
          Clock.systemUTC());
    }

    /** The endpoint; it answers that snapshots are disabled when there is no {@link VecdbSnapshots}. */
    @Bean
    @ConditionalOnMissingBean
    VecdbSnapshotEndpoint vecdbSnapshotEndpoint(ObjectProvider<VecdbSnapshots> snapshots) {
      return new VecdbSnapshotEndpoint(snapshots.getIfAvailable());
    }
  }
}
