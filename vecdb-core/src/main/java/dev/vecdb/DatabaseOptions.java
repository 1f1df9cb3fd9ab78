package dev.vecdb;

import dev.vecdb.internal.Exceptions;

/**
 * How to open a database. Immutable; the {@code with} methods return modified copies.
 *
 * @param readOnly whether the database is a follower: the application reads it, and every change from the
 *     application (push, update, delete, truncate, write, stamped write, rollback, reset, vector creation and
 *     removal, region changes, flush, compact) fails with {@link ReadOnlyException}; its replication applier changes
 *     it through a {@link Replica} (default false)
 * @param commitLog whether every commit records what it changed, per vector, into the database's {@link Outbox}
 *     atomically with the commit, where it stays until the publisher acknowledges it (default false: nothing is
 *     recorded and nothing costs anything); see {@link Database#outbox()}
 * @param preallocatedBytes data file space to reserve at open, as {@link Database#preallocate(long, int)} (default
 *     0: none; the file grows as it is written)
 * @param preallocatedRegions region slots to reserve at open, as {@link Database#preallocate(long, int)} (default 0)
 */
public record DatabaseOptions(boolean readOnly, boolean commitLog, long preallocatedBytes, int preallocatedRegions) {
  /** A writable database without a commit log that reserves nothing up front. */
  public static final DatabaseOptions DEFAULT = new DatabaseOptions(false, false, 0, 0);

  /**
   * @throws IllegalArgumentException if an amount is negative, or if a read-only database is to preallocate
   */
  public DatabaseOptions {
    if (preallocatedBytes < 0 || preallocatedRegions < 0) {
      throw Exceptions.illegalArgument("cannot preallocate %s bytes and %s region slots: amounts must not be negative",
          preallocatedBytes, preallocatedRegions);
    }
    if (readOnly && (preallocatedBytes > 0 || preallocatedRegions > 0)) {
      throw new IllegalArgumentException("a read-only database cannot preallocate space");
    }
  }

  /** A copy with read-only set. */
  public DatabaseOptions withReadOnly(boolean newReadOnly) {
    return new DatabaseOptions(newReadOnly, commitLog, preallocatedBytes, preallocatedRegions);
  }

  /** A copy with the commit log on or off. */
  public DatabaseOptions withCommitLog(boolean newCommitLog) {
    return new DatabaseOptions(readOnly, newCommitLog, preallocatedBytes, preallocatedRegions);
  }

  /** A copy that reserves {@code dataBytes} of file space and {@code regions} region slots at open. */
  public DatabaseOptions withPreallocation(long dataBytes, int regions) {
    return new DatabaseOptions(readOnly, commitLog, dataBytes, regions);
  }
}
