package dev.vecdb;

import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.RegionStore;
import dev.vecdb.store.StoreWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A follower database together with the right to change it: what a replication applier opens. The application
 * reads {@link #database()}, which is read-only to it ({@link Database#isReadOnly()}; every change from the
 * application fails with {@link ReadOnlyException}); the applier applies the leader's commits in order with
 * {@link #apply}, each flushed with the leader's commit number stored atomically with its changes, so that after a
 * crash {@link Database#commitNumber()} says exactly which commit to apply next.
 *
 * <p>Threads: {@link #apply} runs the changes on the calling thread, one apply at a time; application threads keep
 * reading meanwhile (through vector readers) and keep being refused changes. A plain read sees each vector's writes
 * whole; a read of several vectors through {@link Database#readCommitted} sees each commit whole.
 */
public final class Replica implements AutoCloseable {
  private final Database database;
  private final StoreWriter writer;

  private Replica(StoreWriter writer) {
    this.writer = writer;
    this.database = new Database(writer.store());
  }

  /**
   * Opens (or creates) the follower database in {@code directory}, recovering its last completed flush.
   *
   * @throws DatabaseLockedException if the directory is already open
   * @throws CorruptionException if its files are damaged beyond what recovery repairs
   * @throws StorageException if the files cannot be opened
   */
  public static Replica open(Path directory) {
    return new Replica(RegionStore.openFollower(directory));
  }

  /** The follower database, read-only to the application. */
  public Database database() {
    return database;
  }

  /**
   * Applies commit {@code commitNumber}: runs {@code changes} on the calling thread with the right to change the
   * database (they write their vectors), then flushes with {@code commitNumber} as the database's commit number.
   * A commit at or below the database's commit number was applied already and is skipped (returns false).
   *
   * <p>If {@code changes} throws, nothing is flushed and the exception propagates; the changes it made are then
   * half-applied in memory: close the replica (which discards them) and reopen it.
   *
   * @return whether the commit was applied
   * @throws CommitGapException if {@code commitNumber} is past the next one (commits are missing)
   */
  public boolean apply(long commitNumber, Consumer<Database> changes) {
    synchronized (writer) {
      long applied = database.commitNumber();
      if (commitNumber <= applied) {
        return false;
      }
      checkNoGap(commitNumber, applied);
      long stamp = database.commits.writeLock();
      try {
        writer.apply(() -> {
          changes.accept(database);
          return writer.flush(commitNumber);
        });
      } finally {
        database.commits.unlockWrite(stamp);
      }
      return true;
    }
  }

  /**
   * Applies {@code commit}, shipped from a leader's {@link Outbox}: decodes and checks its whole payload first, then
   * applies its change records through the follower's vectors (the instances the application has open receive them,
   * so their readers see each vector write as the leader's readers did) and flushes with {@code commit.number()}
   * stored atomically with them.
   *
   * @return false if the commit was applied already ({@code commit.number() <= database().commitNumber()}), true
   *     once it is applied and flushed
   * @throws CommitGapException if commits are missing before it; nothing is applied
   * @throws CorruptionException if its payload fails its checksum or does not decode; nothing is applied
   */
  public boolean apply(Commit commit) {
    synchronized (writer) {
      long applied = database.commitNumber();
      if (commit.number() <= applied) {
        return false;
      }
      checkNoGap(commit.number(), applied);
      byte[] payload = new byte[commit.size()];
      commit.payload().get(payload);
      Runnable records = VecAccess.get().decodeCommit(database.vectors(), payload, commit.number());
      return apply(commit.number(), db -> records.run());
    }
  }

  private void checkNoGap(long number, long applied) {
    if (number != applied + 1) {
      throw Errors.commitGap(applied + 1, number, "cannot apply commit %s to database %s: its last commit is %s,"
          + " commits %s..%s are missing", number, database.path(), applied, (applied + 1), (number - 1));
    }
  }

  /** Closes the database without flushing. Idempotent. */
  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "Replica[" + database.path() + "]";
  }
}
