package dev.vecdb.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.spring.VecdbConfigurationException;
import dev.vecdb.spring.replication.Replication;
import dev.vecdb.spring.replication.ReplicationHealthIndicator;
import dev.vecdb.spring.replication.ReplicationMetrics;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When replication applies, and every bad setting stopping startup with the property named. */
class VecdbReplicationAutoConfigurationTests {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbReplicationAutoConfiguration.class,
          VecdbReplicationHealthAutoConfiguration.class, VecdbReplicationMetricsAutoConfiguration.class))
      .withPropertyValues("vecdb.vectors.prices.type=i64");

  @TempDir
  Path dir;

  private ApplicationContextRunner inDir() {
    return runner.withPropertyValues("vecdb.path=" + dir);
  }

  private static void assertNoReplication(AssertableApplicationContext context) {
    assertThat(context).hasNotFailed().hasSingleBean(Database.class).doesNotHaveBean(Replication.class)
        .doesNotHaveBean(ReplicationHealthIndicator.class).doesNotHaveBean(ReplicationMetrics.class);
    Database database = context.getBean(Database.class);
    assertThat(database.isReadOnly()).isFalse();
    assertThatThrownBy(database::outbox).isInstanceOf(IllegalStateException.class);
  }

  private static void assertFailsOn(AssertableApplicationContext context, String property, String problem) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    while (!(failure instanceof VecdbConfigurationException) && failure.getCause() != null) {
      failure = failure.getCause();
    }
    assertThat(failure).isInstanceOf(VecdbConfigurationException.class)
        .hasMessageContaining("invalid " + property + ": ").hasMessageContaining(problem);
    assertThat(((VecdbConfigurationException) failure).property()).isEqualTo(property);
  }

  @Test
  void roleNoneByDefaultOpensAPlainDatabase() {
    inDir().run(VecdbReplicationAutoConfigurationTests::assertNoReplication);
    inDir().withPropertyValues("vecdb.replication.role=none", "vecdb.replication.topic=chain")
        .run(VecdbReplicationAutoConfigurationTests::assertNoReplication);
  }

  @Test
  void withoutKafkaClientsTheStarterWorksWithoutReplication() {
    inDir().withClassLoader(new FilteredClassLoader("org.apache.kafka"))
        .run(VecdbReplicationAutoConfigurationTests::assertNoReplication);
    inDir().withClassLoader(new FilteredClassLoader("dev.vecdb.kafka"))
        .run(VecdbReplicationAutoConfigurationTests::assertNoReplication);
    inDir().withClassLoader(new FilteredClassLoader("org.springframework.boot.kafka"))
        .run(VecdbReplicationAutoConfigurationTests::assertNoReplication);
  }

  @Test
  void aRoleWithoutKafkaClientsStopsStartupRatherThanRunningUnreplicated() {
    inDir().withClassLoader(new FilteredClassLoader("org.apache.kafka"))
        .withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=chain")
        .run(context -> assertFailsOn(context, "vecdb.replication.role", "org.apache.kafka.clients.producer"));
    inDir().withClassLoader(new FilteredClassLoader("dev.vecdb.kafka"))
        .withPropertyValues("vecdb.replication.role=leader", "vecdb.replication.topic=chain")
        .run(context -> assertFailsOn(context, "vecdb.replication.role", "dev.vecdb.kafka.CommitPublisher"));
  }

  @Test
  void aRoleNeedsAValidTopic() {
    inDir().withPropertyValues("vecdb.replication.role=leader")
        .run(context -> assertFailsOn(context, "vecdb.replication.topic", "it is not set"));
    inDir().withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=chain commits")
        .run(context -> assertFailsOn(context, "vecdb.replication.topic", "'chain commits' is not a Kafka topic"));
    inDir().withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=..")
        .run(context -> assertFailsOn(context, "vecdb.replication.topic", "'..' is not a Kafka topic"));
  }

  @Test
  void otherBadSettingsNameTheirProperty() {
    ApplicationContextRunner leader = inDir().withPropertyValues("vecdb.replication.role=leader",
        "vecdb.replication.topic=chain");
    leader.withPropertyValues("vecdb.replication.transactional-id= ")
        .run(context -> assertFailsOn(context, "vecdb.replication.transactional-id", "blank"));
    leader.withPropertyValues("vecdb.replication.shutdown-timeout=-1s")
        .run(context -> assertFailsOn(context, "vecdb.replication.shutdown-timeout", "negative"));
    leader.withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.startup-timeout=-5s")
        .run(context -> assertFailsOn(context, "vecdb.replication.startup-timeout", "negative"));
    leader.withPropertyValues("vecdb.replication.role=follower", "vecdb.flush-interval=10s")
        .run(context -> assertFailsOn(context, "vecdb.flush-interval", "read-only"));
  }

  @Test
  void anUnknownRoleIsABindingFailure() {
    inDir().withPropertyValues("vecdb.replication.role=primary", "vecdb.replication.topic=chain").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      while (!(failure instanceof BindException) && failure.getCause() != null) {
        failure = failure.getCause();
      }
      assertThat(failure).isInstanceOf(BindException.class).hasMessageContaining("vecdb.replication.role");
    });
  }

  @Test
  void aFollowerWhoseSnapshotIsNoDirectoryStopsStartupNamingIt() {
    inDir().withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=chain",
            "vecdb.replication.snapshot=" + dir.resolve("no-such-snapshot"), "vecdb.path=" + dir.resolve("replica"))
        .run(context -> assertFailsOn(context, "vecdb.replication.snapshot", "is not a directory"));
  }
}
