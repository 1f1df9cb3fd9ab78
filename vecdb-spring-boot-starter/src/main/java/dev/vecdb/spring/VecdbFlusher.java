package dev.vecdb.spring;

import dev.vecdb.Database;
import dev.vecdb.store.FlushReport;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flushes the database on behalf of the starter (background flushes, the actuator endpoint, shutdown), observes each
 * flush as the Micrometer {@link Observation} {@value #OBSERVATION} (a timer tagged {@code outcome} and
 * {@code error} when Micrometer's metrics are configured, a span when tracing is), and remembers the last success
 * and the last failure until a flush succeeds again, for the health indicator and the endpoint.
 *
 * <p>Threads: safe to call from any thread; flushes themselves are serialized by the database. A flush commits what
 * the vectors have written; values pushed but not yet written stay with their writer thread.
 */
public class VecdbFlusher {
  /** Name of the flush observation, and of the timer it records. */
  public static final String OBSERVATION = "vecdb.flush";

  private static final Logger log = LoggerFactory.getLogger(VecdbFlusher.class);
  private static final KeyValue SUCCESS = KeyValue.of("outcome", "success");
  private static final KeyValue FAILURE = KeyValue.of("outcome", "failure");

  private final Database database;
  private final ObservationRegistry observations;
  private final Clock clock;
  private volatile @Nullable Instant lastSuccess;
  private volatile @Nullable FlushFailure lastFailure;

  /**
   * @param database the database to flush
   * @param observations where flushes are observed ({@link ObservationRegistry#NOOP} for none)
   * @param clock the clock that timestamps successes and failures
   */
  public VecdbFlusher(Database database, ObservationRegistry observations, Clock clock) {
    this.database = database;
    this.observations = observations;
    this.clock = clock;
  }

  /**
   * Commits everything written since the last flush, durably and atomically.
   *
   * @return what the flush committed
   * @throws RuntimeException the flush's failure, after logging, observing and recording it
   */
  @SuppressWarnings("try") // the scope makes the observation current for the flush; nothing in it names it
  public FlushReport flush() {
    Observation observation = Observation.createNotStarted(OBSERVATION, observations)
        .contextualName("vecdb flush").start();
    try (Observation.Scope scope = observation.openScope()) {
      FlushReport report = database.flush();
      observation.lowCardinalityKeyValue(SUCCESS);
      lastSuccess = clock.instant();
      lastFailure = null;
      return report;
    } catch (RuntimeException e) {
      observation.lowCardinalityKeyValue(FAILURE).error(e);
      lastFailure = new FlushFailure(clock.instant(), e);
      log.error("Flush of vecdb database {} failed; changes since the last successful flush are not durable",
          database.path(), e);
      throw e;
    } finally {
      observation.stop();
    }
  }

  /** The database this flusher flushes. */
  public Database database() {
    return database;
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
