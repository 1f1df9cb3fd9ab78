package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vecdb.Database;
import dev.vecdb.DatabaseOptions;
import dev.vecdb.Replica;
import dev.vecdb.store.SnapshotReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Databases replicated through a real broker: one leader and followers that must end identical to it, a follower
 * bootstrapped from a snapshot taken under load, one whose snapshot is too old, a broker restart mid-stream and the
 * promotion of a follower to leader. The number of workload operations is {@code -Dvecdb.kafka.operations} (default
 * 10 000; the long form runs 200 000), so the test has no overall time limit: every wait for Kafka or a follower
 * is bounded.
 */
class ReplicationTest {
  static final DatabaseOptions LEADER = DatabaseOptions.DEFAULT.withCommitLog(true);
  static final int OPERATIONS = Integer.getInteger("vecdb.kafka.operations", 10_000);
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path tmp;

  static PublisherOptions publisherOptions(String topic, String transactionalId) {
    return PublisherOptions.of(topic, transactionalId, TestBroker.client()).withMaxRecordBytes(16 * 1024);
  }

  static FollowerOptions followerOptions(String topic, String group) {
    Map<String, Object> properties = new HashMap<>(TestBroker.client());
    if (group != null) {
      properties.put("group.id", group);
    }
    return FollowerOptions.of(topic, properties).withLagProbeInterval(Duration.ofMillis(200));
  }

