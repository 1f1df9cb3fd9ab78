package dev.vecdb.store;

import java.util.function.Supplier;

/**
 * The right to change a read-only store: what a follower's replication applier holds. Only
 * {@link RegionStore#openFollower} makes one, together with the store, so an application that opened a store or a
 * database read-only has no way to change it.
 *
 * <p>Threads: changes run on the thread that calls {@link #apply}, and only while it runs; other threads keep being
 * refused meanwhile, readers keep reading. One apply or flush at a time (the methods are synchronized).
 */
public final class StoreWriter {
  private final RegionStore store;

  StoreWriter(RegionStore store) {
    this.store = store;
  }

  /** The read-only store this writer changes. */
  public RegionStore store() {
    return store;
  }

  /** Runs {@code changes} on the calling thread with the right to change the store. */
  public synchronized <T> T apply(Supplier<T> changes) {
    Thread previous = store.permitWrites(Thread.currentThread());
    try {
      return changes.get();
    } finally {
      store.permitWrites(previous);
    }
  }

  /**
   * Commits the applied changes with {@code commitNumber} as the store's commit number, atomically with them (see
   * {@link RegionStore#commitNumber()}); it commits even if nothing else changed.
   *
   * @throws IllegalArgumentException if {@code commitNumber} is not greater than the store's commit number
   */
  public synchronized FlushReport flush(long commitNumber) {
    return apply(() -> store.flush(commitNumber));
  }
}
