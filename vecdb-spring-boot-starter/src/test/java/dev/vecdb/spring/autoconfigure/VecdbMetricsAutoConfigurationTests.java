package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.ClosedException;
import dev.vecdb.Database;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.metrics.VecdbMetrics;
import dev.vecdb.vec.LongVec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VecdbMetricsAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbMetricsAutoConfiguration.class,
          MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class, ObservationAutoConfiguration.class));

  @TempDir
  Path dir;

  @Test
  void vectorMetersFollowWrites() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.vectors.prices.type=i64").run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      LongVec prices = context.getBean("prices", LongVec.class);
      prices.push(1);
      prices.push(2);
      prices.push(3);
      prices.write();
      prices.delete(1);
      prices.stampedWrite(7);
      Tags tags = Tags.of("vector", "prices", "format", "bytes");
      assertThat(registry.get("vecdb.vector.length").tags(tags).gauge().value()).isEqualTo(3);
      assertThat(registry.get("vecdb.vector.holes").tags(tags).gauge().value()).isEqualTo(1);
      assertThat(registry.get("vecdb.vector.stamp").tags(tags).gauge().value()).isEqualTo(7);
      assertThat(registry.get("vecdb.vector.uncompressed.size").tags(tags).gauge().value()).isEqualTo(24);
      Database database = context.getBean(Database.class);
      long stored = prices.storedBytes();
      assertThat(stored).as("header, three values and a holes region").isGreaterThan(24);
      assertThat(registry.get("vecdb.vector.stored.size").tags(tags).gauge().value()).isEqualTo(stored);
      assertThat(registry.get("vecdb.vector.compression.ratio").tags(tags).gauge().value())
          .isEqualTo(24.0 / stored);
      assertThat(registry.get("vecdb.vector.stored.size").gauge().getId().getBaseUnit()).isEqualTo("bytes");
      assertThat(registry.get("vecdb.file.size").gauge().value()).isEqualTo(database.fileLength());
      assertThat(registry.get("vecdb.disk.usage").gauge().value()).isPositive();
      assertThat(registry.get("vecdb.disk.usage").gauge().getId().getBaseUnit()).isEqualTo("bytes");
    });
  }

  @Test
  void vectorMetersShowTheWrittenStateNotTheWritersPendingChanges() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.vectors.prices.type=i64").run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      LongVec prices = context.getBean("prices", LongVec.class);
      for (long value = 1; value <= 3; value++) {
        prices.push(value);
      }
      prices.delete(1);
      prices.stampedWrite(7);
      prices.delete(2);
      prices.updateStamp(9);
      prices.push(4);
      Tags tags = Tags.of("vector", "prices", "format", "bytes");
      assertThat(registry.get("vecdb.vector.holes").tags(tags).gauge().value()).isEqualTo(1);
      assertThat(registry.get("vecdb.vector.stamp").tags(tags).gauge().value()).isEqualTo(7);
      assertThat(registry.get("vecdb.vector.length").tags(tags).gauge().value()).isEqualTo(3);
      prices.write();
      assertThat(registry.get("vecdb.vector.holes").tags(tags).gauge().value()).isEqualTo(2);
      assertThat(registry.get("vecdb.vector.stamp").tags(tags).gauge().value()).isEqualTo(9);
      assertThat(registry.get("vecdb.vector.length").tags(tags).gauge().value()).isEqualTo(4);
    });
  }

  @Test
  void flushesAreTimedByTheirObservationWithOutcomeAndError() {
    runner.withPropertyValues("vecdb.path=" + dir).run(context -> {
      MeterRegistry registry = context.getBean(MeterRegistry.class);
      VecdbFlusher flusher = context.getBean(VecdbFlusher.class);
      flusher.flush();
      flusher.flush();
      assertThat(registry.get("vecdb.flush").tags("outcome", "success", "error", "none").timer().count())
          .isEqualTo(2);
      context.getBean(Database.class).close();
      assertThatThrownBy(flusher::flush).isInstanceOf(ClosedException.class);
      assertThat(registry.get("vecdb.flush").tags("outcome", "failure", "error", "ClosedException").timer().count())
          .isEqualTo(1);
      assertThat(flusher.lastFailure()).isPresent();
      assertThat(registry.get("vecdb.file.size").gauge().value()).isNaN();
    });
  }

  @Test
  void backsOffWithoutMicrometer() {
    runner.withPropertyValues("vecdb.path=" + dir).withClassLoader(new FilteredClassLoader("io.micrometer.core"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Database.class)
            .doesNotHaveBean(VecdbMetrics.class));
  }

  @Test
  void backsOffWithoutARegistry() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbMetricsAutoConfiguration.class))
        .withPropertyValues("vecdb.path=" + dir)
        .run(context -> assertThat(context).doesNotHaveBean(VecdbMetrics.class));
  }

  @Test
  void aUserDefinedBinderWins() {
    runner.withPropertyValues("vecdb.path=" + dir)
        .withBean("userMetrics", VecdbMetrics.class, () -> new VecdbMetrics(null) {
          @Override
          public void bindTo(MeterRegistry registry) {}
        })
        .run(context -> {
          assertThat(context).hasSingleBean(VecdbMetrics.class);
          assertThat(context.getBean(MeterRegistry.class).find("vecdb.file.size").gauge()).isNull();
        });
  }
}