  /** Waits until {@code follower} applied {@code commit}, failing at once if it stops. */
  static void awaitApplied(CommitFollower follower, long commit) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
      ReplicationStatus status = follower.status();
      assertThat(status.state()).as("%s (%s)", follower, status.failure()).isEqualTo(ReplicationState.RUNNING);
      return status.commit() >= commit;
    });
  }

  @Test
  void followersEndIdenticalToTheLeaderAndASnapshotTakenUnderLoadBootstrapsAThird() throws Exception {
    String topic = EmbeddedBroker.newTopic("workload");
    Path snapshot = tmp.resolve("snapshot");
    try (Database leader = Database.open(tmp.resolve("leader"), LEADER);
        CommitPublisher publisher = CommitPublisher.start(leader, publisherOptions(topic, "workload"));
        Replica first = Replica.open(tmp.resolve("first"));
        Replica second = Replica.open(tmp.resolve("second"));
        CommitFollower a = CommitFollower.start(first, followerOptions(topic, "workload-first"));
        CommitFollower b = CommitFollower.start(second, followerOptions(topic, null))) {
      Workload workload = new Workload(leader, 42);
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> workload.run(OPERATIONS));
      await().atMost(WAIT).until(() -> leader.commitNumber() > 20);
      SnapshotReport taken = leader.snapshot(snapshot);
      assertThat(writing).as("the snapshot was taken while the leader was writing").isNotDone();
      try (Replica third = Replica.open(snapshot);
          CommitFollower c = CommitFollower.start(third, followerOptions(topic, null))) {
        assertThat(third.database().commitNumber()).isEqualTo(taken.commitNumber());
        writing.get();
        long last = leader.commitNumber();
        awaitApplied(a, last);
        awaitApplied(b, last);
        awaitApplied(c, last);
        assertThat(c.status().commits()).as("the bootstrapped follower applied only the commits after the snapshot")
            .isEqualTo(last - taken.commitNumber());
        Workload.assertSame(leader, first.database());
        Workload.assertSame(leader, second.database());
        Workload.assertSame(leader, third.database());
        await().atMost(WAIT).until(() -> publisher.status().lagCommits() == 0 && a.status().lagCommits() == 0);
        assertThat(publisher.status().commit()).isEqualTo(last);
        assertThat(publisher.status().commits()).isEqualTo(last);
        assertThat(a.status().bytes()).isEqualTo(publisher.status().bytes());
        assertThat(a.status().lagMillis()).isZero();
      }
      assertThat(leader.outbox().pending()).as("every commit acknowledged").isEmpty();
      assertThat(TransportBrokerTest.commitsIn(topic)).as("every commit once, in order")
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, leader.commitNumber()).boxed().toList());
      assertThat(TestBroker.parts(topic)).as("a commit larger than the record limit arrives whole from its parts")
          .anyMatch(p -> p.part().count() > 2);
    }
  }

  @Test
  void aFollowerWhoseSnapshotIsTooOldStopsWithTheDocumentedMessage() throws Exception {
    String topic = EmbeddedBroker.newTopic("too-old");
    Path snapshot = tmp.resolve("snapshot");
    try (Database leader = Database.open(tmp.resolve("leader"), LEADER);
        CommitPublisher publisher = CommitPublisher.start(leader, publisherOptions(topic, "too-old"))) {
      Workload workload = new Workload(leader, 7);
      workload.run(300);
      long taken = leader.snapshot(snapshot).commitNumber();
      workload.run(600);
      await().atMost(WAIT).until(() -> publisher.status().commit() == leader.commitNumber());
      List<OffsetSearch.Located> parts = TestBroker.parts(topic);
      long cut = parts.stream().filter(p -> p.part().commit() == taken + 3).findFirst().orElseThrow().offset();
      EmbeddedBroker.deleteRecordsBefore(topic, cut);
      try (Replica replica = Replica.open(snapshot);
          CommitFollower follower = CommitFollower.start(replica, followerOptions(topic, null))) {
        await().atMost(WAIT).until(() -> follower.status().state() == ReplicationState.FAILED);
        assertThat(follower.status().failure()).isInstanceOf(SnapshotTooOldException.class)
            .hasMessage("snapshot too old: database " + snapshot.toAbsolutePath() + " is at commit " + taken
                + ", the next commit it needs is " + (taken + 1) + ", but the oldest commit topic " + topic
                + " still holds is " + (taken + 3) + "; bootstrap this follower again from a newer snapshot of the"
                + " leader");
        assertThat(replica.database().commitNumber()).as("nothing applied").isEqualTo(taken);
      }
    }
  }

  @Test
  void aBrokerRestartMidStreamOnlyDelaysReplication() throws Exception {
    String topic = EmbeddedBroker.newTopic("restart");
    try (Database leader = Database.open(tmp.resolve("leader"), LEADER);
        CommitPublisher publisher = CommitPublisher.start(leader, publisherOptions(topic, "restart"));
        Replica replica = Replica.open(tmp.resolve("follower"));
        CommitFollower follower = CommitFollower.start(replica, followerOptions(topic, "restart"))) {
      Workload workload = new Workload(leader, 11);
      CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> workload.run(3000));
      awaitApplied(follower, 10);
      EmbeddedBroker.restart();
      writing.get();
      awaitApplied(follower, leader.commitNumber());
      assertThat(publisher.status().state()).isEqualTo(ReplicationState.RUNNING);
      Workload.assertSame(leader, replica.database());
      assertThat(TransportBrokerTest.commitsIn(topic))
          .isEqualTo(java.util.stream.LongStream.rangeClosed(1, leader.commitNumber()).boxed().toList());
    }
  }

  /**
   * The operator's promotion: the caught-up follower is stopped, its directory opened as a leader with a commit log
   * and a publisher started with the same transactional id; the old leader is fenced on its next commit, and the
   * other follower continues with the new leader's commits.
   */
  @Test
  void aPromotedFollowerFencesTheOldLeaderAndTheOtherFollowerContinuesWithIt() throws Exception {
    String topic = EmbeddedBroker.newTopic("promote");
    Path promotedDir = tmp.resolve("promoted");
    try (Database old = Database.open(tmp.resolve("leader"), LEADER);
        CommitPublisher oldPublisher = CommitPublisher.start(old, publisherOptions(topic, "promote"));
        Replica other = Replica.open(tmp.resolve("other"));
        CommitFollower otherFollower = CommitFollower.start(other, followerOptions(topic, null))) {
      new Workload(old, 5).run(800);
      long handedOver = old.commitNumber();
      try (Replica standby = Replica.open(promotedDir);
          CommitFollower standbyFollower = CommitFollower.start(standby, followerOptions(topic, null))) {
        awaitApplied(standbyFollower, handedOver);
      }
      try (Database promoted = Database.open(promotedDir, LEADER);
          CommitPublisher newPublisher = CommitPublisher.start(promoted, publisherOptions(topic, "promote"))) {
        new Workload(old, 6).run(50);
        await().atMost(WAIT).until(() -> oldPublisher.status().state() == ReplicationState.FAILED);
        assertThat(oldPublisher.status().failure()).hasMessageContaining("fenced by a newer leader")
            .cause().isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class);
        assertThat(oldPublisher.status().commit()).isEqualTo(handedOver);
        assertThat(old.outbox().pending()).as("the old leader keeps what it could not ship").isNotEmpty();

        new Workload(promoted, 9).run(500);
        awaitApplied(otherFollower, promoted.commitNumber());
        Workload.assertSame(promoted, other.database());
        assertThat(newPublisher.status().state()).isEqualTo(ReplicationState.RUNNING);
      }
    }
  }
}
