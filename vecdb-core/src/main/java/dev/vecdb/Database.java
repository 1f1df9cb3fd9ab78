package dev.vecdb;

import dev.vecdb.store.CompactionReport;
import dev.vecdb.store.DiskUsage;
import dev.vecdb.store.FlushReport;
import dev.vecdb.store.RegionStore;
import java.nio.file.Path;

/**
 * An open vecdb database: one directory holding every vector of an application in a single sparse, memory-mapped
 * data file.
 *
 * <p>Lifecycle: {@link #open(Path)} creates the directory if needed, takes an OS lock on it (a second open, from this
 * JVM or another process, fails at once with {@link DatabaseLockedException}) and recovers the last completed flush
 * if the previous user crashed. {@link #flush()} commits every change durably and atomically; {@link #close()}
 * releases everything without flushing, {@link #flushAndClose()} flushes first.
 *
 * <p>Threads: a database is safe to share between threads. See {@link RegionStore} for the storage contract.
 */
public final class Database implements AutoCloseable {
  private final RegionStore store;

  private Database(RegionStore store) {
    this.store = store;
  }

  /**
   * Opens (or creates) the database in {@code directory}.
   *
   * @throws DatabaseLockedException if the directory is already open
   * @throws CorruptionException if its files are damaged beyond what recovery repairs
   * @throws StorageException if the files cannot be opened
   */
  public static Database open(Path directory) {
    return new Database(RegionStore.open(directory));
  }

  /** The database directory (absolute). */
  public Path path() {
    return store.path();
  }

  /** The region store underneath: named byte regions, for low-level use and diagnostics. */
  public RegionStore regions() {
    return store;
  }

  /** Commits every change since the last flush, durably and atomically. */
  public FlushReport flush() {
    return store.flush();
  }

  /** Flushes, then returns unused space to the file system (see {@link RegionStore#compact()}). */
  public CompactionReport compact() {
    return store.compact();
  }

  /** Logical and allocated size of the database files. */
  public DiskUsage diskUsage() {
    return store.diskUsage();
  }

  /** Whether the database is open. */
  public boolean isOpen() {
    return store.isOpen();
  }

  /** Flushes, then closes. */
  public void flushAndClose() {
    try {
      store.flush();
    } finally {
      store.close();
    }
  }

  /** Closes without flushing: changes since the last flush are discarded. Idempotent. */
  @Override
  public void close() {
    store.close();
  }

  @Override
  public String toString() {
    return "Database[" + path() + "]";
  }
}
