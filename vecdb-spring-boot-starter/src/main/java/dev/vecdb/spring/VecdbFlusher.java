package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.store.FlushReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes the database on behalf of the starter (background flushes, the actuator endpoint, shutdown) and keeps
 * score: how many flushes ran, how long they took, how many failed, and the last failure until a flush succeeds
 * again. Metrics and health read these numbers.
 *
 * <p>Threads: safe to call from any thread; flushes themselves are serialized by the database. A flush commits what
 * the vectors have written; values pushed but not yet written stay with their writer thread.
 */
public class VecdbFlusher {
  private static final Logger log = LoggerFactory.getLogger(VecdbFlusher.class);

  private final Database database;
  private final Clock clock;
  private final AtomicLong flushes = new AtomicLong();
  private final LongAdder flushNanos = new LongAdder();
  private final AtomicLong failures = new AtomicLong();
  private volatile Instant lastSuccess;
  private volatile FlushFailure lastFailure;

  /**
   * @param database the database to flush
   * @param clock the clock that timestamps successes and failures
   */
  public VecdbFlusher(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Commits everything written since the last flush, durably and atomically.
   *
   * @return what the flush committed
   * @throws RuntimeException the flush's failure, after logging it with its cause and recording it
   */
  public FlushReport flush() {
    long start = System.nanoTime();
    try {
      FlushReport report = database.flush();
      lastSuccess = clock.instant();
      lastFailure = null;
      return report;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      lastFailure = new FlushFailure(clock.instant(), e);
      log.error("Flush of vecdb database {} failed; changes since the last successful flush are not durable",
          database.path(), e);
      throw e;
    } finally {
      flushNanos.add(System.nanoTime() - start);
      flushes.incrementAndGet();
    }
  }

  /** The database this flusher flushes. */
  public Database database() {
    return database;
  }

  /** Number of flushes run (successful or not). */
  public long flushCount() {
    return flushes.get();
  }

  /** Total time spent flushing, in nanoseconds. */
  public double totalFlushNanos() {
    return flushNanos.sum();
  }

  /** Number of failed flushes. */
  public long failureCount() {
    return failures.get();
  }

  /** When the last successful flush ended, if any. */
  public Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess);
  }

  /** The last failure, if no flush succeeded since. */
  public Optional<FlushFailure> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }
}
