package dev.vecdb.kafka;

import dev.vecdb.Commit;
import dev.vecdb.Database;
import dev.vecdb.Outbox;
import java.time.Duration;
import java.util.Optional;

/** A {@link CommitSource} over a database's {@link Outbox}. */
final class OutboxSource implements CommitSource {
  private final Database database;
  private final Outbox outbox;

  /**
   * @throws IllegalStateException if {@code database} was not opened with a commit log
   */
  OutboxSource(Database database) {
    this.database = database;
    this.outbox = database.outbox();
  }

  @Override
  public String name() {
    return "database " + database.path();
  }

  @Override
  public long commitNumber() {
    return database.commitNumber();
  }

  @Override
  public Optional<ShippedCommit> awaitAfter(long number, Duration timeout) throws InterruptedException {
    return outbox.awaitAfter(number, timeout).map(OutboxSource::shipped);
  }

  @Override
  public void acknowledge(long upTo) {
    outbox.acknowledge(upTo);
  }

  @Override
  public long acknowledged() {
    return outbox.acknowledged();
  }

  private static ShippedCommit shipped(Commit commit) {
    return new ShippedCommit(commit.number(), commit.committedAtMillis(), commit.payload());
  }
}
