package dev.vecdb;

/**
 * How to open a database. Immutable; the {@code with} methods return modified copies.
 *
 * @param readOnly whether the database is a follower: the application reads it, and every change from the
 *     application (push, update, delete, truncate, write, stamped write, rollback, reset, vector creation and
 *     removal, region changes, flush, compact) fails with {@link ReadOnlyException}; its replication applier changes
 *     it through a {@link Replica} (default false)
 */
public record DatabaseOptions(boolean readOnly) {
  /** A writable database. */
  public static final DatabaseOptions DEFAULT = new DatabaseOptions(false);

  /** A copy with read-only set. */
  public DatabaseOptions withReadOnly(boolean newReadOnly) {
    return new DatabaseOptions(newReadOnly);
  }
}
