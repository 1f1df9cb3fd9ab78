package dev.vecdb;

import dev.vecdb.codec.NumberType;
import dev.vecdb.codec.ValueCodec;
import dev.vecdb.internal.CommitLog;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.internal.StoreAccess;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.CompactionReport;
import dev.vecdb.store.DiskUsage;
import dev.vecdb.store.FileIo;
import dev.vecdb.store.FlushReport;
import dev.vecdb.store.RegionStore;
import dev.vecdb.store.SnapshotReport;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.ShortVec;
import dev.vecdb.vec.StoredVec;
import dev.vecdb.vec.VecRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * An open vecdb database: one directory holding every vector of an application in a single sparse, memory-mapped
 * data file.
 *
 * <p>Lifecycle: {@link #open(Path)} creates the directory if needed, takes an OS lock on it (a second open, from this
 * JVM or another process, fails at once with {@link DatabaseLockedException}) and recovers the last completed flush
 * if the previous user crashed. {@link #flush()} commits every change durably and atomically; {@link #close()}
 * releases everything without flushing, {@link #flushAndClose()} flushes first.
 *
 * <p>Vector names: the openers ({@link #longVec}, {@link #objVec}, ...) take names of 1 to
 * 997 ({@link dev.vecdb.vec.StoredVec#MAX_NAME_BYTES}) UTF-8 bytes without control characters, path separators
 * ({@code /}, {@code \}) or {@code @} (reserved for a vector's own regions); any other name fails with
 * {@link InvalidNameException}.
 *
 * <p>Threads: a database is safe to share between threads. See {@link RegionStore} for the storage contract.
 */
public final class Database implements AutoCloseable {
  private final RegionStore store;
  private final VecRegistry vectors;
  /**
   * Held for writing while a {@link Replica} applies a commit, so that {@link #readCommitted} sees whole commits;
   * never held on a writable database.
   */
  final StampedLock commits = new StampedLock();
  /** The outbox when the commit log is on, else null. */
  private final Outbox outbox;

  Database(RegionStore store) {
    this(store, false);
  }

  private Database(RegionStore store, boolean commitLog) {
    this.store = store;
    try {
      this.vectors = VecAccess.get().registry(store, commitLog);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CommitLog log = StoreAccess.get().outbox(store);
    this.outbox = log == null ? null : new Outbox(log);
  }

  /**
   * Opens (or creates) the database in {@code directory}.
   *
   * @throws DatabaseLockedException if the directory is already open
   * @throws CorruptionException if its files are damaged beyond what recovery repairs
   * @throws StorageException if the files cannot be opened
   * @throws InvalidNameException if {@code directory} is the empty path
   */
  public static Database open(Path directory) {
    return new Database(RegionStore.open(directory));
  }

  /**
   * Opens (or creates) the database in {@code directory} with {@code options}. A read-only database (a follower)
   * recovers its last completed flush like any other, serves every read, and refuses every change with a
   * {@link ReadOnlyException} naming the vector (or region) and the database; only a {@link Replica} changes it. With
   * a commit log ({@link DatabaseOptions#commitLog()}) every commit records its changes into the {@link #outbox()}.
   *
   * @throws IllegalArgumentException if {@code options} asks for both read-only and a commit log
   * @throws CorruptionException if the outbox is damaged, or records a commit past the commit number
   * @throws DatabaseLockedException if the directory is already open
   * @throws CorruptionException if its files are damaged beyond what recovery repairs
   * @throws StorageException if the files cannot be opened
   */
  public static Database open(Path directory, DatabaseOptions options) {
    if (options.readOnly() && options.commitLog()) {
      throw Exceptions.illegalArgument("database %s: a read-only database (a follower) keeps no commit log; open it"
          + " with readOnly or commitLog, not both", directory);
    }
    Database db = new Database(options.readOnly() ? RegionStore.openReadOnly(directory) : RegionStore.open(directory),
        options.commitLog());
    if (options.preallocatedBytes() > 0 || options.preallocatedRegions() > 0) {
      try {
        db.preallocate(options.preallocatedBytes(), options.preallocatedRegions());
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    }
    return db;
  }

  /**
   * Runs {@code read} on the calling thread so that it sees whole commits: on a follower, a read of several vectors
   * taken with it never mixes the states of two commits (a plain read may, for the instant a commit is applied
   * vector by vector, see some vectors before it and others after it). It first runs without locking and keeps its
   * result if no commit was applied meanwhile; otherwise it runs once more holding the lock that keeps the next
   * commit waiting, so it never repeats more than once, and an apply waits at most for one read. An exception thrown
   * by a run that overlapped an apply is discarded with that run.
   *
   * <p>On a writable database no commit is applied from outside: {@code read} runs once and sees what the
   * application's own writes published, in the order its threads wrote them.
   *
   * @return what {@code read} returned
   */
  public <T> T readCommitted(Supplier<T> read) {
    long stamp = commits.tryOptimisticRead();
    if (stamp != 0) {
      try {
        T result = read.get();
        if (commits.validate(stamp)) {
          return result;
        }
      } catch (RuntimeException e) {
        if (commits.validate(stamp)) {
          throw e;
        }
      }
    }
    stamp = commits.readLock();
    try {
      return read.get();
    } finally {
      commits.unlockRead(stamp);
    }
  }

  /** Whether the database was opened read-only (see {@link DatabaseOptions#readOnly()}). */
  public boolean isReadOnly() {
    return store.isReadOnly();
  }

  /** Internal, for fault-injection tests: {@link #open(Path)} with every file operation going through {@code io}. */
  static Database open(Path directory, FileIo io) {
    return new Database(RegionStore.open(directory, io));
  }

  /** Internal, for fault-injection tests: {@link #open(Path, DatabaseOptions)} (writable) through {@code io}. */
  static Database open(Path directory, DatabaseOptions options, FileIo io) {
    return new Database(RegionStore.open(directory, io), options.commitLog());
  }

  /** The database directory (absolute). */
  public Path path() {
    return store.path();
  }

  /**
   * The outbox of a database opened with a commit log ({@link DatabaseOptions#withCommitLog}): every commit's change
   * records, kept until the publisher acknowledges them. Region writes through the region store underneath are not
   * recorded (a commit made only of them has an empty payload): replicate vectors, not raw regions.
   *
   * @throws IllegalStateException if the database was opened without {@code DatabaseOptions.commitLog}
   */
  public Outbox outbox() {
    if (outbox == null) {
      throw Exceptions.illegalState("database %s keeps no commit log: open it with"
          + " DatabaseOptions.DEFAULT.withCommitLog(true) to get an outbox", path());
    }
    return outbox;
  }

  /** Internal: the region store underneath (named byte regions), for this package and its tests. */
  RegionStore regions() {
    return store;
  }

  /** Internal: the vectors open in this database, for this package and its tests. */
  VecRegistry vectors() {
    return vectors;
  }

  /** Every vector open in this database, by name. */
  public List<StoredVec> openVectors() {
    return vectors.all();
  }

  /**
   * Whether a vector named {@code name} is stored in this database, open or not (on a follower: whether the leader's
   * commits applied so far have created it). Safe on any thread.
   */
  public boolean hasVector(String name) {
    return name.indexOf('@') < 0 && name.indexOf('/') < 0 && store.contains(name);
  }

  /** The open vector {@code name}, if it is open in this database. */
  public Optional<StoredVec> findVector(String name) {
    return vectors.find(name);
  }

  /**
   * Removes the open vector {@code name} and every region it stores data in; committed by the next {@link #flush()}.
   * The instance the application holds is detached: it reads as empty, and a point read, a reader's snapshot or a
   * change through it fails with a {@link NotFoundException} naming the vector (open the vector again to create it
   * anew). The calling thread takes the vector's ownership as a change does.
   *
   * @throws NotFoundException if no such vector is open
   * @throws ReadOnlyException if the database is read-only
   * @throws ConcurrentMutationException if another thread is changing the vector
   */
  public void removeVector(String name) {
    vectors.remove(name);
  }

  /** The logical length of the data file, in bytes (see {@link #diskUsage()} for what the files occupy on disk). */
  public long fileLength() {
    return store.fileLength();
  }

  /** Opens (creating if needed) a vector of {@code long} values: {@code i64} or {@code u64}. */
  public LongVec longVec(String name, NumberType type, VecOptions options) {
    return vectors.longVec(name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code int} values: {@code i32} or {@code u32}. */
  public IntVec intVec(String name, NumberType type, VecOptions options) {
    return vectors.intVec(name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code short} values: {@code i16} or {@code u16}. */
  public ShortVec shortVec(String name, NumberType type, VecOptions options) {
    return vectors.shortVec(name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code byte} values: {@code i8} or {@code u8}. */
  public ByteVec byteVec(String name, NumberType type, VecOptions options) {
    return vectors.byteVec(name, type, options);
  }

  /** Opens (creating if needed) a vector of {@code f64} values. */
  public DoubleVec doubleVec(String name, VecOptions options) {
    return vectors.doubleVec(name, NumberType.F64, options);
  }

  /** Opens (creating if needed) a vector of {@code f32} values. */
  public FloatVec floatVec(String name, VecOptions options) {
    return vectors.floatVec(name, NumberType.F32, options);
  }

  /**
   * Opens (creating if needed) the primitive vector that holds {@code type}: a {@link ByteVec}, {@link ShortVec},
   * {@link IntVec}, {@link LongVec}, {@link FloatVec} or {@link DoubleVec}. For code that chooses the type at run
   * time (configuration, tools); the typed openers above give the typed handle directly.
   */
  public StoredVec numericVec(String name, NumberType type, VecOptions options) {
    return switch (type) {
      case I8, U8 -> byteVec(name, type, options);
      case I16, U16 -> shortVec(name, type, options);
      case I32, U32 -> intVec(name, type, options);
      case I64, U64 -> longVec(name, type, options);
      case F32 -> floatVec(name, options);
      case F64 -> doubleVec(name, options);
    };
  }

  /** Opens (creating if needed) a vector of fixed-size objects (records, byte arrays) encoded by {@code codec}. */
  public <T> ObjVec<T> objVec(String name, ValueCodec<T> codec, VecOptions options) {
    return vectors.objVec(name, codec, options);
  }

  /** Opens (creating if needed) a vector of byte arrays of {@code size} bytes each (hashes). */
  public ObjVec<byte[]> bytesVec(String name, int size, VecOptions options) {
    return vectors.objVec(name, ValueCodec.bytes(size), options);
  }

  /** Opens (creating if needed) a vector of {@code type} records (see {@link ValueCodec#record}). */
  public <R extends Record> ObjVec<R> recordVec(String name, Class<R> type, VecOptions options) {
    return vectors.objVec(name, ValueCodec.record(type), options);
  }

  /**
   * Commits every change written since the last flush (by {@code write()} of any vector or by region writes),
   * durably and atomically. Values pushed but not written are not part of it.
   */
  public FlushReport flush() {
    return store.flush();
  }

  /**
   * The number of the last completed commit: every {@link #flush()} that changes something commits the next
   * number of a durable, monotonic sequence atomically with its changes (0 before the first one). A flush with
   * nothing to commit, and a flush that fails, leave it unchanged; a reopen after a crash finds exactly the number
   * of the last completed flush. Safe on any thread.
   */
  public long commitNumber() {
    return store.commitNumber();
  }

  /**
   * Writes a consistent copy of the last completed commit into {@code target} (which must not exist or be an empty
   * directory) while other threads keep writing and flushing; see {@link RegionStore#snapshot(Path)}. The copy opens
   * as a normal database, read-only too, with this commit's values, holes, stamps and {@link #commitNumber()}.
   * Vectors' pushed or written but unflushed values are not part of it.
   */
  public SnapshotReport snapshot(Path target) {
    return store.snapshot(target);
  }

  /**
   * Reserves file space and region slots up front (the original's {@code set_min_len} and {@code set_min_regions}):
   * the data file grows to at least {@code dataBytes}, with its blocks allocated where the platform can, and the
   * region table to at least {@code regions} slots; see {@link RegionStore#preallocate(long, int)} and
   * {@code docs/preallocation.md} for what it changes in write throughput. Safe on any thread.
   *
   * @throws IllegalArgumentException if either amount is negative
   * @throws ReadOnlyException if the database is read-only
   * @throws StorageException if the space cannot be reserved (a full disk)
   */
  public void preallocate(long dataBytes, int regions) {
    store.preallocate(dataBytes, regions);
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

  /** Flushes, then closes (it closes even when the flush fails, for example on a read-only database). */
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
