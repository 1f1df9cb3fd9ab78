package dev.vecdb.spring.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vecdb.Database;
import dev.vecdb.ReadOnlyException;
import dev.vecdb.kafka.EmbeddedBroker;
import dev.vecdb.kafka.ReplicationState;
import dev.vecdb.spring.autoconfigure.VecdbAutoConfiguration;
import dev.vecdb.spring.autoconfigure.VecdbReplicationAutoConfiguration;
import dev.vecdb.spring.autoconfigure.VecdbReplicationHealthAutoConfiguration;
import dev.vecdb.spring.autoconfigure.VecdbReplicationMetricsAutoConfiguration;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A leader context and follower contexts sharing a real Kafka broker in the test JVM: what the leader's application
 * writes and flushes reaches the followers' beans value by value, hole by hole and stamp by stamp; the followers
 * refuse writes; health and meters report the replication; a follower starts from a snapshot; the leader publishes
 * its last commits when it shuts down.
 */
class ReplicationIntegrationTests {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir
  Path dir;

  /** The starter with replication, health and meters, on the test broker; no vector declared. */
  private final ApplicationContextRunner starter = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(VecdbAutoConfiguration.class, VecdbReplicationAutoConfiguration.class,
          VecdbReplicationHealthAutoConfiguration.class, VecdbReplicationMetricsAutoConfiguration.class,
          KafkaAutoConfiguration.class, MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class))
      .withPropertyValues("spring.kafka.bootstrap-servers=" + EmbeddedBroker.bootstrapServers());

  private final ApplicationContextRunner runner = starter
      .withPropertyValues("vecdb.saved-stamped-changes=4", "vecdb.vectors.prices.type=u64", "vecdb.vectors.prices.format=pco",
          "vecdb.vectors.hashes.type=bytes8", "vecdb.vectors.hashes.format=lz4",
          "vecdb.replication.startup-timeout=60s");

  private ApplicationContextRunner leader(String topic) {
    return runner.withPropertyValues("vecdb.replication.role=leader", "vecdb.replication.topic=" + topic,
        "vecdb.path=" + dir.resolve("leader"));
  }

  private ApplicationContextRunner follower(String topic, String name) {
    return runner.withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=" + topic,
        "vecdb.path=" + dir.resolve(name));
  }

  private static LongVec prices(ConfigurableApplicationContext context) {
    return context.getBean("prices", LongVec.class);
  }

  @SuppressWarnings("unchecked")
  private static ObjVec<byte[]> hashes(ConfigurableApplicationContext context) {
    return context.getBean("hashes", ObjVec.class);
  }

  /**
   * Deletes one written price (a hole), updates one, appends {@code count} seeded values to both vectors, stamps the
   * write with its change set and flushes: one commit.
   */
  private static void commit(ConfigurableApplicationContext leader, SplittableRandom random, int count, long stamp) {
    LongVec prices = prices(leader);
    ObjVec<byte[]> hashes = hashes(leader);
    if (prices.storedLen() > 2) {
      prices.delete(random.nextLong(prices.storedLen()));
      long updated = random.nextLong(prices.storedLen());
      if (!prices.isHole(updated)) {
        prices.update(updated, stamp);
      }
    }
    for (int i = 0; i < count; i++) {
      prices.push(random.nextLong() & Long.MAX_VALUE);
      byte[] hash = new byte[8];
      random.nextBytes(hash);
      hashes.push(hash);
    }
    prices.stampedWriteWithChanges(stamp);
    hashes.stampedWriteWithChanges(stamp);
    leader.getBean(Database.class).flush();
  }

  /**
   * Waits until the leader's publisher reports its database's commit shipped and the follower reports it applied:
   * the follower's database may reach it before the publisher's thread returns from the transaction that shipped it,
   * and before the follower's thread counts it.
   */
  private static void awaitCaughtUp(ConfigurableApplicationContext follower, ConfigurableApplicationContext leader) {
    long target = leader.getBean(Database.class).commitNumber();
    await().atMost(WAIT).until(() -> follower.getBean(Database.class).commitNumber() == target
        && follower.getBean(Replication.class).status().commit() == target
        && leader.getBean(Replication.class).status().commit() == target);
  }

  /** The follower's vectors hold exactly the leader's: values, holes, stamps and retained change sets. */
  private static void assertSameVectors(ConfigurableApplicationContext follower,
      ConfigurableApplicationContext leader) {
    for (String name : List.of("prices", "hashes")) {
      StoredVec expected = leader.getBean(name, StoredVec.class);
      StoredVec actual = follower.getBean(name, StoredVec.class);
      assertThat(actual.storedLen()).as(name).isEqualTo(expected.storedLen());
      assertThat(actual.holes()).as(name).isEqualTo(expected.holes());
      assertThat(actual.stamp()).as(name).isEqualTo(expected.stamp());
      assertThat(actual.changeStamps()).as(name).isEqualTo(expected.changeStamps());
    }
    assertThat(prices(follower).collect()).isEqualTo(prices(leader).collect());
    HexFormat hex = HexFormat.of();
    assertThat(hashes(follower).collect().stream().map(h -> h == null ? null : hex.formatHex(h)).toList())
        .isEqualTo(hashes(leader).collect().stream().map(h -> h == null ? null : hex.formatHex(h)).toList());
  }

  @Test
  void aFollowerServesWhatTheLeaderCommitsAndRefusesWrites() {
    String topic = EmbeddedBroker.newTopic("chain");
    SplittableRandom random = new SplittableRandom(17);
    leader(topic).run(leader -> {
      assertThat(leader).hasNotFailed();
      for (int stamp = 1; stamp <= 5; stamp++) {
        commit(leader, random, 1 + random.nextInt(3000), stamp);
      }
      prices(leader).rollback(); // a reorg: undone in memory, persisted by the next write
      hashes(leader).rollback();
      prices(leader).write();
      hashes(leader).write();
      leader.getBean(Database.class).flush();

      follower(topic, "follower").run(follower -> {
        assertThat(follower).hasNotFailed();
        Database replica = follower.getBean(Database.class);
        assertThat(replica.isReadOnly()).isTrue();
        awaitCaughtUp(follower, leader);
        assertSameVectors(follower, leader);

        assertThatThrownBy(() -> prices(follower).push(1)).isInstanceOf(ReadOnlyException.class)
            .hasMessageContaining("prices");
        assertThatThrownBy(() -> hashes(follower).delete(0)).isInstanceOf(ReadOnlyException.class);
        assertThatThrownBy(replica::flush).isInstanceOf(ReadOnlyException.class);

        commit(leader, random, 500, 6);
        awaitCaughtUp(follower, leader);
        assertSameVectors(follower, leader);

        assertHealthy(leader, ReplicationRole.LEADER, topic);
        assertHealthy(follower, ReplicationRole.FOLLOWER, topic);
        long commits = leader.getBean(Database.class).commitNumber();
        MeterRegistry leaderMeters = leader.getBean(MeterRegistry.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
            leaderMeters.get("vecdb.replication.commits.published").functionCounter().count()).isEqualTo(commits));
        assertThat(leaderMeters.get("vecdb.replication.bytes.shipped").functionCounter().count()).isPositive();
        MeterRegistry followerMeters = follower.getBean(MeterRegistry.class);
        assertThat(followerMeters.get("vecdb.replication.commits.applied").tag("topic", topic).functionCounter()
            .count()).isEqualTo(commits);
        assertThat(followerMeters.get("vecdb.replication.commit").gauge().value()).isEqualTo(commits);
        await().atMost(WAIT).untilAsserted(() -> {
          assertThat(followerMeters.get("vecdb.replication.lag.commits").gauge().value()).isZero();
          assertThat(followerMeters.get("vecdb.replication.lag").timeGauge().value()).isZero();
        });
      });
    });
  }

  private static void assertHealthy(AssertableApplicationContext context, ReplicationRole role, String topic) {
    Health health = context.getBean(ReplicationHealthIndicator.class).health(true);
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("role", role.name().toLowerCase()).containsEntry("topic", topic)
        .containsEntry("state", "running")
        .containsEntry("commit", context.getBean(Database.class).commitNumber());
  }

  @Test
  void theLeaderPublishesWhatWasWrittenBeforeItShutsDown() {
    String topic = EmbeddedBroker.newTopic("shutdown");
    SplittableRandom random = new SplittableRandom(3);
    leader(topic).run(leader -> {
      commit(leader, random, 100, 1);
      follower(topic, "follower").run(follower -> {
        awaitCaughtUp(follower, leader);
        LongVec prices = prices(leader);
        prices.push(424242);
        prices.write(); // written, not flushed: the leader's stop commits and publishes it
        long lengthBefore = prices.storedLen();
        ReplicationLeader publisher = leader.getBean(ReplicationLeader.class);
        leader.close();
        assertThat(publisher.status().state()).isEqualTo(ReplicationState.CLOSED);
        await().atMost(WAIT).until(() -> prices(follower).storedLen() == lengthBefore);
        assertThat(prices(follower).get(lengthBefore - 1)).isEqualTo(424242);
      });
    });
  }

  @Test
  void aNewFollowerStartsFromASnapshotAndThenFollows() {
    String topic = EmbeddedBroker.newTopic("snapshot");
    SplittableRandom random = new SplittableRandom(5);
    Path snapshot = dir.resolve("snapshot");
    leader(topic).run(leader -> {
      commit(leader, random, 1000, 1);
      commit(leader, random, 1000, 2);
      long snapshotCommit = leader.getBean(Database.class).snapshot(snapshot).commitNumber();
      commit(leader, random, 1000, 3);
      ApplicationContextRunner fromSnapshot = follower(topic, "bootstrapped")
          .withPropertyValues("vecdb.replication.snapshot=" + snapshot);
      fromSnapshot.run(follower -> {
        assertThat(follower).hasNotFailed();
        assertThat(follower.getBean(Replication.class).status().commits())
            .isLessThanOrEqualTo(leader.getBean(Database.class).commitNumber() - snapshotCommit);
        awaitCaughtUp(follower, leader);
        assertSameVectors(follower, leader);
      });
      commit(leader, random, 10, 4);
      Path fromFollower = dir.resolve("snapshot-of-a-follower");
      fromSnapshot.run(follower -> {
        // The directory holds a database now: the snapshot is not copied again; the follower resumes from it.
        awaitCaughtUp(follower, leader);
        assertThat(follower.getBean(Replication.class).status().commits()).isEqualTo(1);
        assertSameVectors(follower, leader);
        // A follower's snapshot serves as well, sparing the leader.
        assertThat(follower.getBean(Database.class).snapshot(fromFollower).commitNumber()).isEqualTo(4);
      });
      commit(leader, random, 10, 5);
      follower(topic, "from-a-follower").withPropertyValues("vecdb.replication.snapshot=" + fromFollower)
          .run(follower -> {
            assertThat(follower.getBean(Replication.class).status().commits()).isLessThanOrEqualTo(1);
            awaitCaughtUp(follower, leader);
            assertSameVectors(follower, leader);
          });
    });
  }

  @Test
  void aFollowerThatMeetsARecordThatIsNoCommitStopsAndIsDown() throws Exception {
    String topic = EmbeddedBroker.newTopic("foreign");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, 0, null, "not a vecdb commit".getBytes(StandardCharsets.UTF_8)))
          .get();
    }
    starter.withPropertyValues("vecdb.replication.role=follower", "vecdb.replication.topic=" + topic,
            "vecdb.path=" + dir.resolve("foreign"))
        .run(follower -> {
          assertThat(follower).hasNotFailed();
          ReplicationHealthIndicator indicator = follower.getBean(ReplicationHealthIndicator.class);
          await().atMost(WAIT).until(() -> indicator.health(true).getStatus().equals(Status.DOWN));
          Health health = indicator.health(true);
          assertThat(health.getDetails()).containsEntry("state", "failed").containsEntry("commit", 0L);
          assertThat((String) health.getDetails().get("error")).contains(topic);
          assertThat(follower.getBean(Database.class).commitNumber()).isZero();
        });
  }

  @Test
  void aPromotedFollowerFencesTheOldLeaderAndTheOtherFollowersGoOn() {
    String topic = EmbeddedBroker.newTopic("promote");
    SplittableRandom random = new SplittableRandom(11);
    leader(topic).run(oldLeader -> {
      commit(oldLeader, random, 300, 1);
      commit(oldLeader, random, 300, 2);
      follower(topic, "other").run(other -> {
        follower(topic, "promoted").run(promoted -> awaitCaughtUp(promoted, oldLeader));
        // The promoted follower's directory, started as a leader with the same (default) transactional id.
        runner.withPropertyValues("vecdb.replication.role=leader", "vecdb.replication.topic=" + topic,
            "vecdb.path=" + dir.resolve("promoted")).run(newLeader -> {
              assertThat(newLeader).hasNotFailed();
              commit(newLeader, random, 200, 3);
              commit(oldLeader, random, 200, 3); // the old leader still writes: its publisher is fenced
              ReplicationHealthIndicator oldHealth = oldLeader.getBean(ReplicationHealthIndicator.class);
              await().atMost(WAIT).until(() -> oldHealth.health(true).getStatus().equals(Status.DOWN));
              assertThat((String) oldHealth.health(true).getDetails().get("error")).contains("fenced");
              awaitCaughtUp(other, newLeader);
              assertSameVectors(other, newLeader);
              assertHealthy(newLeader, ReplicationRole.LEADER, topic);
            });
      });
    });
  }

  @Test
  void aTopicThatDoesNotExistYetIsCreatedByTheBroker() {
    String topic = "created-on-first-use-" + System.nanoTime();
    SplittableRandom random = new SplittableRandom(13);
    leader(topic).run(leader -> {
      assertThat(leader).hasNotFailed();
      commit(leader, random, 100, 1);
      follower(topic, "follower").run(follower -> {
        awaitCaughtUp(follower, leader);
        assertSameVectors(follower, leader);
      });
    });
  }
}
