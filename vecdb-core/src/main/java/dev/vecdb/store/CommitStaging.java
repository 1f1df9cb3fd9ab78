package dev.vecdb.store;

import dev.vecdb.StorageException;
import dev.vecdb.internal.Exceptions;
import java.nio.file.Path;

/**
 * What a {@link RegionStore} flush commits besides the regions' own changes: the next number of the store's
 * {@link CommitSequence} and, when the commit log is on, the commit's entry in the {@link CommitOutbox}. Both are
 * staged in the store's internal regions before the flush writes the region table, so the table write commits them
 * atomically with the changes; both are told the commit completed only after the journal is emptied.
 *
 * <p>Invariants: commit numbers only grow; the outbox never records a commit past the store's commit number; a
 * failure to stage either fails the store (a flush never retries half-written internal regions). The outbox is set
 * once, before the first commit that records it, and never removed.
 *
 * <p>Threads: {@link #numberFor}, {@link #stage}, {@link #completed} and {@link #enableOutbox} run under the store's
 * commit lock held for writing; {@link #committed} and {@link #outbox} read volatile state from any thread.
 */
final class CommitStaging {
  private final Path directory;
  private final StoreFailure failure;
  private final CommitSequence sequence;
  /** The outbox of a store with a commit log, or null; set once, before the first commit. */
  private volatile CommitOutbox outbox;

  CommitStaging(Path directory, StoreFailure failure, CommitSequence sequence) {
    this.directory = directory;
    this.failure = failure;
    this.sequence = sequence;
  }

  /** The number of the last completed commit (0 before the first). */
  long committed() {
    return sequence.committed();
  }

  /**
   * The number of the next commit: {@code requested}, or the next one when it is -1.
   *
   * @throws IllegalArgumentException if {@code requested} is not greater than the last commit number
   */
  long numberFor(long requested) {
    if (requested != -1 && requested <= sequence.committed()) {
      throw Exceptions.illegalArgument("commit number %s of database %s is not greater than the last commit number %s",
          requested, directory, sequence.committed());
    }
    return requested == -1 ? sequence.committed() + 1 : requested;
  }

  /** Writes commit {@code number} and, when the commit log is on, its outbox entry; a failure fails the store. */
  void stage(long number) {
    try {
      sequence.stage(number);
    } catch (StorageException e) {
      StorageException error = StoreErrors.storage(e, "database %s: cannot flush: cannot write commit number %s: %s",
          directory, number, (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
      failure.record(error);
      throw error;
    }
    if (outbox == null) {
      return;
    }
    try {
      outbox.stage(number);
    } catch (RuntimeException e) {
      throw failure.fail("flush: cannot record commit " + number + " in the outbox", e);
    }
  }

  /** The staged commit is durable: the number and the outbox entry are the committed ones now. */
  void completed() {
    sequence.completed();
    if (outbox != null) {
      outbox.completed();
    }
  }

  /** The outbox, or null when the commit log is off. */
  CommitOutbox outbox() {
    return outbox;
  }

  /**
   * Records every later commit in {@code opened}.
   *
   * @throws dev.vecdb.CorruptionException if the outbox records a commit past the store's commit number
   */
  void enableOutbox(CommitOutbox opened) {
    if (opened.last() > sequence.committed()) {
      throw Exceptions.corruption("commit outbox of database %s records commit %s, past the database's commit"
          + " number %s", directory, opened.last(), sequence.committed());
    }
    outbox = opened;
  }
}
