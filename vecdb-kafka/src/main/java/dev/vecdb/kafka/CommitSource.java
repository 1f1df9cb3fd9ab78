package dev.vecdb.kafka;

import java.time.Duration;
import java.util.Optional;

/**
 * The leader's side of a {@link CommitPublisher}: a database's outbox of commits not yet confirmed as shipped.
 * Implementations are thread-safe.
 */
interface CommitSource {
  /** The database, for messages. */
  String name();

  /** The number of the database's last completed commit. */
  long commitNumber();

  /** The first unacknowledged commit numbered above {@code number}, waiting up to {@code timeout} for one. */
  Optional<ShippedCommit> awaitAfter(long number, Duration timeout) throws InterruptedException;

  /** Confirms that the topic holds every commit up to {@code upTo}: they may leave the outbox. */
  void acknowledge(long upTo);

  /** The highest commit acknowledged. */
  long acknowledged();
}
