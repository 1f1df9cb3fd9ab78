package dev.vecdb.store;

import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A named, growable byte array inside a {@link RegionStore}: the unit every vector is stored in.
 *
 * <p>Writes ({@link #append}, {@link #writeAt}, {@link #truncate}, {@link #truncateAndWrite}) are visible to every
 * reader in the process as soon as they return, and become durable and crash-safe with the next
 * {@link RegionStore#flush()}. A region reserves space in page multiples and doubles its reservation when it
 * outgrows it: in place when it is the last extent of the file or followed by a large enough free hole, otherwise it
 * moves to the best-fitting hole or to the end of the file.
 *
 * <p>Threads: writes to one region are serialized by a lock of its own; writes to different regions run in
 * parallel. Reads never lock. {@link #segment()} is a snapshot: it stays readable until the database is closed, and
 * its bytes stay those of the region as long as the region neither moves nor is removed; a reader that reads for a
 * long time, or while the region may move, uses a {@link RegionReader}, which keeps the space it reads from being
 * reused. The handle is shared: {@link RegionStore#get(String)} returns the same object to every caller.
 */
public final class Region {
  private final RegionStore store;
  private final int slot;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AtomicInteger pins = new AtomicInteger();
  private volatile String id;
  private volatile Extent extent;
  private volatile boolean removed;

  // Durable state as of the last flush; guarded by writeLock for writes and by the store's commit lock for flush.
  private long committedStart = -1;
  private long committedLength;
  private final ByteRanges journaled = new ByteRanges();
  // The committed extent when the running snapshot started (start -1: none): its bytes are journaled before they
  // are overwritten even after later flushes, so that the snapshot can restore them. Guarded like the above.
  private long snapshotStart = -1;
  private long snapshotLength;

  /** Where the region lives: its bytes are {@code view}, i.e. {@code [start, start + length)} of the file. */
  record Extent(long start, long length, long reserved, MemorySegment view) {}

  Region(RegionStore store, int slot, String id, Extent extent, boolean committed) {
    this.store = store;
    this.slot = slot;
    this.id = id;
    this.extent = extent;
    if (committed) {
      markCommitted();
    }
  }

  /** The region's id (it changes with {@link #rename}). */
  public String id() {
    return id;
  }

  /** Number of bytes in the region. */
  public long length() {
    return extent.length();
  }

  /** Bytes reserved in the file for the region (a page multiple, at least one page). */
  public long reserved() {
    return extent.reserved();
  }

  /** Offset of the region's first byte in the data file. */
  public long start() {
    return extent.start();
  }

  /** Whether the region was removed; every operation on a removed region fails. */
  public boolean isRemoved() {
    return removed;
  }

  /**
   * A read-only view of the region's bytes as of now; zero-copy, it never allocates. See the class comment for how
   * long its contents stay the region's.
   */
  public MemorySegment segment() {
    checkLive();
    return extent.view();
  }

  /** Copies {@code length} bytes from {@code offset} into a new array. */
  public byte[] read(long offset, int length) {
    byte[] out = new byte[length];
    read(offset, MemorySegment.ofArray(out));
    return out;
  }

  /** Copies {@code dst.byteSize()} bytes from {@code offset}; consistent even if the region moves meanwhile. */
  public void read(long offset, MemorySegment dst) {
    try (RegionReader reader = reader()) {
      MemorySegment view = reader.segment();
      if (offset < 0 || offset > view.byteSize() - dst.byteSize()) {
        throw Exceptions.outOfRange("read of %s bytes at %s past the end of region '%s' of length %s", dst.byteSize(),
            offset, id, view.byteSize());
      }
      MemorySegment.copy(view, offset, dst, 0, dst.byteSize());
    }
  }

  /** Copies the whole region into a new array (at most 2 GiB). */
  public byte[] readAll() {
    try (RegionReader reader = reader()) {
      return reader.segment().toArray(ValueLayout.JAVA_BYTE);
    }
  }

  /** A pinned reader: the space it reads is not reused until it is closed. */
  public RegionReader reader() {
    checkLive();
    pins.incrementAndGet();
    return new RegionReader(this);
  }

  /** Appends {@code src} at the end. */
  public void append(MemorySegment src) {
    write(-1, src, false);
  }

  /** Appends {@code src} at the end. */
  public void append(byte[] src) {
    append(MemorySegment.ofArray(src));
  }

  /**
   * Writes {@code src} at {@code at}, extending the region if it reaches past the end.
   *
   * @throws OutOfRangeException if {@code at} is past the end (writes never leave gaps)
   */
  public void writeAt(long at, MemorySegment src) {
    write(at, src, false);
  }

  /** Same as {@link #writeAt(long, MemorySegment)}. */
  public void writeAt(long at, byte[] src) {
    writeAt(at, MemorySegment.ofArray(src));
  }

  /** Writes {@code src} at {@code at} and sets the length to exactly {@code at + src.length}, which may shrink it. */
  public void truncateAndWrite(long at, MemorySegment src) {
    write(at, src, true);
  }

  /** Same as {@link #truncateAndWrite(long, MemorySegment)}. */
  public void truncateAndWrite(long at, byte[] src) {
    truncateAndWrite(at, MemorySegment.ofArray(src));
  }

  /**
   * Shrinks the region to {@code newLength} bytes. The bytes past it stay on disk until overwritten or punched by
   * {@link RegionStore#compact()}.
   *
   * @throws OutOfRangeException if {@code newLength} is greater than the length
   */
  public void truncate(long newLength) {
    store.mutate(() -> {
      writeLock.lock();
      try {
        checkLive();
        Extent e = extent;
        if (newLength < 0 || newLength > e.length()) {
          throw Exceptions.outOfRange("cannot truncate region '%s' of length %s to %s", id, e.length(), newLength);
        }
        if (newLength != e.length()) {
          publish(e.start(), newLength, e.reserved());
        }
      } finally {
        writeLock.unlock();
      }
    });
  }

  /**
   * Renames this region; see {@link RegionStore#rename(String, String)}.
   *
   * @throws NotFoundException if this region was removed (even if another region now has its id)
   */
  public void rename(String newId) {
    store.rename(this, newId);
  }

  /**
   * Removes this region; see {@link RegionStore#remove(String)}.
   *
   * @throws NotFoundException if this region was removed already (even if another region now has its id)
   */
  public void remove() {
    store.remove(this);
  }

  @Override
  public String toString() {
    Extent e = extent;
    return "Region[" + id + ", start " + e.start() + ", length " + e.length() + ", reserved " + e.reserved() + "]";
  }

  private void write(long requestedAt, MemorySegment src, boolean exact) {
    store.mutate(() -> {
      writeLock.lock();
      try {
        checkLive();
        Extent e = extent;
        long at = requestedAt < 0 ? e.length() : requestedAt;
        if (at > e.length()) {
          throw Exceptions.outOfRange("write at %s past the end of region '%s' of length %s", at, id, e.length());
        }
        long newLength = exact ? at + src.byteSize() : Math.max(e.length(), at + src.byteSize());
        if (newLength <= e.reserved()) {
          writeInPlace(e, at, src, newLength);
        } else {
          long newReserved = grownReservation(e.reserved(), newLength);
          if (store.layout().tryGrowInPlace(e.start(), e.reserved(), newReserved)) {
            Extent grown = publish(e.start(), e.length(), newReserved);
            writeInPlace(grown, at, src, newLength);
          } else {
            relocate(e, at, src, newLength, newReserved);
          }
        }
      } finally {
        writeLock.unlock();
      }
    });
  }

  private void writeInPlace(Extent e, long at, MemorySegment src, long newLength) {
    journalOverwrite(e.start(), at, at + src.byteSize());
    store.writeData(e.start() + at, src, at < e.length(), this);
    publish(e.start(), newLength, e.reserved());
  }

  private void relocate(Extent e, long at, MemorySegment src, long newLength, long newReserved) {
    long newStart = store.layout().allocate(newReserved);
    try {
      store.copyData(e.start(), newStart, at, this);
      store.writeData(newStart + at, src, false, this);
    } catch (RuntimeException failure) {
      store.layout().releaseNow(newStart, newReserved);
      throw failure;
    }
    publish(newStart, newLength, newReserved);
    store.layout().release(e.start(), e.reserved(), this::isPinned);
  }

  private void journalOverwrite(long start, long from, long to) {
    long protectedLength = start == committedStart ? committedLength : 0;
    if (start == snapshotStart) {
      protectedLength = Math.max(protectedLength, snapshotLength);
    }
    if (from >= protectedLength) {
      return;
    }
    for (long[] range : journaled.missing(from, Math.min(to, protectedLength))) {
      store.journalData(start + range[0], range[1] - range[0], this);
      journaled.add(range[0], range[1]);
    }
  }

  private static long grownReservation(long reserved, long needed) {
    long grown = reserved;
    while (grown < needed) {
      if (grown > Long.MAX_VALUE / 2) {
        throw Exceptions.outOfRange("region cannot grow from %s to %s bytes", reserved, needed);
      }
      grown *= 2;
    }
    return grown;
  }

  /** Makes a new extent visible; the slot needs rewriting only if the extent's numbers changed. */
  private Extent publish(long start, long length, long reserved) {
    Extent old = extent;
    Extent e = new Extent(start, length, reserved, store.view(start, length));
    extent = e;
    if (old.start() != start || old.length() != length || old.reserved() != reserved) {
      store.markDirty(slot);
    }
    return e;
  }

  void checkLive() {
    store.checkOpen();
    if (removed) {
      throw Exceptions.notFound("region '%s' was removed", id);
    }
  }

  boolean isPinned() {
    return pins.get() > 0;
  }

  void unpin() {
    pins.decrementAndGet();
  }

  int slot() {
    return slot;
  }

  RegionStore store() {
    return store;
  }

  Extent extent() {
    return extent;
  }

  ReentrantLock writeLock() {
    return writeLock;
  }

  void setId(String newId) {
    id = newId;
  }

  void markRemoved() {
    removed = true;
  }

  /** Called when a snapshot starts (under the commit lock): protects the committed bytes until it ends. */
  void protectForSnapshot() {
    snapshotStart = committedStart;
    snapshotLength = committedLength;
  }

  /** Called when the snapshot ends (under the commit lock). */
  void endSnapshotProtection() {
    snapshotStart = -1;
  }

  /** Called by a completed flush (under the commit lock): the current extent is now the durable one. */
  void markCommitted() {
    Extent e = extent;
    committedStart = e.start();
    committedLength = e.length();
    journaled.clear();
  }
}
