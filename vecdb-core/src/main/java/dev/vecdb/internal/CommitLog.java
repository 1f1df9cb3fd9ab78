package dev.vecdb.internal;

import java.util.List;

/**
 * The outbox of a store with a commit log, as the engine's other packages use it: {@code dev.vecdb.Outbox} reads and
 * acknowledges its entries, {@code dev.vecdb.vec} supplies each commit's payload ({@link Records}). The
 * implementation is the store's ({@code dev.vecdb.store.CommitOutbox}); see it for the format and the threading.
 */
public interface CommitLog {
  /** What a flush records: the payload of commit {@code number}. */
  @FunctionalInterface
  interface Records {
    /** Takes every change record since the previous commit and encodes them as the payload of {@code number}. */
    byte[] take(long number);
  }

  /** One unacknowledged commit: where its payload lies in the outbox region. */
  record Entry(long number, long committedAtMillis, long offset, int length) {}

  /**
   * Acknowledges every commit up to {@code upTo} (at most the last one recorded): they leave the outbox now, and the
   * next commit makes that durable.
   */
  void acknowledge(long upTo);

  /** The highest number acknowledged. */
  long acknowledged();

  /** The unacknowledged entries, oldest first (the first is after {@code after} when it is not -1). */
  List<Entry> entries(long after);

  /**
   * Waits up to {@code nanos} for an entry numbered above {@code after}; returns the remaining nanoseconds, or a
   * value {@code <= 0} when the time ran out.
   *
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  long awaitAfter(long after, long nanos) throws InterruptedException;

  /** The payload of {@code entry}, or null when it was acknowledged meanwhile (its bytes may be gone). */
  byte[] read(Entry entry);
}
