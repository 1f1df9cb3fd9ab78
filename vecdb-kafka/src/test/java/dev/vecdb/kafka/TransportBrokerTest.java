package dev.vecdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.vecdb.CommitGapException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The publisher and the follower against a real broker, over in-memory commits (no database): ordering, exactly-once
 * delivery across restarts and zombie transactions, fencing, gaps, retention and where a follower resumes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransportBrokerTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static PublisherOptions publisherOptions(String topic, String transactionalId) {
    return PublisherOptions.of(topic, transactionalId, TestBroker.client()).withMaxRecordBytes(1000)
        .withMaxCommitsPerTransaction(8);
  }

  private static FollowerOptions followerOptions(String topic, String group) {
    Map<String, Object> properties = new HashMap<>(TestBroker.client());
    if (group != null) {
      properties.put("group.id", group);
    }
    return FollowerOptions.of(topic, properties).withLagProbeInterval(Duration.ofMillis(100));
  }

  /** Every commit number of the topic, once per commit (its first part), checking the parts follow each other. */
  static List<Long> commitsIn(String topic) {
    List<OffsetSearch.Located> parts = TestBroker.parts(topic);
    for (int i = 0; i < parts.size(); i++) {
      PartHeader part = parts.get(i).part();
      if (part.index() > 0) {
        assertThat(parts.get(i - 1).part()).as("part before %s", part)
            .isEqualTo(new PartHeader(part.commit(), part.index() - 1, part.count(), part.committedAtMillis(),
                part.commitSize(), part.checksum()));
      }
    }
    return parts.stream().filter(p -> p.part().index() == 0).map(p -> p.part().commit()).toList();
  }

  /**
   * A new topic named after {@code name} holding {@code count} commits of {@code size} bytes, published with
   * transactional id {@code name} by a publisher closed since.
   */
  private static String publishedTopic(String name, int count, int size) {
    String topic = EmbeddedBroker.newTopic(name);
    MemoryOutbox outbox = new MemoryOutbox();
    try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, name))) {
      outbox.commit(count, size);
      await().atMost(WAIT).until(() -> publisher.status().commit() == count);
    }
    return topic;
  }

  /** Follows {@code topic} into {@code sink} until it applied {@code commit}; returns the sink. */
  private static MemorySink followTo(String topic, MemorySink sink, String group, long commit) {
    try (CommitFollower follower = CommitFollower.start(sink, followerOptions(topic, group))) {
      await().atMost(WAIT).until(() -> sink.commitNumber() == commit);
    }
    return sink;
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void everyCommitArrivesOnceInOrderAndWholeAtEveryFollower() {
    String topic = EmbeddedBroker.newTopic("order");
    MemoryOutbox outbox = new MemoryOutbox();
    SplittableRandom random = new SplittableRandom(3);
    long bytes = 0;
    outbox.commit(40, 0);
    MemorySink first = new MemorySink(0);
    MemorySink second = new MemorySink(0);
    try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, "order"));
        CommitFollower a = CommitFollower.start(first, followerOptions(topic, "order-a"));
        CommitFollower b = CommitFollower.start(second, followerOptions(topic, null))) {
      for (int i = 0; i < 260; i++) {
        int size = random.nextInt(10) == 0 ? random.nextInt(1000, 6000) : random.nextInt(1000);
        outbox.commit(size);
        bytes += size;
      }
      await().atMost(WAIT).until(() -> first.commitNumber() == 300 && second.commitNumber() == 300);
      assertThat(first.applied()).isEqualTo(range(1, 300));
      assertThat(second.applied()).isEqualTo(range(1, 300));
      // A follower may apply the last transaction before the publisher's thread returns from committing it.
      await().atMost(WAIT).until(() -> a.status().lagCommits() == 0 && publisher.status().lagCommits() == 0);
      assertThat(outbox.pending()).as("every shipped commit is acknowledged").isEmpty();
      assertThat(publisher.status()).isEqualTo(new ReplicationStatus(ReplicationState.RUNNING, null, 300, 300, bytes,
          0, 0));
      assertThat(a.status()).isEqualTo(new ReplicationStatus(ReplicationState.RUNNING, null, 300, 300, bytes, 0, 0));
    }
    assertThat(commitsIn(topic)).isEqualTo(range(1, 300));
    assertThat(TestBroker.parts(topic)).as("commits above 1000 bytes were split")
        .anyMatch(p -> p.part().count() > 1).allMatch(p -> p.part().count() <= 6);
  }

  @Test
  void aRestartedLeaderNeitherRepeatsNorLosesACommitAndAbandonedTransactionsStayInvisible() throws Exception {
    String topic = EmbeddedBroker.newTopic("restart");
    MemoryOutbox outbox = new MemoryOutbox();
    MemorySink sink = new MemorySink(0);
    try (CommitFollower follower = CommitFollower.start(sink, followerOptions(topic, null))) {
      try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, "restart"))) {
        outbox.commit(20, 1500);
        await().atMost(WAIT).until(() -> publisher.status().commit() == 20);
      }
      outbox.crash();
      assertThat(outbox.pending()).as("acknowledgements lost with the crash").isNotEmpty();

      // A leader that died inside a transaction: half of commit 21 sent, never committed.
      Map<String, Object> zombieConfig = new HashMap<>(TestBroker.client());
      zombieConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "restart");
      try (KafkaProducer<byte[], byte[]> zombie = new KafkaProducer<>(zombieConfig, new ByteArraySerializer(),
          new ByteArraySerializer())) {
        zombie.initTransactions();
        zombie.beginTransaction();
        outbox.commit(1500);
        zombie.send(new CommitSplitter(topic, 1000).split(outbox.pending().getLast()).getFirst()).get();
        zombie.flush();

        try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, "restart"))) {
          assertThatThrownBy(zombie::commitTransaction).as("the new leader fenced the zombie")
              .isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class);
          outbox.commit(9, 10);
          await().atMost(WAIT).until(() -> sink.commitNumber() == 30 && publisher.status().commit() == 30);
          assertThat(publisher.status().commits()).as("only 21..30 shipped after the restart").isEqualTo(10);
        }
      }
    }
    assertThat(sink.applied()).isEqualTo(range(1, 30));
    assertThat(commitsIn(topic)).isEqualTo(range(1, 30));
  }

  @Test
  void aNewLeaderWithTheSameTransactionalIdFencesTheOldOneWhichStops() {
    String topic = EmbeddedBroker.newTopic("fence");
    MemoryOutbox old = new MemoryOutbox();
    MemorySink sink = new MemorySink(0);
    try (CommitFollower follower = CommitFollower.start(sink, followerOptions(topic, null));
        CommitPublisher oldLeader = CommitPublisher.start(old, publisherOptions(topic, "fence"))) {
      old.commit(5, 100);
      await().atMost(WAIT).until(() -> sink.commitNumber() == 5);
      MemoryOutbox promoted = MemoryOutbox.at(5);
      try (CommitPublisher newLeader = CommitPublisher.start(promoted, publisherOptions(topic, "fence"))) {
        old.commit(100);
        await().atMost(WAIT).until(() -> oldLeader.status().state() == ReplicationState.FAILED);
        assertThat(oldLeader.status().failure()).isInstanceOf(ReplicationException.class)
            .hasMessageContaining("shipping commits 6..6 failed, fenced by a newer leader with transactional id fence")
            .cause().isInstanceOfAny(ProducerFencedException.class, InvalidProducerEpochException.class);
        assertThat(oldLeader.status().commit()).isEqualTo(5);
        promoted.commit(3, 2000);
        await().atMost(WAIT).until(() -> sink.commitNumber() == 8);
        assertThat(newLeader.status().state()).isEqualTo(ReplicationState.RUNNING);
      }
    }
    assertThat(commitsIn(topic)).isEqualTo(range(1, 8));
  }

  @Test
  void aRecordLimitAboveTheBrokersStopsThePublisherWithTheBrokersRefusal() {
    String topic = EmbeddedBroker.newTopic("too-large");
    MemoryOutbox outbox = new MemoryOutbox();
    PublisherOptions options = PublisherOptions.of(topic, "too-large", TestBroker.client())
        .withMaxRecordBytes(4 * 1024 * 1024);
    outbox.commit(10);
    outbox.commit(2 * 1024 * 1024);
    try (CommitPublisher publisher = CommitPublisher.start(outbox, options)) {
      await().atMost(WAIT).until(() -> publisher.status().state() == ReplicationState.FAILED);
      assertThat(publisher.status().failure()).hasMessageContaining("shipping commits 1..2 failed")
          .hasRootCauseInstanceOf(RecordTooLargeException.class);
      assertThat(outbox.pending()).as("nothing acknowledged").hasSize(2);
    }
    assertThat(TestBroker.parts(topic)).as("the aborted transaction is invisible").isEmpty();
  }

  @Test
  void closingMidStreamStopsCleanlyAndTheNextOnesResume() {
    String topic = EmbeddedBroker.newTopic("close");
    MemoryOutbox outbox = new MemoryOutbox();
    outbox.commit(300, 500);
    CommitPublisher first = CommitPublisher.start(outbox, publisherOptions(topic, "close"));
    await().atMost(WAIT).until(() -> first.status().commit() > 0);
    first.close();
    assertThat(first.status().state()).isEqualTo(ReplicationState.CLOSED);
    assertThat(first.status().failure()).isNull();
    long shipped = first.status().commit();
    assertThat(outbox.acknowledged()).as("acknowledged exactly what was shipped").isEqualTo(shipped);
    assertThat(commitsIn(topic)).as("the transaction in flight at close was finished and acknowledged").isEqualTo(range(1, shipped));

    MemorySink sink = new MemorySink(0);
    try (CommitPublisher second = CommitPublisher.start(outbox, publisherOptions(topic, "close"))) {
      CommitFollower follower = CommitFollower.start(sink, followerOptions(topic, null));
      await().atMost(WAIT).until(() -> sink.commitNumber() > 20);
      follower.close();
      assertThat(follower.status().state()).isEqualTo(ReplicationState.CLOSED);
      long applied = sink.commitNumber();
      assertThat(sink.applied()).isEqualTo(range(1, applied));
      assertThat(followTo(topic, sink, null, 300).applied()).isEqualTo(range(1, 300));
      await().atMost(WAIT).until(() -> second.status().commit() == 300);
      assertThat(second.status().commits()).isEqualTo(300 - shipped);
    }
    assertThat(commitsIn(topic)).isEqualTo(range(1, 300));
  }

  @Test
  void aLeaderThatDoesNotContinueTheTopicRefusesToStart() {
    String topic = publishedTopic("refuse", 6, 10);
    assertThatThrownBy(() -> CommitPublisher.start(MemoryOutbox.at(4), publisherOptions(topic, "refuse")))
        .isInstanceOf(ReplicationException.class)
        .hasMessage("publisher of memory outbox to topic " + topic + ": the topic already holds commit 6 but the"
            + " database is at commit 4: it is behind the topic (a follower promoted before it applied every commit,"
            + " or the wrong topic); let it apply the topic's commits first");
    assertThatThrownBy(() -> CommitPublisher.start(MemoryOutbox.at(9), publisherOptions(topic, "refuse")))
        .hasMessageEndingWith("the topic ends at commit 6 but the database's outbox continues at commit 10 (the"
            + " database is at commit 9): commits 7..9 were acknowledged without being in this topic");
    MemoryOutbox diverged = new MemoryOutbox();
    diverged.commit(6, 11);
    assertThatThrownBy(() -> CommitPublisher.start(diverged, publisherOptions(topic, "refuse")))
        .hasMessageContaining("commit 6 in the topic (offset").hasMessageEndingWith("the database and the topic have"
            + " diverged");
  }

  @Test
  void aFollowerStopsAtAGapAndReportsIt() {
    String topic = EmbeddedBroker.newTopic("gap");
    MemoryOutbox outbox = new MemoryOutbox();
    MemorySink sink = new MemorySink(0);
    try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, "gap"));
        CommitFollower follower = CommitFollower.start(sink, followerOptions(topic, null))) {
      outbox.commit(10);
      outbox.commit(10);
      outbox.commit(10);
      outbox.commitAs(6, 10);
      outbox.commit(10);
      await().atMost(WAIT).until(() -> follower.status().state() == ReplicationState.FAILED);
      assertThat(follower.status().failure()).isInstanceOfSatisfying(CommitGapException.class, e -> {
        assertThat(e.expected()).isEqualTo(4);
        assertThat(e.found()).isEqualTo(6);
      });
      assertThat(follower.status().commit()).isEqualTo(3);
      // it saw commit 6 before it stopped, and commit 7 too when both came in one poll (one transaction may carry both)
      assertThat(follower.status().lagCommits()).as("commits seen past the applied one").isBetween(3L, 4L);
      assertThat(follower.status().lagMillis()).isPositive();
      assertThat(sink.applied()).isEqualTo(range(1, 3));
    }
  }

  @Test
  void aFollowerWhoseNextCommitLeftTheTopicStopsWithSnapshotTooOld() {
    String topic = publishedTopic("retention", 10, 2500);
    List<OffsetSearch.Located> parts = TestBroker.parts(topic);
    OffsetSearch.Located sixth = parts.stream().filter(p -> p.part().commit() == 6).findFirst().orElseThrow();
    EmbeddedBroker.deleteRecordsBefore(topic, sixth.offset() + 1);

    MemorySink old = new MemorySink(2);
    try (CommitFollower follower = CommitFollower.start(old, followerOptions(topic, null))) {
      await().atMost(WAIT).until(() -> follower.status().state() == ReplicationState.FAILED);
      assertThat(follower.status().failure()).isInstanceOf(SnapshotTooOldException.class)
          .hasMessage("snapshot too old: memory sink is at commit 2, the next commit it needs is 3, but the oldest"
              + " commit topic " + topic + " still holds is 7; bootstrap this follower again from a newer snapshot of"
              + " the leader");
      assertThat(old.applied()).isEmpty();
    }
    assertThat(followTo(topic, new MemorySink(6), null, 10).applied()).isEqualTo(range(7, 10));
  }

  @Test
  void aRunningFollowerThatFallsBehindTheRetentionStopsWithSnapshotTooOld() throws Exception {
    String topic = publishedTopic("behind", 10, 2500);
    MemorySink memory = new MemorySink(0);
    CountDownLatch atTwo = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CommitSink slow = new CommitSink() {
      @Override
      public String name() {
        return memory.name();
      }

      @Override
      public long commitNumber() {
        return memory.commitNumber();
      }

      @Override
      public boolean apply(ShippedCommit commit) {
        if (commit.number() == 2) {
          atTwo.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
        return memory.apply(commit);
      }
    };
    Map<String, Object> oneBatchPerFetch = new HashMap<>(TestBroker.client());
    oneBatchPerFetch.put("fetch.max.bytes", 1);
    oneBatchPerFetch.put("max.partition.fetch.bytes", 1);
    try (CommitFollower follower = CommitFollower.start(slow, FollowerOptions.of(topic, oneBatchPerFetch))) {
      assertThat(atTwo.await(30, TimeUnit.SECONDS)).isTrue();
      // The consumer holds at most the batch it is reading and the next one: commits 1..8 of the first transaction.
      List<OffsetSearch.Located> parts = TestBroker.parts(topic);
      EmbeddedBroker.deleteRecordsBefore(topic, parts.stream().filter(p -> p.part().commit() == 10).findFirst()
          .orElseThrow().offset());
      release.countDown();
      await().atMost(WAIT).until(() -> follower.status().state() == ReplicationState.FAILED);
      assertThat(follower.status().failure()).isInstanceOf(SnapshotTooOldException.class)
          .hasMessageContaining("still holds is 10");
      assertThat(memory.applied()).as("what it had read before the deletion, then nothing")
          .isEqualTo(range(1, follower.status().commit()));
    }
  }

  @Test
  void aFollowerResumesFromItsHintOrBySearchWhenTheHintIsNoGood() {
    String topic = EmbeddedBroker.newTopic("resume");
    MemoryOutbox outbox = new MemoryOutbox();
    try (CommitPublisher publisher = CommitPublisher.start(outbox, publisherOptions(topic, "resume"))) {
      outbox.commit(10, 1200);
      followTo(topic, new MemorySink(0), "resume-group", 10);
      outbox.commit(10, 1200);
      assertThat(followTo(topic, new MemorySink(10), "resume-group", 20).applied()).isEqualTo(range(11, 20));
      assertThat(followTo(topic, new MemorySink(4), "resume-group", 20).applied())
          .as("the hint was past commit 5: found by search").isEqualTo(range(5, 20));
    }
  }
}
