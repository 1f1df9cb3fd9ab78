package dev.vecdb.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A {@link CommitSource} in memory, for testing the transport without a database: commit {@code n}'s payload is
 * {@link #payload(long, int)}, which a {@link MemorySink} checks. {@link #crash()} forgets the acknowledgements not
 * yet made durable, as a leader's crash does.
 */
final class MemoryOutbox implements CommitSource {
  private final TreeMap<Long, ShippedCommit> commits = new TreeMap<>();
  private long committed;
  private long acknowledged;
  private long durableAcknowledged;

  MemoryOutbox() {
  }

  /** An outbox of a database at commit {@code number}, everything acknowledged (a promoted follower's). */
  static MemoryOutbox at(long number) {
    MemoryOutbox outbox = new MemoryOutbox();
    outbox.committed = number;
    outbox.acknowledged = number;
    outbox.durableAcknowledged = number;
    return outbox;
  }

  /** The payload of commit {@code number}: {@code size} bytes derived from the number. */
  static ByteBuffer payload(long number, int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(number).nextBytes(bytes);
    return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  /** Commits the next number with a payload of {@code size} bytes; an acknowledgement becomes durable with it. */
  synchronized long commit(int size) {
    return commitAs(committed + 1, size);
  }

  /** Commits the next {@code count} numbers, each with a payload of {@code size} bytes. */
  synchronized void commit(int count, int size) {
    for (int i = 0; i < count; i++) {
      commit(size);
    }
  }

  /** Commits {@code number} (skipping the ones between, to make a gap) with a payload of {@code size} bytes. */
  synchronized long commitAs(long number, int size) {
    committed = number;
    durableAcknowledged = acknowledged;
    commits.put(number, new ShippedCommit(number, System.currentTimeMillis(), payload(number, size)));
    notifyAll();
    return number;
  }

  /** Forgets the acknowledgements made since the last commit: they are offered again. */
  synchronized void crash() {
    acknowledged = durableAcknowledged;
  }

  @Override
  public String name() {
    return "memory outbox";
  }

  @Override
  public synchronized long commitNumber() {
    return committed;
  }

  /** The commits not yet acknowledged, oldest first. */
  synchronized List<ShippedCommit> pending() {
    return List.copyOf(commits.tailMap(acknowledged, false).values());
  }

  @Override
  public synchronized Optional<ShippedCommit> awaitAfter(long number, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      var next = commits.higherEntry(Math.max(number, acknowledged));
      if (next != null) {
        return Optional.of(next.getValue());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public synchronized void acknowledge(long upTo) {
    acknowledged = Math.max(acknowledged, upTo);
  }

  @Override
  public synchronized long acknowledged() {
    return acknowledged;
  }
}
