package dev.vecdb.kafka;

import dev.vecdb.Replica;
import dev.vecdb.VecdbException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read replica's side of replication: reads the leader's commits from the database's topic with a
 * {@code read_committed} consumer, puts each back together from its parts and applies it to a follower database, in
 * order. The database stores the number of the last commit applied atomically with its changes, so that number — not
 * a Kafka offset — is the follower's position: after a crash (even a {@code SIGKILL} in the middle of an apply) it
 * resumes at exactly the next commit.
 *
 * <p>Where it starts reading: at the offset it committed last time as a hint (only with a {@code group.id}; the
 * consumer is assigned partition 0 directly and joins no group), when the first commit there is not past the next one
 * it needs; otherwise at the first record of a commit above the database's, found by binary search over the
 * partition's offsets. A commit at or below the database's number is skipped. A follower bootstrapped from a snapshot
 * of the leader ({@link dev.vecdb.Database#snapshot}) thus starts with the commit after the snapshot.
 *
 * <p>It stops, with {@link #status()} {@link ReplicationState#FAILED} and the cause, when it cannot go on without
 * diverging from the leader: a {@link SnapshotTooOldException} when the topic no longer holds the next commit it needs
 * (retention removed it), a {@link dev.vecdb.CommitGapException} when a commit is missing between two the topic
 * holds, a {@link ReplicationException} when the topic holds records that are not commit parts or parts that do not
 * add up, a {@link dev.vecdb.CorruptionException} when a commit's payload is damaged. Nothing of a commit that fails
 * is applied. A broker that restarts or cannot be reached for a while only delays it: the consumer reconnects by
 * itself.
 *
 * <p>Threads: one thread of its own reads and applies; {@link #status()} and {@link #close()} may be called from any
 * thread. The application reads the database meanwhile. The follower does not close the database.
 */
public final class CommitFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitFollower.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final CommitSink sink;
  private final FollowerOptions options;
  private final TopicPartition partition;
  private final String name;
  private final boolean commitsHints;
  private final CommitAssembler assembler;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaConsumer<byte[], byte[]> headConsumer;
  private final PartitionReader reader;
  private final PartitionReader headReader;
  private final Thread thread;

  private volatile boolean closing;
  private volatile ReplicationState state = ReplicationState.RUNNING;
  private volatile Throwable failure;
  private volatile long applied;
  private volatile long commits;
  private volatile long bytes;
  private volatile long head;
  private volatile long headCommittedAt;
  private volatile long pendingSince;
  private boolean verifyFirst;
  private long nextProbe;

  private CommitFollower(CommitSink sink, FollowerOptions options) {
    this.sink = sink;
    this.options = options;
    this.partition = new TopicPartition(options.topic(), CommitSplitter.PARTITION);
    this.name = "follower " + sink.name() + " of topic " + options.topic();
    this.commitsHints = options.properties().get(ConsumerConfig.GROUP_ID_CONFIG) != null;
    this.assembler = new CommitAssembler(options.topic());
    this.applied = sink.commitNumber();
    this.head = applied;
    Map<String, Object> probeProperties = new HashMap<>(options.properties());
    probeProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    this.consumer = PartitionReader.consumer(options.properties(), options.topic());
    this.headConsumer = PartitionReader.consumer(probeProperties, options.topic());
    this.reader = new PartitionReader(consumer, partition, options.timeout());
    this.headReader = new PartitionReader(headConsumer, partition, options.timeout());
    this.thread = Thread.ofPlatform().name("vecdb-follower-" + options.topic()).daemon().unstarted(this::run);
  }

  /**
   * Starts following the topic into {@code replica}'s database, from the commit after its current one. Returns at
   * once; reading and applying go on in the follower's thread. The replica stays the caller's: close it after the
   * follower.
   */
  public static CommitFollower start(Replica replica, FollowerOptions options) {
    return start(new ReplicaSink(replica), options);
  }

  static CommitFollower start(CommitSink sink, FollowerOptions options) {
    CommitFollower follower = new CommitFollower(sink, options);
    follower.thread.start();
    return follower;
  }

  /** The state, the last commit applied, the counters and the lag behind the topic. */
  public ReplicationStatus status() {
    long since = pendingSince != 0 ? pendingSince : headCommittedAt;
    return ReplicationStatus.of(state, failure, applied, commits, bytes, head - applied, since);
  }

  /** Stops reading after the commit being applied, if any, and closes the consumers. Idempotent; waits for the end. */
  @Override
  public void close() {
    closing = true;
    consumer.wakeup();
    headConsumer.wakeup();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try (consumer; headConsumer) {
      position();
      while (!closing) {
        try {
          follow();
        } catch (OffsetOutOfRangeException e) {
          LOG.warn("{}: its position left the topic's retained range ({}); searching for commit {}", name,
              e.getMessage(), applied + 1);
          search();
        }
      }
      state = ReplicationState.CLOSED;
    } catch (WakeupException e) {
      state = closing ? ReplicationState.CLOSED : fail(e);
    } catch (RuntimeException | Error e) {
      state = closing ? ReplicationState.CLOSED : fail(e);
    }
  }

  /** Records {@code e} as the failure (wrapped with the follower's name unless it is one of vecdb's) and logs it. */
  private ReplicationState fail(Throwable e) {
    LOG.error("{} stopped at commit {}", name, applied, e);
    failure = e instanceof VecdbException ? e : new ReplicationException(name + " stopped at commit " + applied + ": "
        + e, e);
    return ReplicationState.FAILED;
  }

  /**
   * Seeks to the hint committed last time when it is good — the record before it is applied already and the one at
   * it is not past the next commit needed — or else searches.
   */
  private void position() {
    OffsetAndMetadata hint = commitsHints
        ? consumer.committed(Set.of(partition), options.timeout()).get(partition) : null;
    if (hint != null) {
      long start = reader.start();
      long end = reader.end();
      long offset = hint.offset();
      OffsetSearch.Located before = offset > start && offset <= end ? reader.lastBefore(start, offset) : null;
      OffsetSearch.Located at = before == null ? null : reader.firstAtOrAfter(offset, end);
      if (before != null && before.part().commit() <= applied && (at == null || at.part().commit() <= applied + 1)) {
        LOG.info("{}: at commit {}, resuming at the offset it committed, {}", name, applied, offset);
        assembler.reset();
        consumer.seek(partition, offset);
        verifyFirst = true;
        return;
      }
      LOG.info("{}: at commit {}, the offset it committed ({}) does not follow it; searching", name, applied, offset);
    }
    search();
  }

  /**
   * Seeks to the first record of a commit above the database's, or to the end when the topic holds none.
   *
   * @throws SnapshotTooOldException if the oldest record the topic holds is past the next commit needed
   */
  private void search() {
    assembler.reset();
    long start = reader.start();
    long end = reader.end();
    OffsetSearch.Located found = OffsetSearch.firstAbove(applied, start, end, offset -> reader.firstAtOrAfter(offset,
        end));
    verifyFirst = found == null;
    if (found == null) {
      LOG.info("{}: at commit {}, which the topic holds no commit after; waiting at offset {}", name, applied, end);
      consumer.seek(partition, end);
      return;
    }
    PartHeader part = found.part();
    if ((part.commit() > applied + 1 || part.index() != 0)
        && reader.firstAtOrAfter(start, end).offset() == found.offset()) {
      throw new SnapshotTooOldException(sink.name(), options.topic(), applied,
          part.index() == 0 ? part.commit() : part.commit() + 1);
    }
    LOG.info("{}: at commit {}, reading from offset {} (commit {})", name, applied, found.offset(), part.commit());
    consumer.seek(partition, found.offset());
  }

  /** One poll: assembles and applies what it brings, commits the position hint, probes the topic's head when due. */
  private void follow() {
    long hint = -1;
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL).records(partition)) {
      if (closing) {
        break;
      }
      PartHeader part = PartHeader.read(record.headers(), PartitionReader.where(record));
      head = Math.max(head, part.commit());
      if (verifyFirst && part.commit() > applied) {
        verifyFirst = false;
        if (part.commit() > applied + 1 || part.index() != 0) {
          search();
          return;
        }
      }
      if (part.commit() > applied && pendingSince == 0) {
        pendingSince = part.committedAtMillis();
      }
      ShippedCommit commit = assembler.add(record.offset(), part, record.value());
      if (commit != null && commit.number() > applied && sink.apply(commit)) {
        commits++;
        bytes += commit.size();
        applied = commit.number(); // after the counters: a status at this commit counts it
        pendingSince = 0;
        hint = record.offset() + 1;
      }
    }
    if (hint >= 0 && commitsHints) {
      consumer.commitAsync(Map.of(partition, new OffsetAndMetadata(hint)), (offsets, e) -> {
        if (e != null) {
          LOG.debug("{}: committing the position hint failed (it is only a hint): {}", name, e.toString());
        }
      });
    }
    probeHead();
  }

  /**
   * Reads the topic's last commit, at most once per {@link FollowerOptions#lagProbeInterval()}, for the lag. A probe
   * that fails (the broker unreachable) is only logged: the lag stays as last known.
   */
  private void probeHead() {
    long now = System.nanoTime();
    if (now - nextProbe < 0) {
      return;
    }
    nextProbe = now + options.lagProbeInterval().toNanos();
    OffsetSearch.Located last;
    try {
      last = headReader.lastBefore(headReader.start(), headReader.end());
    } catch (KafkaException | ReplicationException e) {
      if (closing) {
        throw e;
      }
      LOG.warn("{}: reading the topic's last commit for the lag failed ({}); trying again later", name, e.toString());
      return;
    }
    if (last != null && last.part().commit() > head) {
      head = last.part().commit();
      headCommittedAt = last.part().committedAtMillis();
    }
  }

  @Override
  public String toString() {
    return "CommitFollower[" + name + ", " + state + "]";
  }
}
