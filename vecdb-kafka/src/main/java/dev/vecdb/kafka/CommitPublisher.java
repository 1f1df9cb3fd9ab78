package dev.vecdb.kafka;

import dev.vecdb.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of replication: ships every commit of a database opened with a commit log to the database's
 * Kafka topic, in order, each commit whole inside one Kafka transaction, and acknowledges it in the database's outbox
 * once the transaction is committed.
 *
 * <p>Start ({@link #start}): the transactional producer's {@code initTransactions} fences any older producer with the
 * same transactional id (a previous leader still running somewhere gets {@code ProducerFencedException} on its next
 * transaction and stops) and resolves its unfinished transaction. The publisher then reads the last commit the topic
 * holds and checks that it belongs to this database's history; commits still pending in the outbox up to it were
 * shipped before a crash cut the acknowledgement short: they are acknowledged, not shipped again, so the topic holds
 * every commit exactly once. The rest is shipped, then every new commit as it completes.
 *
 * <p>Records: a commit's payload is split into records of at most {@link PublisherOptions#maxRecordBytes()} bytes on
 * partition 0, each carrying a {@link PartHeader} (commit number, part index and count, committed-at time, size and
 * checksum). When several commits wait, one transaction carries up to
 * {@link PublisherOptions#maxCommitsPerTransaction()} of them.
 *
 * <p>Failures: a transaction that fails for a transient reason (a broker restarting, a timeout) is aborted and shipped
 * again; nothing is lost since the commits stay in the outbox until acknowledged. Anything else (fenced by a newer
 * leader, not authorised, a record too large for the broker) stops the publisher: {@link #status()} turns
 * {@link ReplicationState#FAILED} with the cause; the database keeps working and its outbox keeps the commits for the
 * next publisher.
 *
 * <p>Threads: one thread of its own ships the commits; {@link #status()} and {@link #close()} may be called from any
 * thread. The publisher does not close the database.
 */
public final class CommitPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitPublisher.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(200);
  /** How long {@link #close()} lets a transaction in flight finish before abandoning it. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
  private static final long RETRY_MILLIS = 500;

  private final CommitSource source;
  private final PublisherOptions options;
  private final CommitSplitter splitter;
  private final Producer<byte[], byte[]> producer;
  private final Thread thread;
  private final String name;

  private volatile boolean closing;
  private volatile ReplicationState state = ReplicationState.RUNNING;
  private volatile Throwable failure;
  private volatile long shipped;
  private volatile long commits;
  private volatile long bytes;
  private volatile long waitingSince;

  private CommitPublisher(CommitSource source, PublisherOptions options) {
    this.source = source;
    this.options = options;
    this.name = "publisher of " + source.name() + " to topic " + options.topic();
    this.splitter = new CommitSplitter(options.topic(), options.maxRecordBytes());
    this.producer = new KafkaProducer<>(producerConfig(options));
    this.thread = Thread.ofPlatform().name("vecdb-publisher-" + options.topic()).daemon().unstarted(this::run);
  }

  /**
   * Starts publishing the commits of {@code database}, which must have been opened with a commit log. Returns once
   * the producer is initialised (older leaders with the same transactional id are fenced) and the topic's last commit
   * has been reconciled with the outbox; shipping continues on the publisher's thread.
   *
   * @throws IllegalStateException if the database was not opened with a commit log
   * @throws ReplicationException if the broker cannot be reached within the timeouts, or the topic does not continue
   *     this database's history (it holds commits the database does not have, or lacks commits the outbox no longer
   *     has); the message names the topic, the database and the commit numbers
   */
  public static CommitPublisher start(Database database, PublisherOptions options) {
    return start(new OutboxSource(database), options);
  }

  static CommitPublisher start(CommitSource source, PublisherOptions options) {
    CommitPublisher publisher = new CommitPublisher(source, options);
    try {
      publisher.producer.initTransactions();
      publisher.shipped = publisher.reconcile();
    } catch (InterruptedException e) {
      publisher.producer.close(Duration.ZERO);
      Thread.currentThread().interrupt();
      throw new ReplicationException(publisher.name + ": interrupted while starting", e);
    } catch (RuntimeException e) {
      publisher.producer.close(Duration.ZERO);
      throw e instanceof ReplicationException ? e
          : new ReplicationException(publisher.name + ": could not start: " + e.getMessage(), e);
    }
    publisher.thread.start();
    return publisher;
  }

  /** The state, the last commit shipped and the counters. */
  public ReplicationStatus status() {
    return ReplicationStatus.of(state, failure, shipped, commits, bytes, source.commitNumber() - shipped,
        waitingSince);
  }

  /**
   * Stops shipping and closes the producer. A transaction in flight is given {@link #CLOSE_GRACE} to commit, and its
   * commits are then acknowledged, so that normally the topic ends exactly at the last acknowledged commit. One that
   * does not finish by then (a broker out of reach) is abandoned: the thread is interrupted, the broker aborts the
   * transaction, and its commits stay in the outbox; if the broker committed it nonetheless, the next publisher finds
   * them in the topic and acknowledges them instead of shipping them again. Idempotent; waits for the publisher's
   * thread to end.
   */
  @Override
  public void close() {
    closing = true;
    try {
      if (!thread.join(CLOSE_GRACE)) {
        thread.interrupt();
        thread.join();
      }
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  private static Properties producerConfig(PublisherOptions options) {
    Properties config = new Properties();
    options.properties().forEach((name, value) -> {
      if (ProducerConfig.configNames().contains(name)) {
        config.put(name, value);
      }
    });
    config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, options.maxRecordBytes() + 64 * 1024);
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, options.transactionalId());
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return config;
  }

  /**
   * Reads the topic's last commit and checks it against the database: returns the number below which (inclusive)
   * every commit is in the topic or was acknowledged before, after acknowledging what the topic holds.
   */
  private long reconcile() throws InterruptedException {
    TopicPartition partition = new TopicPartition(options.topic(), CommitSplitter.PARTITION);
    OffsetSearch.Located last;
    try (KafkaConsumer<byte[], byte[]> consumer = PartitionReader.consumer(options.properties(), options.topic())) {
      PartitionReader reader = new PartitionReader(consumer, partition, options.timeout());
      last = reader.lastBefore(reader.start(), reader.end());
    }
    long committed = source.commitNumber();
    if (last == null) {
      return source.acknowledged();
    }
    PartHeader head = last.part();
    if (head.commit() > committed) {
      throw new ReplicationException(name + ": the topic already holds commit " + head.commit() + " but the database"
          + " is at commit " + committed + ": it is behind the topic (a follower promoted before it applied every"
          + " commit, or the wrong topic); let it apply the topic's commits first");
    }
    Optional<ShippedCommit> atHead = source.awaitAfter(head.commit() - 1, Duration.ZERO)
        .filter(commit -> commit.number() == head.commit());
    if (atHead.isPresent() && (atHead.get().committedAtMillis() != head.committedAtMillis()
        || atHead.get().checksum() != head.checksum())) {
      throw new ReplicationException(name + ": commit " + head.commit() + " in the topic (offset " + last.offset()
          + ", committed at " + head.committedAtMillis() + ") is not the database's commit " + head.commit()
          + " (committed at " + atHead.get().committedAtMillis() + "): the database and the topic have diverged");
    }
    long next = source.awaitAfter(head.commit(), Duration.ZERO).map(ShippedCommit::number).orElse(committed + 1);
    if (next > head.commit() + 1) {
      throw new ReplicationException(name + ": the topic ends at commit " + head.commit() + " but the database's"
          + " outbox continues at commit " + next + " (the database is at commit " + committed + "): commits "
          + (head.commit() + 1) + ".." + (next - 1) + " were acknowledged without being in this topic");
    }
    if (head.commit() > source.acknowledged()) {
      LOG.info("{}: the topic already holds commits up to {}; acknowledging them in the outbox", name, head.commit());
      source.acknowledge(head.commit());
    }
    return Math.max(head.commit(), source.acknowledged());
  }

  private void run() {
    try {
      while (!closing) {
        Optional<ShippedCommit> first = source.awaitAfter(shipped, IDLE_WAIT);
        if (first.isPresent()) {
          List<ShippedCommit> batch = new ArrayList<>();
          batch.add(first.get());
          waitingSince = first.get().committedAtMillis();
          for (Optional<ShippedCommit> more = source.awaitAfter(first.get().number(), Duration.ZERO);
              more.isPresent() && batch.size() < options.maxCommitsPerTransaction();
              more = source.awaitAfter(more.get().number(), Duration.ZERO)) {
            batch.add(more.get());
          }
          ship(batch);
        }
      }
      state = ReplicationState.CLOSED;
    } catch (InterruptedException e) {
      state = ReplicationState.CLOSED;
    } catch (RuntimeException | Error e) {
      if (closing) {
        state = ReplicationState.CLOSED;
      } else {
        LOG.error("{} failed: it stops, the database's outbox keeps the commits not shipped", name, e);
        failure = e;
        state = ReplicationState.FAILED;
      }
    } finally {
      producer.close(Duration.ZERO);
    }
  }

  /** Ships {@code batch} in one transaction, again after transient failures, then acknowledges it. */
  private void ship(List<ShippedCommit> batch) throws InterruptedException {
    long last = batch.getLast().number();
    long size = 0;
    while (true) {
      try {
        producer.beginTransaction();
        for (ShippedCommit commit : batch) {
          for (ProducerRecord<byte[], byte[]> record : splitter.split(commit)) {
            producer.send(record);
          }
          size += commit.size();
        }
        retryTimeouts(producer::commitTransaction, "committing");
        break;
      } catch (KafkaException e) {
        if (closing || !isTransient(e)) {
          throw new ReplicationException(name + ": shipping commits " + batch.getFirst().number() + ".." + last
              + " failed" + (isFenced(e) ? ", fenced by a newer leader with transactional id "
              + options.transactionalId() : "") + ": " + e, e);
        }
        LOG.warn("{}: shipping commits {}..{} failed ({}); aborting and shipping them again", name,
            batch.getFirst().number(), last, e.toString());
        retryTimeouts(producer::abortTransaction, "aborting");
        size = 0;
        Thread.sleep(RETRY_MILLIS);
      }
    }
    source.acknowledge(last);
    commits += batch.size();
    bytes += size;
    shipped = last; // after the counters: a status at this commit counts it
    waitingSince = 0;
  }

  /**
   * Runs {@code end} ({@code commitTransaction} or {@code abortTransaction}) until it does not time out: after a
   * time-out Kafka allows nothing but the same call again. Gives up only when the publisher is closing.
   */
  private void retryTimeouts(Runnable end, String what) {
    while (true) {
      try {
        end.run();
        return;
      } catch (TimeoutException e) {
        if (closing) {
          throw e;
        }
        LOG.warn("{}: {} the transaction timed out; retrying", name, what);
      }
    }
  }

  /**
   * Whether {@code e} (or a cause) says that another producer initialised the same transactional id: a
   * {@code ProducerFencedException}, or with transactions version 2 an {@code InvalidProducerEpochException}.
   */
  private static boolean isFenced(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code e} (or a cause) is one Kafka says may go away by itself. */
  private static boolean isTransient(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "CommitPublisher[" + name + ", " + state + "]";
  }
}
