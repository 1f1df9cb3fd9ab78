package dev.vecdb;

import dev.vecdb.internal.CommitLog;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commits of a database opened with a commit log ({@link DatabaseOptions#withCommitLog}) that its publisher has
 * not acknowledged yet. Each flush appends its commit atomically with the commit itself, so a crash between commit
 * and publication loses nothing: after a reopen {@link #pending()} offers the same commits again. Acknowledged
 * commits leave at once; their removal becomes durable with the next commit at the latest, so after a crash an
 * acknowledged commit may be offered again (followers skip it: {@link Replica#apply(Commit)} returns false).
 *
 * <p>Every commit is recorded, including those whose only changes are raw region writes (their payload then holds
 * no record): commit numbers reach followers without gaps.
 *
 * <p>Thread-safe: the publisher's thread may wait in {@link #awaitAfter} while writers write and flush.
 */
public final class Outbox {
  private final CommitLog entries;

  Outbox(CommitLog entries) {
    this.entries = entries;
  }

  /**
   * The unacknowledged commits, oldest first.
   *
   * @throws ClosedException if the database is closed
   */
  public List<Commit> pending() {
    return commitsAfter(-1, Integer.MAX_VALUE);
  }

  /**
   * The first unacknowledged commit numbered above {@code number}, waiting up to {@code timeout} for a flush to
   * commit one.
   *
   * @return the commit, or empty when none came in time
   * @throws InterruptedException if the thread is interrupted while waiting
   * @throws ClosedException if the database is closed
   */
  public Optional<Commit> awaitAfter(long number, Duration timeout) throws InterruptedException {
    long nanos = timeout.toNanos();
    while (true) {
      List<Commit> next = commitsAfter(number, 1);
      if (!next.isEmpty()) {
        return Optional.of(next.getFirst());
      }
      nanos = entries.awaitAfter(number, nanos);
      if (nanos <= 0) {
        next = commitsAfter(number, 1);
        return next.isEmpty() ? Optional.empty() : Optional.of(next.getFirst());
      }
    }
  }

  /**
   * Confirms that every commit up to {@code upTo} is published: they leave the outbox now, durably with the next
   * commit. Acknowledging a number again, or a lower one, changes nothing; a number past the last commit
   * acknowledges up to the last commit.
   */
  public void acknowledge(long upTo) {
    entries.acknowledge(upTo);
  }

  /** The highest number acknowledged; after a reopen, the highest one a commit made durable (0 when none). */
  public long acknowledged() {
    return entries.acknowledged();
  }

  private List<Commit> commitsAfter(long number, int limit) {
    List<Commit> out = new ArrayList<>();
    for (CommitLog.Entry e : entries.entries(number)) {
      if (out.size() == limit) {
        break;
      }
      byte[] payload = entries.read(e);
      if (payload != null) {
        out.add(Commit.of(e.number(), e.committedAtMillis(), ByteBuffer.wrap(payload)));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "Outbox[acknowledged " + acknowledged() + "]";
  }
}
