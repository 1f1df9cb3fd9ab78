package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.spring.VecdbConfigurationException;
import dev.vecdb.spring.VecdbSnapshots;
import dev.vecdb.spring.actuate.SnapshotResult;
import dev.vecdb.spring.actuate.SnapshotStatus;
import dev.vecdb.spring.actuate.VecdbSnapshotEndpoint;
import dev.vecdb.vec.LongVec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class VecdbSnapshotEndpointAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class,
          VecdbSnapshotEndpointAutoConfiguration.class, VecdbSnapshotMetricsAutoConfiguration.class))
      .withPropertyValues("management.endpoints.web.exposure.include=vecdbsnapshot", "vecdb.vectors.prices.type=i64");

  @TempDir
  Path dir;

  private ApplicationContextRunner enabled() {
    return runner.withPropertyValues("vecdb.path=" + dir.resolve("db"), "vecdb.endpoint.snapshot-enabled=true",
        "vecdb.endpoint.snapshot-directory=" + dir.resolve("snapshots"));
  }

  private static void pushAndFlush(Database database, LongVec prices, long from, long to) {
    for (long value = from; value < to; value++) {
      prices.push(value);
    }
    prices.write();
    database.flush();
  }

  @Test
  void isOffByDefaultAndSaysWhichPropertiesTurnItOn() {
    runner.withPropertyValues("vecdb.path=" + dir).run(context -> {
      assertThat(context).doesNotHaveBean(VecdbSnapshots.class);
      VecdbSnapshotEndpoint endpoint = context.getBean(VecdbSnapshotEndpoint.class);
      assertThat(endpoint.status()).isEqualTo(new SnapshotStatus(false, null, null));
      WebEndpointResponse<SnapshotResult> answer = endpoint.snapshot("first");
      assertThat(answer.getStatus()).isEqualTo(403);
      assertThat(answer.getBody().taken()).isFalse();
      assertThat(answer.getBody().error()).contains("vecdb.endpoint.snapshot-enabled=true")
          .contains("vecdb.endpoint.snapshot-directory");
      assertThat(dir.resolve("first")).doesNotExist();
    });
  }

  @Test
  void enabledWithoutADirectoryStopsStartupNamingTheProperty() {
    runner.withPropertyValues("vecdb.path=" + dir, "vecdb.endpoint.snapshot-enabled=true").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).isInstanceOf(VecdbConfigurationException.class)
          .hasMessageContaining("invalid vecdb.endpoint.snapshot-directory");
    });
  }

  @Test
  void writesTheLastCommitUnderTheDirectoryAndTheCopyOpensWithItsValues() {
    enabled().run(context -> {
      Database database = context.getBean(Database.class);
      LongVec prices = context.getBean("prices", LongVec.class);
      pushAndFlush(database, prices, 0, 1000);
      prices.push(1000);
      prices.write(); // written, not flushed: not part of the commit
      WebEndpointResponse<SnapshotResult> answer = context.getBean(VecdbSnapshotEndpoint.class).snapshot("nightly");
      assertThat(answer.getStatus()).isEqualTo(200);
      SnapshotResult result = answer.getBody();
      Path target = dir.resolve("snapshots").resolve("nightly").toAbsolutePath();
      assertThat(result.taken()).isTrue();
      assertThat(result.target()).isEqualTo(target.toString());
      assertThat(result.commitNumber()).isEqualTo(database.commitNumber());
      assertThat(result.copiedBytes()).isPositive();
      assertThat(result.durationMillis()).isNotNegative();
      assertThat(result.error()).isNull();
      assertThat(context.getBean(VecdbSnapshotEndpoint.class).status().last()).isEqualTo(result);
      try (Database copy = Database.open(target, DatabaseOptions.DEFAULT.withReadOnly(true))) {
        assertThat(copy.commitNumber()).isEqualTo(result.commitNumber());
        LongVec copied = copy.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
        assertThat(copied.len()).isEqualTo(1000);
        assertThat(copied.fold(0, copied.len(), 0L, Long::sum)).isEqualTo(999L * 1000 / 2);
      }
    });
  }

  @Test
  void anUnnamedSnapshotIsNamedAfterItsTime() {
    enabled().run(context -> {
      pushAndFlush(context.getBean(Database.class), context.getBean("prices", LongVec.class), 0, 10);
      SnapshotResult result = context.getBean(VecdbSnapshotEndpoint.class).snapshot(null).getBody();
      Path target = Path.of(result.target());
      assertThat(target.getParent()).isEqualTo(dir.resolve("snapshots").toAbsolutePath());
      assertThat(target.getFileName().toString()).matches("snapshot-\\d{8}T\\d{6}\\.\\d{3}Z");
      assertThat(target.resolve("regions")).exists();
    });
  }

  @Test
  void aNameThatCouldLeaveTheDirectoryIsABadRequest() {
    enabled().run(context -> {
      VecdbSnapshotEndpoint endpoint = context.getBean(VecdbSnapshotEndpoint.class);
      for (String name : List.of("../escape", "a/b", "..", ".hidden", "", "x".repeat(101), "a b")) {
        assertThatThrownBy(() -> endpoint.snapshot(name)).as(name)
            .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("invalid snapshot name");
      }
      assertThat(dir.resolve("escape")).doesNotExist();
      assertThat(dir.resolve("snapshots")).doesNotExist();
    });
  }

  @Test
  void anExistingSnapshotIsAConflictAndStaysAsItWas() {
    enabled().run(context -> {
      Database database = context.getBean(Database.class);
      LongVec prices = context.getBean("prices", LongVec.class);
      pushAndFlush(database, prices, 0, 10);
      VecdbSnapshotEndpoint endpoint = context.getBean(VecdbSnapshotEndpoint.class);
      long first = endpoint.snapshot("daily").getBody().commitNumber();
      pushAndFlush(database, prices, 10, 20);
      WebEndpointResponse<SnapshotResult> again = endpoint.snapshot("daily");
      assertThat(again.getStatus()).isEqualTo(409);
      assertThat(again.getBody().taken()).isFalse();
      assertThat(again.getBody().error()).contains("daily");
      try (Database copy = Database.open(dir.resolve("snapshots/daily"), DatabaseOptions.DEFAULT.withReadOnly(true))) {
        assertThat(copy.commitNumber()).isEqualTo(first);
        assertThat(copy.longVec("prices", NumberType.I64, VecOptions.DEFAULT).len()).isEqualTo(10);
      }
    });
  }

  @Test
  void aTargetInTheWayOrAClosedDatabaseWritesNothing() throws Exception {
    Path snapshots = dir.resolve("snapshots");
    Files.createDirectories(snapshots);
    Files.writeString(snapshots.resolve("blocked"), "a file where the copy's directory should go");
    enabled().run(context -> {
      WebEndpointResponse<SnapshotResult> answer = context.getBean(VecdbSnapshotEndpoint.class).snapshot("blocked");
      assertThat(answer.getStatus()).isEqualTo(409);
      assertThat(answer.getBody().taken()).isFalse();
      assertThat(answer.getBody().error()).contains("blocked");
      assertThat(Files.readString(snapshots.resolve("blocked"))).startsWith("a file");
      context.getBean(Database.class).close();
      WebEndpointResponse<SnapshotResult> closed = context.getBean(VecdbSnapshotEndpoint.class).snapshot("late");
      assertThat(closed.getStatus()).isEqualTo(500);
      assertThat(closed.getBody().error()).isNotBlank();
      assertThat(snapshots.resolve("late")).satisfiesAnyOf(
          late -> assertThat(late).doesNotExist(), late -> assertThat(late).isEmptyDirectory());
    });
  }

  /**
   * Snapshots taken while a writer pushes and flushes: the writer commits 100 values per flush, so a copy at commit
   * {@code c} must hold exactly the values {@code 0 .. 100 c - 1}, never a partly copied commit.
   */
  @Test
  void snapshotsUnderAWriterEachHoldExactlyTheirCommit() {
    enabled().run(context -> {
      Database database = context.getBean(Database.class);
      LongVec prices = context.getBean("prices", LongVec.class);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicReference<Throwable> writerFailure = new AtomicReference<>();
      Thread writer = Thread.ofPlatform().start(() -> {
        try {
          for (long batch = 0; !stop.get(); batch++) {
            pushAndFlush(database, prices, batch * 100, batch * 100 + 100);
          }
        } catch (Throwable e) {
          writerFailure.set(e);
        }
      });
      List<SnapshotResult> results = new ArrayList<>();
      VecdbSnapshotEndpoint endpoint = context.getBean(VecdbSnapshotEndpoint.class);
      try {
        for (int i = 0; i < 7; i++) {
          results.add(endpoint.snapshot("s" + i).getBody());
        }
        // The writer may not have been scheduled while those ran: the last snapshot waits for a commit past the first.
        long first = results.getFirst().commitNumber();
        await().atMost(Duration.ofSeconds(60)).until(() -> database.commitNumber() > first
            || writerFailure.get() != null);
        results.add(endpoint.snapshot("s7").getBody());
      } finally {
        stop.set(true);
        writer.join();
      }
      assertThat(writerFailure.get()).isNull();
      assertThat(results).extracting(SnapshotResult::commitNumber).isSorted();
      long firstCommit = results.getFirst().commitNumber();
      assertThat(results.getLast().commitNumber()).isGreaterThan(firstCommit);
      for (SnapshotResult result : results) {
        try (Database copy = Database.open(Path.of(result.target()), DatabaseOptions.DEFAULT.withReadOnly(true))) {
          assertThat(copy.commitNumber()).isEqualTo(result.commitNumber());
          if (result.commitNumber() == 0) { // before the writer's first flush, which also creates the vector
            assertThat(copy.hasVector("prices")).isFalse();
            continue;
          }
          LongVec copied = copy.longVec("prices", NumberType.I64, VecOptions.DEFAULT);
          long expected = result.commitNumber() * 100;
          assertThat(copied.len()).as(result.target()).isEqualTo(expected);
          assertThat(copied.fold(0, copied.len(), 0L, Long::sum)).isEqualTo(expected * (expected - 1) / 2);
        }
      }
    });
  }

  @Test
  void snapshotsAreTimedAndTheirSizeIsAGauge() {
    enabled().withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
        SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
        ObservationAutoConfiguration.class)).run(context -> {
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          assertThat(registry.get("vecdb.snapshot.size").gauge().value()).isNaN();
          pushAndFlush(context.getBean(Database.class), context.getBean("prices", LongVec.class), 0, 5000);
          SnapshotResult result = context.getBean(VecdbSnapshotEndpoint.class).snapshot("metered").getBody();
          assertThat(registry.get("vecdb.snapshot.size").gauge().value()).isEqualTo((double) result.copiedBytes());
          assertThat(registry.get("vecdb.snapshot.size").gauge().getId().getBaseUnit()).isEqualTo("bytes");
          assertThat(registry.get("vecdb.snapshot").tag("outcome", "success").timer().count()).isEqualTo(1);
          context.getBean(VecdbSnapshotEndpoint.class).snapshot("metered");
          assertThat(registry.get("vecdb.snapshot").tag("outcome", "failure").timer().count()).isEqualTo(1);
        });
  }

  @Test
  void isAbsentWhenNotExposedOrWithoutTheActuator() {
    enabled().withPropertyValues("management.endpoints.web.exposure.include=health")
        .run(context -> assertThat(context).doesNotHaveBean(VecdbSnapshotEndpoint.class)
            .doesNotHaveBean(VecdbSnapshots.class));
    enabled().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(Database.class)
            .doesNotHaveBean(VecdbSnapshotEndpoint.class));
  }
}
