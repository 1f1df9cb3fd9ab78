package dev.vecdb.store;

import dev.vecdb.AlreadyExistsException;
import dev.vecdb.ClosedException;
import dev.vecdb.CorruptionException;
import dev.vecdb.DatabaseLockedException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.NotFoundException;
import dev.vecdb.StorageException;
import dev.vecdb.VecdbException;
import dev.vecdb.internal.CommitLog;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.internal.StoreAccess;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The single-file region store (the counterpart of Rust's rawdb): a directory holding the sparse {@code data} file,
 * the {@code regions} table and the undo {@code journal}. The store holds an OS lock on the {@code regions} file for
 * its lifetime: a file that cannot be swapped under an open store without the next open reporting corruption.
 *
 * <h2>Durability</h2>
 * Writes are visible in-process at once; {@link #flush()} is the commit. A flush makes new data durable, then
 * writes the changed region-table slots, then empties the journal. Every byte that the previous flush made durable
 * is copied to the journal (and synced) before it is first overwritten. A crash at any instant, of the process or of
 * the machine, therefore reopens exactly at the last completed flush: {@link #open} replays the journal backwards
 * when it is not empty, after checking all of it: a journal damaged anywhere but in a torn last record is a
 * {@link CorruptionException}, and nothing is applied. Freed space becomes reusable only after the next flush, so
 * the durable table never points at reused bytes. A write that fails half-way through an overwrite, a group of
 * writes ({@link #atomically}) that fails part-way, any failure of the journal (an exception or an
 * error, a failed {@code fsync} included: it is never retried), or a failed flush puts the store into a failed state
 * in which mutations and flushes are refused with a {@link StorageException} naming the cause; reopening recovers the
 * last flush. So does a flush that finds a file of the store deleted, replaced or cut by another process, or its
 * directory deleted or renamed: it fails before committing anything into a file that no later open would find.
 *
 * <h2>Threads</h2>
 * Everything is thread-safe. Writes to different regions run in parallel; writes to one region are serialized;
 * reads never lock. A flush waits for running writes and holds new ones back while it commits.
 */
public final class RegionStore implements AutoCloseable {
  static final String DATA = "data";
  static final String TABLE = "regions";
  static final String JOURNAL = "journal";

  static {
    StoreAccess.register(new StoreInternals());
  }

  private final Path directory;
  /** Every file operation of the store and of its snapshots goes through this ({@link FileIo#SYSTEM} but in tests). */
  private final FileIo io;
  /** The store's hold on its directory (OS lock on the region table, this JVM's open set); released by close(). */
  private final DirectoryLock directoryLock;
  private final Arena arena;
  private final DataFile data;
  private final RegionTable table;
  private final Journal journal;
  private final SpaceLayout layout = new SpaceLayout();
  private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
  /** Held for the whole of a snapshot, by compact() and by close(); taken before the commit lock. */
  private final ReentrantLock snapshotLock = new ReentrantLock();
  /** The running snapshot, or null; guarded by the commit lock. */
  private Snapshot snapshot;
  private final ConcurrentHashMap<String, Region> byId = new ConcurrentHashMap<>();
  /** The store's own regions (ids starting with {@link RegionIds#INTERNAL_PREFIX}), never shown by public methods. */
  private final ConcurrentHashMap<String, Region> internal = new ConcurrentHashMap<>();
  /** The commit number and the commit log's outbox entry that every flush commits with the regions' changes. */
  private final CommitStaging staging;
  /** The region table's slot owners and dirty slots; guarded by {@code this}. */
  private final RegionSlots slots = new RegionSlots();
  private final AtomicLong bytesSinceFlush = new AtomicLong();
  private volatile boolean open = true;
  private final StoreFailure failure;
  /** Whether only the holder of this store's {@link StoreWriter}, while it applies, may change it. */
  private final boolean readOnly;
  /** The thread inside {@link StoreWriter#apply} of a read-only store, or null. */
  private volatile Thread applier;

  private RegionStore(Path directory, FileIo io, DirectoryLock directoryLock, boolean readOnly) throws IOException {
    this.directory = directory;
    this.io = io;
    this.readOnly = readOnly;
    this.directoryLock = directoryLock;
    this.failure = new StoreFailure(directory);
    this.arena = Arena.ofShared();
    Journal journal = null;
    RegionTable table = null;
    DataFile data = null;
    try {
      journal = new Journal(directory.resolve(JOURNAL), io);
      Path tableFile = directory.resolve(TABLE);
      if (journal.isEmpty() && directoryLock.unfinishedCreation()) {
        io.truncate(tableFile, directoryLock.channel(), 0);
      }
      table = new RegionTable(tableFile, io, directoryLock.channel(), false);
      data = new DataFile(directory.resolve(DATA), arena, io);
    } catch (IOException | RuntimeException e) {
      closeFiles(data, table, journal);
      throw e;
    }
    this.journal = journal;
    this.table = table;
    this.data = data;
    try {
      StoreRecovery.replayJournal(journal, data, table);
      StoreRecovery.load(this, table, data, layout, slots, byId, internal);
      this.staging = new CommitStaging(directory, failure,
          new CommitSequence(this, internal.get(CommitSequence.REGION_ID)));
    } catch (IOException | RuntimeException e) {
      closeFiles(data, table, journal);
      throw e;
    }
  }

  /**
   * Opens the store in {@code directory}, creating the directory and its files if needed, and recovers the last
   * completed flush if the previous user crashed.
   *
   * @throws DatabaseLockedException if the directory is open elsewhere, in this JVM or another process
   * @throws CorruptionException if the region table is damaged beyond what the journal repairs, or missing while the
   *     data file is not empty
   * @throws StorageException if the files cannot be opened
   * @throws InvalidNameException if {@code directory} is the empty path
   */
  public static RegionStore open(Path directory) {
    return open(directory, FileIo.SYSTEM, false);
  }

  /**
   * Opens the store in {@code directory} like {@link #open(Path)}, read-only: it recovers the last completed flush
   * (a follower's own crash), and then every change to it, including {@code flush()} and {@code compact()}, fails
   * with {@link dev.vecdb.ReadOnlyException}. Reads work as usual.
   */
  public static RegionStore openReadOnly(Path directory) {
    return open(directory, FileIo.SYSTEM, true);
  }

  /**
   * Opens the store in {@code directory} read-only (see {@link #openReadOnly}) for a follower, and returns the one
   * {@link StoreWriter} through which the follower's replication applier changes it.
   */
  public static StoreWriter openFollower(Path directory) {
    return new StoreWriter(open(directory, FileIo.SYSTEM, true));
  }

  /**
   * Internal, for fault-injection tests: {@link #open(Path)} with every file operation going through {@code io}.
   */
  public static RegionStore open(Path directory, FileIo io) {
    return open(directory, io, false);
  }

  /** Internal, for fault-injection tests: {@link #openReadOnly(Path)} through {@code io}. */
  public static RegionStore openReadOnly(Path directory, FileIo io) {
    return open(directory, io, true);
  }

  private static RegionStore open(Path directory, FileIo io, boolean readOnly) {
    if (directory.toString().isEmpty()) {
      throw Exceptions.invalidName("a database path must not be empty; name its directory (such as \"db\" or"
          + " Path.of(\".\") for the working directory)");
    }
    Path dir = directory.toAbsolutePath().normalize();
    DirectoryLock directoryLock = null;
    try {
      directoryLock = DirectoryLock.acquire(dir, io);
      RegionStore store = new RegionStore(dir, io, directoryLock, readOnly);
      if (directoryLock.creating()) {
        try {
          io.syncDirectory(dir);
        } catch (IOException e) {
          store.close();
          throw e;
        }
      }
      return store;
    } catch (IOException e) {
      closeQuietly(directoryLock);
      throw StoreErrors.storage(e, "cannot open database %s: %s", dir, e.getMessage());
    } catch (RuntimeException e) {
      closeQuietly(directoryLock);
      throw e;
    }
  }

  /** The database directory. */
  public Path path() {
    return directory;
  }

  /**
   * Returns the region {@code id}, creating an empty one if it does not exist. A new region reserves one page; the
   * data file grows to cover it (to at least 1 MiB).
   */
  public Region createIfNeeded(String id) {
    Region existing = id == null ? null : byId.get(id);
    if (existing != null) {
      checkOpen();
      return existing;
    }
    RegionIds.validate(id);
    return create(id, byId);
  }

  /**
   * Reserves space up front, as the original's {@code set_min_len} and {@code set_min_regions} do: the data file
   * becomes at least {@code dataBytes} long (grown as a write would grow it: to the larger of the request and twice
   * its length, rounded up to a page), with its blocks allocated on Linux when native access is enabled, so that
   * writes into that space neither grow nor remap the file and a full disk fails here rather than in a later write;
   * and the region table gets at least {@code regions} slots, free ones that the next flush writes and that new
   * regions then take. Never shrinks anything; the file's preallocated tail is not given back by {@link #compact()}
   * (it is no hole between regions).
   *
   * @throws IllegalArgumentException if either amount is negative
   * @throws StorageException if the file cannot be grown or its blocks allocated (a full disk)
   */
  public void preallocate(long dataBytes, int regions) {
    if (dataBytes < 0 || regions < 0) {
      throw Exceptions.illegalArgument("cannot preallocate %s bytes and %s region slots in database %s: amounts must"
          + " not be negative", dataBytes, regions, directory);
    }
    mutate(() -> {
      try {
        data.preallocate(dataBytes);
      } catch (IOException e) {
        throw dataError("preallocate " + dataBytes + " bytes", e);
      }
      synchronized (this) {
        slots.reserve(regions);
      }
    });
  }

  /** Returns the internal region {@code id}, creating it if needed; it is committed by the next flush. */
  Region createInternal(String id) {
    return create(id, internal);
  }

  private Region create(String id, ConcurrentHashMap<String, Region> namespace) {
    return mutate(() -> {
      synchronized (this) {
        Region region = namespace.get(id);
        if (region != null) {
          return region;
        }
        long start = layout.allocate(SpaceLayout.PAGE);
        try {
          data.ensureLength(start + SpaceLayout.PAGE);
        } catch (IOException e) {
          layout.releaseNow(start, SpaceLayout.PAGE);
          throw dataError("create region '" + id + "'", e);
        }
        int slot = slots.free();
        region = new Region(this, slot, id, new Region.Extent(start, 0, SpaceLayout.PAGE, MemorySegment.NULL),
            false);
        slots.assign(slot, region);
        namespace.put(id, region);
        return region;
      }
    });
  }

  /** The region {@code id}, if it exists. */
  public Optional<Region> find(String id) {
    checkOpen();
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The region {@code id}.
   *
   * @throws NotFoundException if there is none
   */
  public Region get(String id) {
    return find(id).orElseThrow(() -> Exceptions.notFound("no region '%s' in database %s", id, directory));
  }

  /** Whether a region {@code id} exists. */
  public boolean contains(String id) {
    checkOpen();
    return byId.containsKey(id);
  }

  /** The ids of every region, sorted. */
  public List<String> ids() {
    checkOpen();
    return List.copyOf(new TreeSet<>(byId.keySet()));
  }

  /** Every region handle (a snapshot). */
  public Collection<Region> regions() {
    checkOpen();
    return List.copyOf(byId.values());
  }

  /**
   * Removes region {@code id}. Its space becomes reusable after the next flush, once no {@link RegionReader} reads it.
   *
   * @throws NotFoundException if there is none
   */
  public void remove(String id) {
    if (!removeIfExists(id)) {
      throw Exceptions.notFound("no region '%s' in database %s", id, directory);
    }
  }

  /** Removes region {@code id} if it exists; returns whether it did. */
  public boolean removeIfExists(String id) {
    return mutate(() -> {
      while (true) {
        Region region = byId.get(id);
        if (region == null) {
          return false;
        }
        if (removeLocked(region, id)) {
          return true;
        }
      }
    });
  }

  /** Removes {@code region} itself (not whatever region has its id by now). */
  void remove(Region region) {
    mutate(() -> {
      while (!region.isRemoved()) {
        if (removeLocked(region, region.id())) {
          return;
        }
      }
      throw Exceptions.notFound("region '%s' of database %s was removed", region.id(), directory);
    });
  }

  /** Removes {@code region} if it is still the region {@code id}; returns whether it did. */
  private boolean removeLocked(Region region, String id) {
    // lock order: a region's write lock, then this (a write marks its slot dirty under this)
    region.writeLock().lock();
    try {
      synchronized (this) {
        if (byId.get(id) != region) {
          return false;
        }
        byId.remove(id);
        slots.release(region.slot());
        region.markRemoved();
        Region.Extent e = region.extent();
        layout.release(e.start(), e.reserved(), region::isPinned);
        return true;
      }
    } finally {
      region.writeLock().unlock();
    }
  }

  /**
   * Renames region {@code from} to {@code to}; handles keep working under the new id.
   *
   * @throws NotFoundException if {@code from} does not exist
   * @throws AlreadyExistsException if {@code to} exists
   */
  public void rename(String from, String to) {
    rename(from, null, to);
  }

  /** Renames {@code region} itself (not whatever region has its id by now). */
  void rename(Region region, String to) {
    rename(null, region, to);
  }

  /** Renames {@code expected} if not null, else the region {@code from}. */
  private void rename(String fromId, Region expected, String to) {
    RegionIds.validate(to);
    mutate(() -> {
      synchronized (this) {
        String from = expected == null ? fromId : expected.id();
        Region region = byId.get(from);
        if (region == null || (expected != null && region != expected)) {
          throw Exceptions.notFound("cannot rename region '%s' of database %s%s", from, directory,
              (expected != null && expected.isRemoved() ? ": it was removed" : ": it does not exist"));
        }
        if (byId.containsKey(to)) {
          throw StoreErrors.alreadyExists("cannot rename region '%s' to '%s' in database %s: '%s' exists", from, to,
              directory, to);
        }
        byId.remove(from);
        region.setId(to);
        byId.put(to, region);
        slots.markDirty(region.slot());
        return null;
      }
    });
  }

  /** Removes every region whose id is not in {@code keep}; ids in {@code keep} that do not exist are ignored. */
  public void retain(Set<String> keep) {
    for (String id : ids()) {
      if (!keep.contains(id)) {
        removeIfExists(id);
      }
    }
  }

  /**
   * Commits every change since the last flush durably and atomically (see the class comment).
   *
   * @return what was flushed; {@link FlushReport#isEmpty()} when there was nothing to do
   */
  public FlushReport flush() {
    return flush(-1);
  }

  /** Flushes with {@code commitNumber} (see {@link StoreWriter#flush}), or with the next number when it is -1. */
  FlushReport flush(long commitNumber) {
    commitLock.writeLock().lock();
    try {
      checkUsable();
      checkWritable("flush");
      return commit(commitNumber);
    } finally {
      commitLock.writeLock().unlock();
    }
  }

  /**
   * Flushes, then gives the unused space back to the file system: free holes and the reserved tails of regions are
   * punched (Linux {@code fallocate}, when native access is enabled). The tail of a region that a
   * {@link RegionReader} pins is kept: a reader may still read an older, longer state of it there (the bytes a
   * truncation cut off stay in the extent). Without native access nothing is punched and
   * the report says how many bytes could be reclaimed.
   */
  public CompactionReport compact() {
    snapshotLock.lock();
    commitLock.writeLock().lock();
    try {
      checkUsable();
      checkWritable("compact");
      commit(-1);
      return Compaction.reclaim(layout, byId.values(), data);
    } catch (VecdbException e) {
      throw e;
    } catch (Throwable e) {
      throw failure.fail("compact", e);
    } finally {
      commitLock.writeLock().unlock();
      snapshotLock.unlock();
    }
  }

  /**
   * Reports that a read of {@code what} from the data file's mapping faulted with {@code fault} (the JDK's report of
   * {@code SIGBUS}: the file was truncated under the mapping, by another process since this one never shrinks it, or
   * its storage failed) and fails the store: its file no longer holds what its regions say, so no mutation or flush
   * may extend it again (the cut-off bytes would read back as zeros) until it is reopened, which reports the
   * truncation. Any thread.
   *
   * @return the exception for the reader to throw
   * @throws InternalError {@code fault} itself, after failing the store, when it is not a fault of mapped memory (the
   *     file is not shorter than its mapping and the JDK's message does not say so)
   */
  public CorruptionException mappingFault(String what, InternalError fault) {
    String cause;
    try {
      cause = data.truncation();
    } catch (IOException | RuntimeException e) {
      cause = null;
    }
    if (cause == null) {
      if (!String.valueOf(fault.getMessage()).contains("unsafe memory access")) {
        failure.recordFirst(fault);
        throw fault; // not a fault of mapped memory
      }
      cause = "the storage of " + data.path() + " failed under the mapping, or it was truncated and grown again";
    }
    CorruptionException error = Exceptions.corruption(fault, "%s: a read of mapped bytes faulted (%s): %s;"
        + " database %s is failed, reopen it", what, fault.getMessage(), cause, directory);
    failure.recordFirst(error);
    return error;
  }

  /** Logical and allocated size of the store's files. */
  public DiskUsage diskUsage() {
    checkOpen();
    try {
      long logical = 0;
      long allocated = 0;
      Optional<NativeFiles> natives = NativeFiles.available();
      for (String name : List.of(DATA, TABLE, JOURNAL)) {
        Path file = directory.resolve(name);
        logical += Files.size(file);
        if (natives.isPresent()) {
          allocated += natives.get().allocatedBytes(file);
        }
      }
      return new DiskUsage(logical, natives.isPresent() ? allocated : -1);
    } catch (IOException e) {
      throw StoreErrors.storage(e, "cannot measure the disk usage of database %s", directory);
    }
  }

  /** Logical length of the data file. */
  public long fileLength() {
    checkOpen();
    return data.length();
  }

  /**
   * The number of the last completed commit: each flush that changes something commits the next number of a
   * durable, monotonic sequence together with its changes (0 before the first one). A flush with nothing to commit
   * and a failed flush leave it unchanged; a reopen after a crash finds the number of the last completed flush.
   */
  public long commitNumber() {
    checkOpen();
    return staging.committed();
  }

  /**
   * Writes a consistent copy of the last completed commit into {@code target} while writers keep writing and
   * flushing: the copy opens as a normal store (read-only too) with this commit's regions and
   * {@link #commitNumber()}. The commit lock is held only to copy the region table; the data is copied outside it
   * (see {@link Snapshot} for why the copy is exact all the same). Sparse: only the committed extents of regions
   * are copied, and their all-zero blocks stay holes. The copy's files and directory, and its parent directory, are
   * synced. One snapshot at a time; {@link #compact()} and {@link #close()} wait for a running snapshot.
   *
   * @throws AlreadyExistsException if {@code target} exists and is not an empty directory
   * @throws StorageException if the copy cannot be written (its files are then deleted: {@code target} is left empty)
   */
  public SnapshotReport snapshot(Path target) {
    return snapshot(target, () -> {});
  }

  /** {@link #snapshot(Path)}, running {@code beforeCopy} once the snapshot has started and before it copies data. */
  SnapshotReport snapshot(Path target, Runnable beforeCopy) {
    snapshotLock.lock();
    Path dir = target.toAbsolutePath().normalize();
    Snapshot copy = null;
    try {
      checkOpen();
      Snapshot.prepareTarget(dir, directory);
      long number;
      MemorySegment file;
      commitLock.writeLock().lock();
      try {
        checkUsable();
        copy = Snapshot.start(dir, directory.resolve(TABLE), data.length(), io);
        number = staging.committed();
        file = data.mapping();
        forEachRegion(Region::protectForSnapshot);
        snapshot = copy;
      } finally {
        commitLock.writeLock().unlock();
      }
      long copied;
      try {
        beforeCopy.run();
        copied = copy.copy(file);
      } finally {
        commitLock.writeLock().lock();
        try {
          snapshot = null;
          forEachRegion(Region::endSnapshotProtection);
          copy.checkSaved();
          copy.saveJournal(journal);
        } finally {
          commitLock.writeLock().unlock();
        }
      }
      copy.finish();
      return new SnapshotReport(dir, number, copied);
    } catch (IOException | RuntimeException e) {
      if (copy != null) {
        copy.abandon();
      }
      throw Snapshot.failure(directory, dir, e);
    } finally {
      snapshotLock.unlock();
    }
  }

  private void forEachRegion(java.util.function.Consumer<Region> action) {
    byId.values().forEach(action);
    internal.values().forEach(action);
  }

  /**
   * Turns the commit log on: from now on every flush takes its commit's payload from {@code records} and appends it
   * to the outbox (see {@link CommitOutbox}) atomically with the commit. Call it once, right after opening; the
   * database reaches it through {@link dev.vecdb.internal.StoreAccess}.
   *
   * @throws IllegalStateException if the store is read-only, or the commit log is on already
   * @throws CorruptionException if the outbox records a commit past the store's commit number
   */
  CommitOutbox enableCommitLog(CommitLog.Records records) {
    commitLock.writeLock().lock();
    try {
      checkUsable();
      if (readOnly || staging.outbox() != null) {
        throw Exceptions.illegalState("database %s: cannot turn the commit log on: %s", directory,
            (readOnly ? "the database is read-only (a follower records no commit log)" : "it is on already"));
      }
      CommitOutbox opened = new CommitOutbox(this, internal.get(CommitOutbox.REGION_ID), records);
      staging.enableOutbox(opened);
      return opened;
    } finally {
      commitLock.writeLock().unlock();
    }
  }

  /** The outbox, or null when the commit log is off; reached through {@link StoreAccess#outbox}. */
  CommitOutbox outbox() {
    return staging.outbox();
  }

  /** Whether the store was opened read-only (see {@link #openReadOnly}). */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** Whether the calling thread may change the store: it is not read-only, or the thread applies its changes. */
  public boolean isWritable() {
    return !readOnly || applier == Thread.currentThread();
  }

  /** Whether the store is open. */
  public boolean isOpen() {
    return open;
  }

  /**
   * Closes the store without flushing: changes since the last flush are discarded at the next open. Releases the
   * lock; every later use of this store or its regions fails with {@link ClosedException}. Idempotent.
   *
   * @throws IllegalStateException if a segment of the store is still in use by a native operation (such as a
   *     channel write from {@code segment().asByteBuffer()}): the store is closed and its lock released all the same,
   *     but its mappings cannot be unmapped and stay until the JVM exits
   */
  @Override
  public void close() {
    snapshotLock.lock();
    commitLock.writeLock().lock();
    try {
      if (!open) {
        return;
      }
      open = false;
      try {
        closeQuietly(data);
        closeQuietly(journal);
        closeQuietly(table);
        arena.close();
      } finally {
        directoryLock.close();
      }
    } finally {
      commitLock.writeLock().unlock();
      snapshotLock.unlock();
    }
  }

  @Override
  public String toString() {
    return "RegionStore[" + directory + "]";
  }

  // ---- package-private services for Region ----

  SpaceLayout layout() {
    return layout;
  }

  void checkOpen() {
    if (!open) {
      throw Exceptions.closed("database %s is closed", directory);
    }
  }

  /**
   * Runs a group of region mutations that no flush splits: a flush commits either all of them or none. A group that
   * fails with a {@link StorageException} or an {@link Error} may have applied part of its mutations (a failed
   * append alone leaves the store usable), so it puts the store into its failed state: no later flush can commit
   * the part, and reopening recovers the last flush. Nested calls are allowed. Keep the group short, since a flush
   * waits for it.
   */
  public <T> T atomically(Supplier<T> mutations) {
    return mutate(() -> {
      try {
        return mutations.get();
      } catch (InternalError e) {
        throw mappingFault("change", e);
      } catch (StorageException | Error e) {
        failure.recordFirst(e);
        throw e;
      }
    });
  }

  /** Runs a mutation under the commit read lock, after checking that the store is open and not failed. */
  <T> T mutate(Supplier<T> mutation) {
    commitLock.readLock().lock();
    try {
      checkUsable();
      checkWritable("change it");
      return mutation.get();
    } finally {
      commitLock.readLock().unlock();
    }
  }

  /** Runs {@code read} under the commit read lock (no flush runs meanwhile), after checking the store is usable. */
  <T> T read(Supplier<T> read) {
    commitLock.readLock().lock();
    try {
      checkUsable();
      return read.get();
    } finally {
      commitLock.readLock().unlock();
    }
  }

  void mutate(Runnable mutation) {
    mutate(() -> {
      mutation.run();
      return null;
    });
  }

  /** A read-only view of {@code [start, start + length)} of the data file; the mapping covers written bytes. */
  MemorySegment view(long start, long length) {
    return length == 0 ? MemorySegment.NULL : data.mapping().asSlice(start, length);
  }

  synchronized void markDirty(int slot) {
    slots.markDirty(slot);
  }

  /**
   * Writes data for {@code region}; a failure that may have changed visible bytes fails the store, and so does a data
   * file that another process truncated ({@link #dataError}).
   */
  void writeData(long position, MemorySegment src, boolean visibleOverwrite, Region region) {
    try {
      data.write(position, src);
      bytesSinceFlush.addAndGet(src.byteSize());
    } catch (IOException e) {
      String what = "write " + src.byteSize() + " bytes to region '" + region.id() + "'";
      throw visibleOverwrite ? failure.fail(what, e) : dataError(what, e);
    } catch (RuntimeException | Error e) {
      if (visibleOverwrite) {
        throw failure.fail("write " + src.byteSize() + " bytes to region '" + region.id() + "'", e);
      }
      throw e;
    }
  }

  void copyData(long from, long to, long length, Region region) {
    try {
      data.copy(from, to, length);
      bytesSinceFlush.addAndGet(length);
    } catch (IOException e) {
      throw dataError("move region '" + region.id() + "'", e);
    }
  }

  /**
   * Saves the durable bytes {@code [position, position + length)} to the journal before they are overwritten. Any
   * failure, an error included, fails the store: the journal's state is unknown and an fsync is never retried.
   */
  void journalData(long position, long length, Region region) {
    try {
      journal.append(Journal.DATA, position, data.mapping().asSlice(position, length));
    } catch (Throwable e) {
      throw failure.fail("journal " + length + " bytes of region '" + region.id() + "'", e);
    }
  }

  // ---- internals ----

  /** Commits with {@code commitNumber}, or, when it is -1 and something changed, with the next number. */
  private FlushReport commit(long commitNumber) {
    if (commitNumber == -1 && !hasChanges()) {
      promotePending();
      return FlushReport.EMPTY;
    }
    long number = staging.numberFor(commitNumber);
    try {
      checkFiles();
      FlushReport report;
      synchronized (this) {
        report = new FlushReport(slots.dirtyCount(), bytesSinceFlush.get()); // before the commit number's
      }
      staging.stage(number);
      int[] dirty;
      synchronized (this) {
        dirty = slots.dirtySlots();
      }
      long bytes = bytesSinceFlush.get();
      data.force();
      TableCommit tableCommit;
      synchronized (this) {
        tableCommit = TableCommit.capture(dirty, slots, byId.size() + internal.size());
      }
      tableCommit.write(journal, table);
      if (snapshot != null) {
        snapshot.saveJournalOfFlush(journal); // a failure fails the snapshot, not this flush
      }
      journal.clear();
      staging.completed();
      synchronized (this) {
        slots.markDurable(dirty);
      }
      forEachRegion(Region::markCommitted);
      bytesSinceFlush.addAndGet(-bytes);
      promotePending();
      return report;
    } catch (InternalError e) {
      throw mappingFault("flush", e);
    } catch (Throwable e) {
      throw failure.isRecorded(e) ? (StorageException) e : failure.fail("flush", e);
    }
  }

  /**
   * Checks, before a flush commits anything, that no other process deleted, replaced or cut the store's files or its
   * directory (see {@link FileIdentity}, {@link RegionTable#change()}): a commit into them would be reported as done
   * and lost at the next open. The flush's failure then fails the store. Three {@code stat}s, one {@code fstat} and a
   * 32-byte read; the data file's size is checked by its {@code force()}.
   *
   * @throws FileIdentity.ChangedException naming the file and the change
   */
  private void checkFiles() throws IOException {
    String changed = data.change();
    if (changed == null) {
      changed = table.change();
    }
    if (changed == null) {
      changed = journal.change();
    }
    if (changed != null) {
      throw new FileIdentity.ChangedException(changed);
    }
  }

  /** Makes freed space reusable, except while a snapshot runs: it may still copy that space. */
  private void promotePending() {
    if (snapshot == null) {
      layout.promotePending();
    }
  }

  private boolean hasChanges() {
    synchronized (this) {
      if (slots.hasDirty()) {
        return true;
      }
    }
    return bytesSinceFlush.get() != 0 || !journal.isEmpty();
  }

  /** Lets {@code thread} change a read-only store (null: no thread); returns the thread that could before. */
  Thread permitWrites(Thread thread) {
    Thread previous = applier;
    applier = thread;
    return previous;
  }

  private void checkWritable(String what) {
    if (!isWritable()) {
      throw Exceptions.readOnly("database %s is read-only (opened as a follower): cannot %s; only its replication"
          + " applier changes it", directory, what);
    }
  }

  private void checkUsable() {
    checkOpen();
    failure.check();
  }

  /**
   * What a failed operation on the data file throws: a {@link StorageException}, after failing the store when the
   * file was truncated by another process ({@link FileIdentity.ChangedException}).
   */
  private VecdbException dataError(String what, IOException e) {
    return e instanceof FileIdentity.ChangedException ? failure.fail(what, e) : storageError(what, e);
  }

  private StorageException storageError(String what, IOException e) {
    return StoreErrors.storage(e, "database %s: cannot %s: %s", directory, what, e.getMessage());
  }

  /** Closes what a failed open had opened, the mappings included. */
  private void closeFiles(AutoCloseable... files) {
    for (AutoCloseable file : files) {
      closeQuietly(file);
    }
    arena.close();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // best effort while closing or failing
      }
    }
  }
}
