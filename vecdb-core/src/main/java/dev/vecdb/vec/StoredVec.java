package dev.vecdb.vec;

import dev.vecdb.ClosedException;
import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.MismatchException;
import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.ReadOnlyException;
import dev.vecdb.VecOptions;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionIds;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A persistent vector of fixed-size values stored raw in one region of a {@link Database}: the state and operations
 * every value type shares. The typed subclasses ({@link LongVec}, {@link IntVec}, ..., {@link ObjVec}) add the
 * typed reads and writes.
 *
 * <h2>Model</h2>
 * {@code len() = storedLen() + pushedLen()}. {@code push} appends to an in-memory buffer; {@code update} and
 * {@link #delete} record changes in memory; {@link #write()} moves all of it into the database, where it is visible
 * to every reader at once, and {@link #flush()} commits the database durably. Deleting leaves a <em>hole</em>:
 * indices never shift; reads skip holes or report them; updating a hole fills it. When reading, a hole wins over a
 * pushed value, which wins over an updated one, which wins over the stored one.
 *
 * <h2>Threads</h2>
 * One writer: the thread that mutates a vector owns it until its next {@link #write()} or {@link #flush()}; a
 * mutation from another thread meanwhile fails with {@link ConcurrentMutationException} (the check is a plain field
 * read, free on the hot path). The reading methods of the vector itself belong to the writer (they see its pushed
 * values); other threads read through {@code reader()} views, which see written data only and never lock.
 */
public abstract class StoredVec {
  static final String HOLES_SUFFIX = "@holes";
  private static final ValueLayout.OfLong LE_LONG =
      ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt LE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle WRITER;
  private static final VarHandle STORED_LEN;

  static {
    try {
      WRITER = MethodHandles.lookup().findVarHandle(StoredVec.class, "writer", Thread.class);
      STORED_LEN = MethodHandles.lookup().findVarHandle(StoredVec.class, "storedLen", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Database database;
  final RegionStore store;
  final String name;
  final Format format;
  final ValueSpec spec;
  final int size;
  final ByteOrder order;
  final Region region;
  final Header header;
  final HoleSet holes;
  final UpdateMap updates;
  /** The paged storage of a compressed vector; null for the raw formats. */
  final Paging paging;
  /** The writer's access to stored values in chunks. */
  final StoredChunks chunks;
  private final int savedStampedChanges;
  private final ChangeLog changes;
  /** Records what undoes the changes since the last stamp point; null when no change sets are kept. */
  private final ChangeTracker tracker;

  /**
   * Written values as the writer counts them (readers use {@link #published}); volatile so that statistics read on
   * other threads ({@link #storedLen()}, {@link #len()}) are current. The writer reads it plainly through
   * {@link #writerStoredLen()}.
   */
  volatile long storedLen;
  /** What readers see; replaced (never mutated) by every write, truncation and rollback. */
  volatile Published published;
  /** Values physically in the region (differs from storedLen between a truncation and the next write). */
  long realLen;
  /** The writer's view of the main region (header and values); refreshed by every write. */
  MemorySegment storedView;
  MemorySegment pushBuffer = MemorySegment.NULL;
  long pushedBytes;
  /** Whether holes or updates exist, i.e. whether reads must consult them. */
  boolean overlay;
  boolean holesDirty;
  boolean headerDirty;
  /** Set by {@link #locate}: the segment holding the located value. */
  MemorySegment located;
  @SuppressWarnings("unused") // accessed through WRITER
  private volatile Thread writer;
  private Region holesRegion;

  /**
   * The written state readers see, as one immutable object so that a reader's point read makes a single volatile
   * load: the main region's view (header included), the written length and the written holes (sorted). Invariant:
   * {@code view} holds at least {@code len} values after the header. The writer replaces it after the bytes it
   * describes are in place (the volatile store publishes them); the space an older view maps stays the vector's
   * while a reader pins the region.
   */
  record Published(MemorySegment view, long len, long[] holes) {
    boolean isHole(long index) {
      return holes.length != 0 && Arrays.binarySearch(holes, index) >= 0;
    }

    Published truncatedTo(long newLen) {
      return newLen >= len ? this : new Published(view, newLen, holes);
    }
  }

  /** What one stored value is: header code, size, layout signature and a readable label. */
  record ValueSpec(int typeCode, int size, long signature, String label) {}

  StoredVec(Database database, String name, ValueSpec spec, VecOptions options) {
    this.database = database;
    this.store = database.regions();
    this.name = validateName(name);
    this.format = options.format();
    this.spec = spec;
    this.size = spec.size();
    this.order = format == Format.ZERO_COPY ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
    if (format == Format.PCO && dev.vecdb.codec.NumberType.ofCode(spec.typeCode()) == null) {
      throw new IllegalArgumentException("vector '" + name + "': format PCO compresses numeric values only, not "
          + spec.label() + "; use LZ4, ZSTD, BYTES or ZERO_COPY");
    }
    this.updates = new UpdateMap(size);
    Header loaded = store.isWritable() ? store.atomically(() -> load(options)) : load(options);
    this.header = loaded;
    this.region = store.get(name);
    this.paging = format.isRaw() ? null
        : new Paging(store, name, size, region, pageCodecs(format, options, spec));
    this.realLen = paging == null ? (region.length() - Header.SIZE) / size : paging.table().valueCount();
    this.storedLen = realLen;
    this.storedView = region.segment();
    this.holesRegion = store.find(name + HOLES_SUFFIX).orElse(null);
    this.holes = new HoleSet(loadHoles());
    this.published = new Published(storedView, realLen, holes.toArray());
    this.overlay = !holes.isEmpty();
    this.chunks = new StoredChunks(this, null);
    this.savedStampedChanges = options.savedStampedChanges();
    this.changes = new ChangeLog(store, name, size);
    this.tracker = savedStampedChanges == 0 ? null : new ChangeTracker(size, this::copyValue);
    if (tracker != null) {
      tracker.rebase(header.stamp, realLen, published.holes());
    }
  }

  // ---- identity ----

  /** The vector's name (also its main region's id). */
  public final String name() {
    return name;
  }

  /** The storage format. */
  public final Format format() {
    return format;
  }

  /** Bytes per value. */
  public final int valueSize() {
    return size;
  }

  /** The value type's label: {@code i64}, {@code u32}, {@code bytes[32]}, {@code record Candle(...)}. */
  public final String typeLabel() {
    return spec.label();
  }

  /** The user version the vector was opened with. */
  public final int version() {
    return header.userVersion;
  }

  /**
   * The computed version stored in the header: what a computation ({@code dev.vecdb.compute}) last derived this
   * vector's values from (0 for a vector never computed).
   */
  public final int computedVersion() {
    return header.computedVersion;
  }

  /** Sets the computed version, persisted by the next {@link #write()}. */
  public final void updateComputedVersion(int computedVersion) {
    claim();
    if (header.computedVersion != computedVersion) {
      header.computedVersion = computedVersion;
      headerDirty = true;
    }
  }

  /** The database the vector lives in. */
  public final Database database() {
    return database;
  }

  /** The ids of every region this vector stores data in: its main region, its holes and its change sets. */
  public final List<String> regionNames() {
    List<String> names = new ArrayList<>();
    names.add(name);
    if (store.contains(name + HOLES_SUFFIX)) {
      names.add(name + HOLES_SUFFIX);
    }
    if (paging != null) {
      names.add(paging.pagesRegionId());
    }
    names.addAll(changes.regionIds());
    return names;
  }

  // ---- lengths and holes ----

  /** Number of values, including holes and pushed values. */
  public final long len() {
    return storedLen + pushedBytes / size;
  }

  /** Whether {@link #len()} is 0. */
  public final boolean isEmpty() {
    return len() == 0;
  }

  /** Number of values in the database (written). */
  public final long storedLen() {
    return storedLen;
  }

  /** Number of values pushed and not yet written. */
  public final long pushedLen() {
    return pushedBytes / size;
  }

  /** Whether {@code 0 <= index < len()}. */
  public final boolean has(long index) {
    return index >= 0 && index < len();
  }

  /** Whether {@code index} is a hole (deleted). */
  public final boolean isHole(long index) {
    return overlay && holes.contains(index);
  }

  /** The hole indices, ascending. */
  public final long[] holes() {
    return holes.toArray();
  }

  /** Number of holes. */
  public final long holeCount() {
    return holes.size();
  }

  /** The smallest hole, or {@link #len()} when there is none: where {@code fillFirstHoleOrPush} would write. */
  public final long firstEmptyIndex() {
    return holes.isEmpty() ? len() : holes.first();
  }

  // ---- mutations shared by every type ----

  /** Deletes the value at {@code index}, leaving a hole; no-op when {@code index >= len()}. */
  public final void delete(long index) {
    claim();
    if (index < 0 || index >= len()) {
      return;
    }
    if (tracker != null) {
      tracker.beforeChange(index);
    }
    updates.remove(index);
    if (holes.add(index)) {
      holesDirty = true;
    }
    overlay = true;
  }

  /**
   * Shrinks the vector to {@code newLen} values; no-op when {@code newLen >= len()}. Readers shrink at once; the
   * storage is truncated by the next {@link #write()}.
   */
  public final void truncate(long newLen) {
    claim();
    if (newLen < 0) {
      throw new OutOfRangeException("vector '" + name + "': cannot truncate to negative length " + newLen);
    }
    if (newLen >= len()) {
      return;
    }
    if (tracker != null) {
      tracker.beforeTruncate(newLen);
    }
    if (holes.removeFrom(newLen)) {
      holesDirty = true;
    }
    updates.removeFrom(newLen);
    overlay = !holes.isEmpty() || !updates.isEmpty();
    if (newLen < storedLen) {
      pushedBytes = 0;
      storedLen = newLen;
      published = published.truncatedTo(newLen);
    } else {
      pushedBytes = (newLen - storedLen) * size;
    }
  }

  /** Truncates to 0. */
  public final void clear() {
    truncate(0);
  }

  /**
   * Empties the vector, resets its stamp to 0 and drops its change sets; the storage is emptied by the next
   * {@link #write()}.
   */
  public void reset() {
    claim();
    if (tracker != null) {
      tracker.rebase(0, 0, new long[0]);
    }
    truncate(0);
    if (!holes.isEmpty()) {
      holes.clear();
      holesDirty = true;
    }
    updates.clear();
    overlay = false;
    setStamp(0);
    changes.clear();
  }

  /** The stamp of the last stamped write (0 when never stamped). */
  public final long stamp() {
    return header.stamp;
  }

  /** Sets the stamp, persisted by the next {@link #write()}. */
  public final void updateStamp(long stamp) {
    claim();
    setStamp(stamp);
  }

  /** Sets the stamp, then writes. */
  public final boolean stampedWrite(long stamp) {
    updateStamp(stamp);
    return write();
  }

  /**
   * Moves pushed values, updates, holes, truncation and header changes into the database, where every reader sees
   * them; not yet durable (see {@link #flush()}). Ends this thread's ownership of the vector.
   *
   * @return whether any value or hole changed (a stamp-only change writes the header and returns false)
   */
  public final boolean write() {
    claim();
    try {
      return store.atomically(this::writeChanges);
    } finally {
      WRITER.setRelease(this, null);
    }
  }

  /**
   * Writes like {@link #stampedWrite(long)}, first storing the change set that undoes this write (when the vector
   * keeps change sets, see {@link VecOptions#savedStampedChanges()}; otherwise it is a plain stamped write). Change
   * sets with a stamp {@code >= stamp} are dropped first, then the oldest beyond the number kept. The change set and
   * the write are committed together by the next flush.
   */
  public final boolean stampedWriteWithChanges(long stamp) {
    if (tracker == null) {
      return stampedWrite(stamp);
    }
    claim();
    try {
      return store.atomically(() -> {
        Delta delta = tracker.delta(stamp);
        if (delta.prevStamp() == stamp) {
          Optional<Delta> earlier = changes.load(stamp);
          delta = earlier.map(e -> Delta.compose(tracker.delta(stamp), e, size)).orElse(null);
        }
        if (delta != null) {
          changes.save(delta, savedStampedChanges);
        } else {
          changes.dropFrom(stamp);
        }
        setStamp(stamp);
        boolean changed = writeChanges();
        tracker.rebase(stamp, realLen, published.holes());
        return changed;
      });
    } finally {
      WRITER.setRelease(this, null);
    }
  }

  /**
   * Undoes the latest stamped write with changes, in memory: every change since (written or not) is undone too.
   * Successive calls walk back the chain of change sets. The next write persists the result.
   *
   * @return the stamp reached (the one before the undone write)
   * @throws NotFoundException if no change set is stored for the current stamp
   */
  public final long rollback() {
    claim();
    revertToBaseline();
    apply(requireDelta(header.stamp, header.stamp));
    return header.stamp;
  }

  /**
   * Rolls back, one stamped write after the other, until the stamp is below {@code stamp}.
   *
   * @return the stamp reached: the newest stamp below {@code stamp} that the change chain leads to
   * @throws NotFoundException if the chain is broken (a change set is missing) before reaching it
   */
  public final long rollbackBefore(long stamp) {
    claim();
    revertToBaseline();
    while (header.stamp >= stamp) {
      Delta delta = requireDelta(header.stamp, stamp);
      if (delta.prevStamp() >= header.stamp) {
        throw new CorruptionException("vector '" + name + "': change set " + header.stamp + " leads to stamp "
            + delta.prevStamp() + ", not to an earlier one");
      }
      apply(delta);
    }
    return header.stamp;
  }

  /** The stamps for which a change set is stored, ascending. */
  public final List<Long> changeStamps() {
    return changes.stamps();
  }

  /** {@link #write()}, then commits the whole database durably and atomically ({@link Database#flush()}). */
  public final boolean flush() {
    boolean changed = write();
    database.flush();
    return changed;
  }

  /**
   * The written values of a raw vector as a read-only, zero-copy segment: {@code storedLen() * valueSize()} bytes in
   * the format's byte order (native for {@link Format#ZERO_COPY}). A snapshot: it keeps its bytes while the vector is neither
   * written again nor moved; use a {@code reader()} for long reads.
   */
  public final MemorySegment storedValues() {
    if (paging != null) {
      throw new UnsupportedOperationException("vector '" + name + "' is stored in compressed pages (" + format
          + "): it has no contiguous value bytes; read it through its read API");
    }
    return region.segment().asSlice(Header.SIZE, storedLen * size);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + ", " + spec.label() + ", " + format + ", len " + len() + "]";
  }

  // ---- services for the typed subclasses ----

  /** Claims the writer role for the calling thread, or fails if another thread holds it. */
  final void claim() {
    Thread me = Thread.currentThread();
    if (writer == me) {
      return;
    }
    checkWritable("change it");
    if (!WRITER.compareAndSet(this, (Thread) null, me)) {
      Thread owner = writer;
      throw new ConcurrentMutationException("vector '" + name + "' is being written by thread '"
          + (owner == null ? "?" : owner.getName()) + "' (it owns the vector until its next write() or flush()); "
          + "thread '" + me.getName() + "' may not mutate it meanwhile");
    }
  }

  /** Fails unless the calling thread may change the database (it is not read-only, or the thread applies). */
  final void checkWritable(String what) {
    if (!store.isWritable()) {
      throw readOnly(what);
    }
  }

  private ReadOnlyException readOnly(String what) {
    return new ReadOnlyException("vector '" + name + "' of database " + store.path() + " is read-only (opened as a "
        + "follower): cannot " + what + "; only its replication applier changes it");
  }

  /**
   * Whether the calling thread is the writer (the hot-path check before {@link #claim()}). A plain read, not a
   * volatile one: a volatile read in {@code push} is a compiler barrier that keeps C2 from optimizing the push loop
   * (about 4x slower measured). It is exact for the owner, which is the only thread that ever stores itself into
   * {@code writer} and which reads its own stores in program order; any other thread reads either null or some other
   * thread and falls through to {@link #claim()}, whose CAS is the real check.
   */
  final boolean isWriter() {
    return (Thread) WRITER.get(this) == Thread.currentThread();
  }

  /**
   * {@link #storedLen} read plainly, for the writer's own reads: only the writer changes it, so the writer sees its
   * latest value without a volatile read (which costs a compiler barrier in every {@code get}).
   */
  final long writerStoredLen() {
    return (long) STORED_LEN.get(this);
  }

  /**
   * Finds where the value at {@code index} is: sets {@link #located} and returns the byte offset in it.
   *
   * @throws OutOfRangeException if {@code index} is outside {@code [0, len())}
   * @throws HoleException if it is a hole
   */
  final long locate(long index) {
    if (overlay && holes.contains(index) && index >= 0 && index < len()) {
      throw new HoleException("vector '" + name + "': index " + index + " is a hole");
    }
    return locateRaw(index);
  }

  /** Like {@link #locate} but ignoring holes: the bytes a hole's slot holds. */
  final long locateRaw(long index) {
    long stored = storedLen;
    if (index < 0 || index >= stored + pushedBytes / size) {
      throw outOfRange(index);
    }
    if (overlay) {
      if (index < stored) {
        long offset = updates.offsetOf(index);
        if (offset >= 0) {
          located = updates.values();
          return offset;
        }
      }
    }
    if (index >= stored) {
      located = pushBuffer;
      return (index - stored) * size;
    }
    if (paging != null) {
      chunks.chunk(index, index + 1);
      located = chunks.segment;
      return chunks.origin + index * size;
    }
    located = storedView;
    return Header.SIZE + index * size;
  }

  /**
   * Prepares an update of {@code index}: fills its hole if any, sets {@link #located} and returns the byte offset at
   * which the new value is to be written.
   */
  final long prepareUpdate(long index) {
    claim();
    long stored = storedLen;
    if (index < 0 || index >= stored + pushedBytes / size) {
      throw new OutOfRangeException("vector '" + name + "': cannot update index " + index + ", length is " + len());
    }
    if (tracker != null) {
      tracker.beforeChange(index);
    }
    if (holes.remove(index)) {
      holesDirty = true;
    }
    if (index >= stored) {
      overlay = !holes.isEmpty() || !updates.isEmpty();
      located = pushBuffer;
      return (index - stored) * size;
    }
    overlay = true;
    long offset = updates.put(index);
    located = updates.values();
    return offset;
  }

  /** Fails with a {@link ClosedException} naming the vector when its database is closed. */
  final void checkReadable() {
    if (!store.isOpen()) {
      throw new ClosedException("vector '" + name + "': database " + store.path() + " is closed");
    }
  }

  /**
   * What a reader reports when loading from a published view failed with {@code e} (the view's mapping is gone when
   * the database was closed meanwhile).
   */
  final RuntimeException readFailure(IllegalStateException e) {
    checkReadable();
    return e;
  }

  /**
   * Makes room for one more pushed value and returns the byte offset to write it at. The single-value twin of
   * {@link #preparePushAll}, kept apart on purpose: delegating to it measured slower on the {@code push} loop (JMH
   * {@code vecdbRewrite} 4.6 vs 3.0 ns/value).
   */
  final long preparePush() {
    long offset = pushedBytes;
    if (offset + size > pushBuffer.byteSize()) {
      growPushBuffer(offset + size);
    }
    pushedBytes = offset + size;
    return offset;
  }

  /** Makes room for {@code count} more pushed values and returns the byte offset to write the first at. */
  final long preparePushAll(int count) {
    long offset = pushedBytes;
    long end = offset + (long) count * size;
    if (end > pushBuffer.byteSize()) {
      growPushBuffer(end);
    }
    pushedBytes = end;
    return offset;
  }

  /** Checks that {@code index == len()} before a push. */
  final void checkPushIndex(long index) {
    if (index != len()) {
      throw new OutOfRangeException("vector '" + name + "': checked push at index " + index + ", but the next index is "
          + len());
    }
  }

  /** The smallest hole, or -1 when there is none (for {@code fillFirstHoleOrPush}). */
  final long firstHoleForFill() {
    return holes.isEmpty() ? -1 : holes.first();
  }

  final OutOfRangeException outOfRange(long index) {
    return new OutOfRangeException("vector '" + name + "': index " + index + " out of range, length is " + len());
  }

  /** Clamps {@code [from, to)} to {@code [0, len)}; returns {from, to} with {@code from <= to}. */
  static long clampFrom(long from, long len) {
    return Math.min(Math.max(from, 0), len);
  }

  static long clampTo(long from, long to, long len) {
    return Math.max(clampFrom(from, len), Math.min(to, len));
  }

  /** Python-style bound: {@code i >= 0 -> min(i, len)}, {@code i < 0 -> max(0, len + i)}. */
  static long signedBound(long i, long len) {
    return i >= 0 ? Math.min(i, len) : Math.max(0, len + i);
  }

  // ---- internals ----

  /** Copies the current bytes of {@code index} (stored, updated or pushed; holes ignored) to {@code dst}. */
  private void copyValue(long index, MemorySegment dst, long offset) {
    long at = locateRaw(index);
    MemorySegment.copy(located, at, dst, offset, size);
  }

  private Delta requireDelta(long current, long target) {
    return changes.load(current).orElseThrow(() -> new NotFoundException("vector '" + name
        + "': cannot roll back " + (target == current ? "stamp " + current : "before stamp " + target)
        + ": no change set is stored for stamp " + current + " (stored: " + changes.stamps() + ")"));
  }

  /**
   * Undoes every change since the last stamp point (stamped write with changes, rollback or open), written or not,
   * using what the tracker captured.
   */
  private void revertToBaseline() {
    if (tracker == null) {
      throw new NotFoundException("vector '" + name + "': cannot roll back, it keeps no change sets "
          + "(open it with savedStampedChanges > 0)");
    }
    apply(tracker.delta(header.stamp));
  }

  /**
   * Takes the vector from the state after the write stamped {@code delta.stamp()} back to that write's baseline, in
   * memory: the inverse of what {@link ChangeTracker} recorded.
   */
  private void apply(Delta delta) {
    if (delta.truncStart() > len()) {
      throw new CorruptionException("vector '" + name + "': change set " + delta.stamp() + " truncates at "
          + delta.truncStart() + ", beyond the length " + len());
    }
    holes.removeFrom(delta.truncStart());
    updates.removeFrom(delta.truncStart());
    if (delta.truncStart() < storedLen) {
      pushedBytes = 0;
      storedLen = delta.truncStart();
      published = published.truncatedTo(storedLen);
    } else {
      pushedBytes = (delta.truncStart() - storedLen) * size;
    }
    for (int i = 0; i < delta.modifiedIndices().length; i++) {
      long index = delta.modifiedIndices()[i];
      if (index < 0 || index >= delta.truncStart()) {
        throw new CorruptionException("vector '" + name + "': change set " + delta.stamp() + " restores index "
            + index + " outside [0, " + delta.truncStart() + ")");
      }
      long at;
      if (index < storedLen) {
        at = updates.put(index);
        located = updates.values();
      } else {
        at = (index - storedLen) * size;
        located = pushBuffer;
      }
      MemorySegment.copy(delta.modifiedValues(), (long) i * size, located, at, size);
    }
    for (long i = 0; i < delta.baseLen() - delta.truncStart(); i++) {
      long at = preparePush();
      MemorySegment.copy(delta.truncated(), i * size, pushBuffer, at, size);
    }
    holes.clear();
    for (long hole : delta.holes()) {
      if (hole < 0 || hole >= delta.baseLen()) {
        throw new CorruptionException("vector '" + name + "': change set " + delta.stamp() + " restores hole "
            + hole + " beyond its length " + delta.baseLen());
      }
      holes.add(hole);
    }
    holesDirty = true;
    overlay = !holes.isEmpty() || !updates.isEmpty();
    setStamp(delta.prevStamp());
    if (tracker != null) {
      tracker.rebase(delta.prevStamp(), delta.baseLen(), holes.toArray());
    }
  }

  private void setStamp(long stamp) {
    if (header.stamp != stamp) {
      header.stamp = stamp;
      headerDirty = true;
    }
  }

  private void growPushBuffer(long needed) {
    long capacity = Math.max(needed, Math.max(4096, pushBuffer.byteSize() * 2));
    MemorySegment grown = Arena.ofAuto().allocate(capacity, 8);
    MemorySegment.copy(pushBuffer, 0, grown, 0, pushedBytes);
    pushBuffer = grown;
  }

  private Boolean writeChanges() {
    boolean changed = false;
    if (headerDirty) {
      region.writeAt(0, header.encode());
      headerDirty = false;
    }
    long stored = storedLen;
    long pushed = pushedBytes / size;
    if (paging != null) {
      changed = paging.write(stored, pushBuffer, pushedBytes, updates);
      updates.clear();
    } else {
      if (pushed > 0) {
        region.truncateAndWrite(Header.SIZE + stored * size, pushBuffer.asSlice(0, pushedBytes));
        changed = true;
      } else if (stored < realLen) {
        region.truncate(Header.SIZE + stored * size);
        changed = true;
      }
      if (!updates.isEmpty()) {
        writeUpdates();
        changed = true;
      }
    }
    if (holesDirty) {
      writeHoles();
      changed = true;
    }
    realLen = stored + pushed;
    storedView = region.segment();
    pushedBytes = 0;
    overlay = !holes.isEmpty();
    storedLen = realLen;
    published = new Published(storedView, realLen, holes.toArray());
    return changed;
  }

  private void writeUpdates() {
    long[] keys = updates.sortedKeys();
    MemorySegment values = updates.values();
    int runStart = 0;
    for (int i = 1; i <= keys.length; i++) {
      if (i == keys.length || keys[i] != keys[i - 1] + 1) {
        int count = i - runStart;
        MemorySegment run = Arena.ofAuto().allocate((long) count * size);
        for (int j = 0; j < count; j++) {
          MemorySegment.copy(values, updates.offsetOf(keys[runStart + j]), run, (long) j * size, size);
        }
        region.writeAt(Header.SIZE + keys[runStart] * size, run);
        runStart = i;
      }
    }
    updates.clear();
  }

  /** Rewrites the holes region: the sorted hole indices (u64 LE each), then a CRC32C of them (u32 LE). */
  private void writeHoles() {
    if (holes.isEmpty()) {
      if (holesRegion != null) {
        holesRegion.remove();
        holesRegion = null;
      }
    } else {
      if (holesRegion == null) {
        holesRegion = store.createIfNeeded(name + HOLES_SUFFIX);
      }
      long[] sorted = holes.toArray();
      MemorySegment bytes = MemorySegment.ofArray(new byte[sorted.length * 8 + 4]);
      for (int i = 0; i < sorted.length; i++) {
        bytes.setAtIndex(LE_LONG, i, sorted[i]);
      }
      bytes.set(LE_INT, sorted.length * 8L, crc(bytes.asSlice(0, sorted.length * 8L)));
      holesRegion.truncateAndWrite(0, bytes);
    }
    holesDirty = false;
  }

  private static int crc(MemorySegment bytes) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes.asByteBuffer());
    return (int) crc.getValue();
  }

  private Header load(VecOptions options) {
    Region main = store.isWritable() ? store.createIfNeeded(name) : store.find(name).orElseThrow(
        () -> readOnly("create it (it does not exist)"));
    if (main.length() == 0) {
      return create(main, options);
    }
    Header stored = Header.decode(main.segment(), name);
    String mismatch = mismatch(stored, options);
    if (mismatch != null) {
      if (!options.resetOnMismatch()) {
        throw new MismatchException("vector '" + name + "' in " + store.path() + ": " + mismatch
            + " (open it with reset-on-mismatch to wipe it)");
      }
      for (String id : store.ids()) {
        if (id.equals(name) || id.startsWith(name + "@")) {
          store.remove(id);
        }
      }
      return create(store.createIfNeeded(name), options);
    }
    long payload = main.length() - Header.SIZE;
    if (format.isRaw() && payload % size != 0) {
      throw new CorruptionException("vector '" + name + "': " + payload + " bytes of values is not a multiple of the "
          + size + "-byte value size");
    }
    return stored;
  }

  private Header create(Region main, VecOptions options) {
    Header fresh = new Header(format.code(), spec.typeCode(), size, spec.signature(), options.version());
    main.truncateAndWrite(0, fresh.encode());
    return fresh;
  }

  private String mismatch(Header stored, VecOptions options) {
    if (stored.formatCode != format.code()) {
      return "stored with format " + Header.formatName(stored.formatCode) + ", opened with " + format;
    }
    if (stored.typeCode != spec.typeCode() || stored.valueSize != size || stored.signature != spec.signature()) {
      return "stored with value type " + storedTypeLabel(stored) + " (" + stored.valueSize + " bytes), opened as "
          + spec.label() + " (" + size + " bytes)";
    }
    if (stored.userVersion != options.version()) {
      return "stored with version " + stored.userVersion + ", opened with version " + options.version();
    }
    return null;
  }

  private static String storedTypeLabel(Header stored) {
    dev.vecdb.codec.NumberType number = dev.vecdb.codec.NumberType.ofCode(stored.typeCode);
    if (number != null) {
      return number.label();
    }
    return switch (stored.typeCode) {
      case dev.vecdb.codec.ValueCodec.BYTES_TYPE_CODE -> "bytes[" + stored.valueSize + "]";
      case dev.vecdb.codec.ValueCodec.RECORD_TYPE_CODE -> "a record of layout signature "
          + Long.toHexString(stored.signature);
      default -> "type code " + stored.typeCode;
    };
  }


  private long[] loadHoles() {
    if (holesRegion == null) {
      return new long[0];
    }
    MemorySegment in = MemorySegment.ofArray(holesRegion.readAll());
    long count = (in.byteSize() - 4) / 8;
    if (in.byteSize() < 12 || in.byteSize() % 8 != 4 || in.get(LE_INT, count * 8) != crc(in.asSlice(0, count * 8))) {
      throw new CorruptionException("vector '" + name + "': holes region (" + in.byteSize()
          + " bytes) fails its checksum");
    }
    long[] sorted = new long[(int) count];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = in.getAtIndex(LE_LONG, i);
      if (sorted[i] < 0 || sorted[i] >= realLen || (i > 0 && sorted[i] <= sorted[i - 1])) {
        throw new CorruptionException("vector '" + name + "': hole " + i + " (index " + sorted[i]
            + ") is out of order or beyond the length " + realLen);
      }
    }
    return sorted;
  }

  private static java.util.function.Supplier<dev.vecdb.codec.PageCodec> pageCodecs(Format format,
      VecOptions options, ValueSpec spec) {
    return switch (format) {
      case LZ4 -> dev.vecdb.codec.Lz4PageCodec::new;
      case PCO -> () -> new dev.vecdb.codec.PcoPageCodec(dev.vecdb.codec.NumberType.ofCode(spec.typeCode()));
      case ZSTD -> {
        try {
          Class.forName("com.github.luben.zstd.Zstd");
        } catch (ClassNotFoundException e) {
          throw new dev.vecdb.VecDbException("vector uses format ZSTD, which needs com.github.luben:zstd-jni on the "
              + "class path", e);
        }
        yield () -> new dev.vecdb.codec.ZstdPageCodec(options.compressionLevel());
      }
      default -> throw new IllegalArgumentException("format " + format + " is not paged");
    };
  }

  private static String validateName(String name) {
    RegionIds.validate(name);
    if (name.indexOf('@') >= 0) {
      throw new InvalidNameException("invalid vector name '" + name + "': '@' is reserved for a vector's own regions");
    }
    return name;
  }
}
