package dev.vecdb.spring.replication;

import dev.vecdb.Database;
import dev.vecdb.Replica;
import dev.vecdb.kafka.CommitFollower;
import dev.vecdb.kafka.FollowerOptions;
import dev.vecdb.kafka.ReplicationState;
import dev.vecdb.kafka.ReplicationStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * A follower database and the {@link CommitFollower} that applies the leader's commits to it, for a read replica.
 * The follower starts applying as soon as this is created (before the vector beans open the declared vectors, which
 * must exist: see {@link #awaitVectors}); it stops in the lifecycle's stop phase, after the web server stopped, and
 * the database closes when this bean is destroyed, after every bean that reads it.
 *
 * <p>Threads: the follower applies commits on a thread of its own while the application reads
 * {@link #database()}; {@link #status()} is safe on any thread.
 */
public class ReplicationFollower implements Replication, SmartLifecycle, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(ReplicationFollower.class);
  private static final long WAIT_POLL_MILLIS = 20;

  private final Replica replica;
  private final String topic;
  private volatile @Nullable CommitFollower follower;

  /**
   * Starts applying the commits of {@code options}' topic to {@code replica}.
   *
   * @param replica the follower database, opened by the caller; closed by {@link #destroy()}
   * @param options the topic and Kafka settings
   */
  public ReplicationFollower(Replica replica, FollowerOptions options) {
    this.replica = replica;
    this.topic = options.topic();
    this.follower = CommitFollower.start(replica, options);
    log.info("vecdb database {} follows topic {} from commit {}", replica.database().path(), topic,
        replica.database().commitNumber());
  }

  @Override
  public ReplicationRole role() {
    return ReplicationRole.FOLLOWER;
  }

  @Override
  public String topic() {
    return topic;
  }

  /** The follower database: read-only to the application. */
  public Database database() {
    return replica.database();
  }

  @Override
  public ReplicationStatus status() {
    CommitFollower running = follower;
    return running != null ? running.status() : ReplicationLeader.closed(replica.database());
  }

  /**
   * Waits until the database holds every vector of {@code names} (the declared vectors, which the application opens
   * and cannot create on a follower): they come from the snapshot it started from or from the commits it applies.
   *
   * @throws IllegalStateException naming the missing vectors if they do not all exist within {@code timeout}, or if
   *     the follower failed meanwhile (with its failure as the cause)
   */
  public void awaitVectors(Collection<String> names, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> missing = missing(names);
    while (!missing.isEmpty()) {
      ReplicationStatus status = status();
      if (status.state() == ReplicationState.FAILED) {
        throw new IllegalStateException("the follower of topic " + topic + " stopped before the declared vectors "
            + missing + " reached database " + database().path(), status.failure());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the declared vectors " + missing + " are not in follower database "
            + database().path() + " after " + timeout + " (applied commit " + status.commit() + " of topic " + topic
            + "): the leader has not committed them yet, or the topic is unreachable");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(WAIT_POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the declared vectors " + missing, e);
      }
      missing = missing(names);
    }
  }

  private List<String> missing(Collection<String> names) {
    return names.stream().filter(name -> !database().hasVector(name)).toList();
  }

  /** Nothing to do: the follower runs from construction, so that the declared vectors can be opened. */
  @Override
  public void start() {}

  /** Stops applying, after the commit being applied. */
  @Override
  public void stop() {
    CommitFollower running = follower;
    follower = null;
    if (running != null) {
      running.close();
    }
  }

  @Override
  public boolean isRunning() {
    return follower != null;
  }

  @Override
  public int getPhase() {
    return ReplicationLeader.PHASE;
  }

  /** Stops applying if still running, and closes the database. */
  @Override
  public void destroy() {
    stop();
    replica.close();
  }
}
