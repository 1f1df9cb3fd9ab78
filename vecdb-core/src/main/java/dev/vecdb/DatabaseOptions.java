package dev.vecdb;

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
 */
public record DatabaseOptions(boolean readOnly, boolean commitLog) {
  /** A writable database without a commit log. */
  public static final DatabaseOptions DEFAULT = new DatabaseOptions(false, false);

  /** A copy with read-only set. */
  public DatabaseOptions withReadOnly(boolean newReadOnly) {
    return new DatabaseOptions(newReadOnly, commitLog);
  }

  /** A copy with the commit log on or off. */
  public DatabaseOptions withCommitLog(boolean newCommitLog) {
    return new DatabaseOptions(readOnly, newCommitLog);
  }
}
