package dev.vecdb.store;

import dev.vecdb.StorageException;
import dev.vecdb.VecdbException;
import java.nio.file.Path;

/**
 * A {@link RegionStore}'s failed state: the failure after which its in-process state may differ from anything a
 * flush could commit (a write that failed half-way through an overwrite, a group of writes that failed part-way, any
 * failure of the journal, a failed flush). Once failed, the store refuses every mutation and flush with a
 * {@link StorageException} naming the cause; only reopening recovers, at the last completed flush.
 *
 * <p>Invariants: the state is never cleared. {@link #fail} records its own exception, replacing an earlier one (the
 * message names the latest cause); a failed {@link RegionStore#atomically} group keeps the first ({@link #recordFirst}).
 *
 * <p>Threads: thread-safe; the recorded failure is volatile, so a thread that checks after another failed the store
 * sees it.
 */
final class StoreFailure {
  private final Path directory;
  private volatile Throwable failure;

  StoreFailure(Path directory) {
    this.directory = directory;
  }

  /**
   * Checks that the store has not failed.
   *
   * @throws StorageException if it has, naming the recorded cause
   */
  void check() {
    Throwable failed = failure;
    if (failed != null) {
      throw StoreErrors.storage(failed, "database %s failed earlier (%s); close and reopen it to recover the last"
          + " flush", directory, failed.getMessage());
    }
  }

  /**
   * Fails the store because {@code what} failed with {@code e} and returns the exception to throw. An {@link Error}
   * is recorded as the cause and rethrown as it is, after the store is failed.
   */
  VecdbException fail(String what, Throwable e) {
    StorageException error = StoreErrors.storage(e, "database %s: cannot %s: %s", directory, what, e);
    failure = error;
    if (e instanceof Error fatal) {
      throw fatal;
    }
    return error;
  }

  /** Fails the store with {@code error}, the exception its caller throws. */
  void record(StorageException error) {
    failure = error;
  }

  /** Fails the store with {@code e} unless it has failed already. */
  void recordFirst(Throwable e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** Whether {@code e} is the recorded failure itself (thrown already by the code that failed the store). */
  boolean isRecorded(Throwable e) {
    return e == failure;
  }
}
