package dev.vecdb.spring.replication;

import dev.vecdb.Database;
import dev.vecdb.kafka.CommitPublisher;
import dev.vecdb.kafka.PublisherOptions;
import dev.vecdb.kafka.ReplicationState;
import dev.vecdb.kafka.ReplicationStatus;
import dev.vecdb.spring.VecdbFlusher;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The leader's publisher as a lifecycle bean: it starts a {@link CommitPublisher} for the database (opened with a
 * commit log) when the context starts, before the web server accepts requests, and stops after the web server
 * stopped. Stopping first flushes the database (committing what the vectors have written), then waits up to the
 * shutdown timeout until the publisher has shipped every commit, then closes the publisher. A commit that completes
 * later in the shutdown (the database's own final flush, when something was written after this stop) stays in the
 * database's outbox and is published by the next leader to start.
 *
 * <p>Threads: the publisher ships on a thread of its own; {@link #status()} is safe on any thread; the container calls
 * {@link #start()} and {@link #stop()}.
 */
public class ReplicationLeader implements Replication, SmartLifecycle {
  /**
   * The lifecycle phase: below the web server's phases, so that this starts before the server accepts requests and
   * stops after it drained them and stopped.
   */
  public static final int PHASE = Integer.MAX_VALUE - 4096;

  private static final Logger log = LoggerFactory.getLogger(ReplicationLeader.class);
  private static final long DRAIN_POLL_MILLIS = 20;

  private final Database database;
  private final PublisherOptions options;
  private final VecdbFlusher flusher;
  private final Duration shutdownTimeout;
  private volatile @Nullable CommitPublisher publisher;

  /**
   * @param database the database, opened with a commit log
   * @param options the topic, transactional id and Kafka settings
   * @param flusher flushes the database before the publisher stops
   * @param shutdownTimeout how long stopping waits for the last commits to be shipped
   */
  public ReplicationLeader(Database database, PublisherOptions options, VecdbFlusher flusher,
      Duration shutdownTimeout) {
    this.database = database;
    this.options = options;
    this.flusher = flusher;
    this.shutdownTimeout = shutdownTimeout;
  }

  @Override
  public ReplicationRole role() {
    return ReplicationRole.LEADER;
  }

  @Override
  public String topic() {
    return options.topic();
  }

  @Override
  public ReplicationStatus status() {
    CommitPublisher running = publisher;
    return running != null ? running.status() : closed(database);
  }

  /** The status of a publisher or follower that does not run: closed, at the database's commit. */
  static ReplicationStatus closed(Database database) {
    return new ReplicationStatus(ReplicationState.CLOSED, null, database.isOpen() ? database.commitNumber() : 0, 0,
        0, 0, 0);
  }

  /**
   * Starts publishing: fences any older leader with the same transactional id, publishes the commits the outbox
   * still holds, then every new one.
   *
   * @throws dev.vecdb.kafka.ReplicationException if the publisher cannot start (Kafka unreachable within its
   *     timeout, a topic that belongs to another database)
   */
  @Override
  public synchronized void start() {
    if (publisher == null) {
      publisher = CommitPublisher.start(database, options);
      log.info("Publishing the commits of vecdb database {} to topic {} (transactional id {})", database.path(),
          options.topic(), options.transactionalId());
    }
  }

  @Override
  public synchronized void stop() {
    CommitPublisher running = publisher;
    if (running == null) {
      return;
    }
    try {
      if (database.isOpen()) {
        flusher.flush();
      }
      drain(running);
    } catch (RuntimeException e) {
      log.error("vecdb leader: the final flush before the publisher stops failed; the outbox keeps what it holds", e);
    } finally {
      running.close();
      publisher = null;
    }
  }

  /** Waits until {@code running} shipped every commit the database holds, failed, or the shutdown timeout passed. */
  private void drain(CommitPublisher running) {
    long deadline = System.nanoTime() + shutdownTimeout.toNanos();
    ReplicationStatus status = running.status();
    while (status.state() == ReplicationState.RUNNING && status.lagCommits() > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(DRAIN_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      status = running.status();
    }
    if (status.lagCommits() > 0) {
      log.warn("vecdb leader stops with {} commits of {} not published to topic {}; they stay in the outbox and are "
          + "published at the next start", status.lagCommits(), database.path(), options.topic());
    }
  }

  @Override
  public boolean isRunning() {
    return publisher != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
