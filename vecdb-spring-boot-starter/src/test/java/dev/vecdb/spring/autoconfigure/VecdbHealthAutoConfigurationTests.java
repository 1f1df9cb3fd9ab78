package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.StorageException;
import dev.vecdb.spring.FlushFailure;
import dev.vecdb.spring.VecdbFlusher;
import dev.vecdb.spring.health.VecdbHealthIndicator;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VecdbHealthAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbHealthAutoConfiguration.class));

  @TempDir
  Path dir;

  @Test
  void upWhenOpenWritableWithFreeSpace() {
    runner.withPropertyValues("vecdb.path=" + dir).run(context -> {
      context.getBean(VecdbFlusher.class).flush();
      Health health = context.getBean(VecdbHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("path", dir.toAbsolutePath().toString())
          .containsEntry("writable", true).containsKeys("freeSpace", "minFreeSpace", "lastFlush");
    });
  }

  @Test
  void downWhenFreeSpaceIsBelowTheThreshold() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.health.min-free-space=100000TB").run(context -> {
      Health health = context.getBean(VecdbHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) health.getDetails().get("error")).contains("free space");
    });
  }

  @Test
  void downWithDetailsWhenClosedAndAFlushFailed() {
    runner.withPropertyValues("vecdb.path=" + dir).run(context -> {
      context.getBean(Database.class).close();
      VecdbFlusher flusher = context.getBean(VecdbFlusher.class);
      assertThatThrownBy(flusher::flush).isInstanceOf(RuntimeException.class);
      Health health = context.getBean(VecdbHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("error", "database is closed").containsKeys("flushError",
          "flushFailedAt");
    });
  }

  @Test
  void downWhenTheLastFlushFailedOnAnOpenDatabase() {
    runner.withPropertyValues("vecdb.path=" + dir).withUserConfiguration(FailedFlush.class).run(context -> {
      Health health = context.getBean(VecdbHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat((String) health.getDetails().get("flushError")).contains("disk on fire");
      assertThat(health.getDetails()).doesNotContainKey("error");
    });
  }

  @Test
  void canBeDisabled() {
    runner.withPropertyValues("vecdb.path=" + dir, "management.health.vecdb.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(VecdbHealthIndicator.class));
  }

  @Test
  void backsOffWithoutTheHealthModule() {
    runner.withPropertyValues("vecdb.path=" + dir)
        .withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Database.class)
            .doesNotHaveBean(VecdbHealthIndicator.class));
  }

  @Test
  void aUserDefinedIndicatorWins() {
    runner.withPropertyValues("vecdb.path=" + dir)
        .withBean("vecdbHealthIndicator", VecdbHealthIndicator.class,
            () -> new VecdbHealthIndicator(null, null))
        .run(context -> assertThat(context).hasSingleBean(VecdbHealthIndicator.class));
  }

  /** A flusher whose last flush failed. */
  @Configuration(proxyBeanMethods = false)
  static class FailedFlush {
    @Bean
    VecdbFlusher failedFlusher(Database database) {
      return new VecdbFlusher(database, ObservationRegistry.NOOP, Clock.systemUTC()) {
        @Override
        public Optional<FlushFailure> lastFailure() {
          return Optional.of(new FlushFailure(Instant.EPOCH, new StorageException("disk on fire")));
        }
      };
    }
  }
}
