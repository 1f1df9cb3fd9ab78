package dev.vecdb.vec;

import dev.vecdb.ClosedException;
import dev.vecdb.ConcurrentMutationException;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.InvalidNameException;
import dev.vecdb.NotFoundException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.ReadOnlyException;
import dev.vecdb.VecOptions;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.internal.VecAccess;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionIds;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A persistent vector of fixed-size values stored raw in one region of a {@link dev.vecdb.Database}: the state and
 * operations every value type shares. The typed subclasses ({@link LongVec}, {@link IntVec}, ..., {@link ObjVec}) add
 * the typed reads and writes.
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
  /**
   * The longest vector name, in UTF-8 bytes: a region id's {@value RegionIds#MAX_BYTES} less the longest suffix of the
   * vector's own regions ({@code @change.} and a 19-digit stamp). Names must also be non-empty, without control
   * characters, path separators ({@code /}, {@code \}) or {@code @}; any other name fails with
   * {@link InvalidNameException} when the vector is opened.
   */
  public static final int MAX_NAME_BYTES = RegionIds.MAX_BYTES - ChangeLog.PREFIX.length() - 19;
  private static final VarHandle WRITER;
  private static final VarHandle STORED_LEN;

  static {
    VecAccess.register(new VecInternals());
    try {
      WRITER = MethodHandles.lookup().findVarHandle(StoredVec.class, "writer", Thread.class);
      STORED_LEN = MethodHandles.lookup().findVarHandle(StoredVec.class, "storedLen", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

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
  /** What undoes the vector's stamped writes. */
  final ChangeSets changes;
  /** Where the written holes are stored. */
  private final HolesRegion holesRegion;
  /** Where writes record their changes when the database keeps a commit log, else null. */
  private final CommitRecorder recorder;

  /**
   * Written values as the writer counts them (readers use {@link #published}); volatile so that statistics read on
   * other threads ({@link #storedLen()}, {@link #len()}) are current. The writer reads it plainly through
   * {@link #writerStoredLen()}.
   */
  volatile long storedLen;
  /** What readers see; replaced (never mutated) by every write, truncation and rollback. */
  volatile Published published;
  /** The stamp in the header as the last write stored it, for threads other than the writer. */
  private volatile long writtenStamp;
  /** Values physically in the region (differs from storedLen between a truncation and the next write). */
  long realLen;
  /** Raw formats: what published states may still read in place of the main region. */
  private final ReadableExtent readable;
  /** The writer's view of the main region (header and values); refreshed by every write. */
  MemorySegment storedView;
  /** The pushed values' memory; see {@link PushChunks}. */
  final PushChunks pushChunks;
  /** The chunk of {@link #pushChunks} the next push goes to (the hot path's copy of it). */
  MemorySegment pushBuffer = MemorySegment.NULL;
  /** The pushed byte offset where {@link #pushBuffer} starts. */
  long pushBase;
  /** Bytes of pushed values: {@code [0, pushedBytes)} of {@link #pushChunks}. */
  long pushedBytes;
  /** Set by {@link #preparePushRun}: how many values fit in {@link #pushBuffer} from the offset it returned. */
  int pushRun;
  /** Whether holes or updates exist, i.e. whether reads must consult them. */
  boolean overlay;
  boolean holesDirty;
  boolean headerDirty;
  /** Set by {@link #locate}: the segment holding the located value. */
  MemorySegment located;
  @SuppressWarnings("unused") // accessed through WRITER
  private volatile Thread writer;
  /** How the vector was removed while this instance was open (see {@link #detach}), or null. */
  private volatile String removal;

  /**
   * The written state readers see, as one immutable object so that a reader's point read makes a single volatile
   * load and a reader's operation reads one state from its start to its end: the main region's view (header
   * included), the written length, the written holes (sorted), the page table of a paged vector (null for the raw
   * formats) and the {@link Lineage} node that keeps the state's bytes readable after later writes overwrite them.
   *
   * <p>Invariants: {@code view} holds at least {@code len} values after the header (raw) or every page of
   * {@code table} (paged), and {@code len <= table.valueCount()}. The writer replaces it after the bytes it describes
   * are in place (the volatile store publishes them); a truncation or a rollback publishes a shorter state at once,
   * with the same view, table and node. The space an older view maps stays the vector's while a reader pins the
   * region; the bytes of it that later writes overwrote stay readable through the node (see {@link Lineage}).
   */
  record Published(MemorySegment view, long len, long[] holes, PageTable table, Lineage lineage, long denseLen) {
    /**
     * The state of a vector whose values are {@code direct} (raw, loadable little-endian at {@code Header.SIZE +
     * index * size} of {@code view}) or not; {@link #denseLen} is {@code len} when they are and the state has no
     * holes, else 0, so that a point read's fast path is one unsigned comparison.
     */
    static Published of(MemorySegment view, long len, long[] holes, PageTable table, Lineage lineage,
        boolean direct) {
      return new Published(view, len, holes, table, lineage, direct && holes.length == 0 ? len : 0);
    }

    boolean isHole(long index) {
      return holes.length != 0 && Arrays.binarySearch(holes, index) >= 0;
    }

    Published truncatedTo(long newLen) {
      return newLen >= len ? this
          : new Published(view, newLen, holes, table, lineage, denseLen == len ? newLen : 0);
    }
  }

  /** What one stored value is: header code, size, layout signature and a readable label. */
  record ValueSpec(int typeCode, int size, long signature, String label) {}

  StoredVec(VecRegistry vectors, String name, ValueSpec spec, VecOptions options) {
    this.store = vectors.store();
    this.name = VecOpening.validateName(name);
    this.format = options.format();
    this.spec = spec;
    this.size = spec.size();
    this.order = format == Format.ZERO_COPY ? ByteOrder.nativeOrder() : ByteOrder.LITTLE_ENDIAN;
    if (format == Format.PCO && dev.vecdb.codec.NumberType.ofCode(spec.typeCode()) == null) {
      throw Exceptions.illegalArgument("vector '%s': format PCO compresses numeric values only, not %s; use LZ4, ZSTD,"
          + " BYTES or ZERO_COPY", name, spec.label());
    }
    this.updates = new UpdateMap(size);
    this.pushChunks = new PushChunks(size);
    this.recorder = vectors.recorder();
    Header loaded = store.isWritable()
        ? store.atomically(() -> VecOpening.load(store, name, format, spec, options, recorder))
        : VecOpening.load(store, name, format, spec, options, recorder);
    this.header = loaded;
    this.region = store.get(name);
    this.paging = format.isRaw() ? null
        : new Paging(store, name, size, region, VecOpening.pageCodecs(format, options, spec),
            format == Format.ZSTD ? options.compressionLevel() : 0);
    this.realLen = paging == null ? (region.length() - Header.SIZE) / size : paging.table().valueCount();
    this.storedLen = realLen;
    this.storedView = region.segment();
    this.holesRegion = new HolesRegion(store, name);
    this.changes = new ChangeSets(store, name, size, options.savedStampedChanges(), this::copyValue);
    VecOpening.checkDependentRegions(store, name, header, holesRegion, changes);
    this.holes = new HoleSet(holesRegion.load(realLen));
    this.readable = new ReadableExtent(size, realLen, storedView, region.start());
    this.published = Published.of(storedView, realLen, holes.toArray(), paging == null ? null : paging.table(),
        new Lineage(), directValues());
    this.writtenStamp = header.stamp;
    this.overlay = !holes.isEmpty();
    this.chunks = StoredChunks.ofWriter(this);
    changes.open(header.stamp, realLen, published.holes());
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
  final int computedVersion() {
    return header.computedVersion;
  }

  /** Sets the computed version, persisted by the next {@link #write()}. */
  final void updateComputedVersion(int computedVersion) {
    claim();
    if (header.computedVersion != computedVersion) {
      header.computedVersion = computedVersion;
      headerDirty = true;
    }
  }

  /** Whether the vector's database is open (reads and writes fail with {@link ClosedException} once it is closed). */
  public final boolean isOpen() {
    return store.isOpen();
  }

  /**
   * Bytes the vector occupies in its database: the length of every region it stores data in (main region, holes,
   * page table, change sets). Any thread; the database must be open.
   */
  public final long storedBytes() {
    long total = 0;
    for (String id : regionNames()) {
      total += store.find(id).map(Region::length).orElse(0L);
    }
    return total;
  }

  /** The ids of every region this vector stores data in: its main region, its holes and its change sets. */
  public final List<String> regionNames() {
    List<String> names = new ArrayList<>();
    names.add(name);
    if (store.contains(holesRegion.id())) {
      names.add(holesRegion.id());
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

  /** Number of holes as readers see them, those of the last write; safe on any thread (statistics, metrics). */
  public final long writtenHoleCount() {
    return published.holes().length;
  }

  /** The smallest hole, or {@link #len()} when there is none: where {@code fillFirstHoleOrPush} would write. */
  public final long firstEmptyIndex() {
    return holes.isEmpty() ? len() : holes.first();
  }

  // ---- mutations shared by every type ----

  /**
   * Deletes the value at {@code index}, leaving a hole (no-op when it is a hole already).
   *
   * @throws OutOfRangeException if {@code index} is outside {@code [0, len())} (the Rust original ignores an index
   *     {@code >= len()}; here it fails like {@code update})
   */
  public final void delete(long index) {
    claim();
    if (index < 0 || index >= len()) {
      throw Exceptions.outOfRange("vector '%s': cannot delete index %s, length is %s", name, index, len());
    }
    changes.beforeChange(index);
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
      throw Exceptions.outOfRange("vector '%s': cannot truncate to negative length %s", name, newLen);
    }
    if (newLen >= len()) {
      return;
    }
    changes.beforeTruncate(newLen);
    if (holes.removeFrom(newLen)) {
      holesDirty = true;
    }
    updates.removeFrom(newLen);
    overlay = !holes.isEmpty() || !updates.isEmpty();
    if (newLen < storedLen) {
      seekPush(0);
      storedLen = newLen;
      published = published.truncatedTo(newLen);
    } else {
      seekPush((newLen - storedLen) * size);
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
    changes.rebase(0, 0, new long[0]);
    truncate(0);
    if (!holes.isEmpty()) {
      holes.clear();
      holesDirty = true;
    }
    updates.clear();
    overlay = false;
    setStamp(0);
    changes.releaseAll();
  }

  /** The stamp of the last stamped write (0 when never stamped). */
  public final long stamp() {
    return header.stamp;
  }

  /** The stamp as the last write stored it; safe on any thread (statistics, metrics). */
  public final long writtenStamp() {
    return writtenStamp;
  }

  /**
   * Sets the stamp, persisted by the next {@link #write()}.
   *
   * @throws IllegalArgumentException if {@code stamp} is negative
   */
  public final void updateStamp(long stamp) {
    checkStamp(stamp);
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
      return store.atomically(() -> persist(-1));
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
    if (!changes.enabled()) {
      return stampedWrite(stamp);
    }
    checkStamp(stamp);
    claim();
    try {
      return store.atomically(() -> persist(stamp));
    } finally {
      WRITER.setRelease(this, null);
    }
  }

  /**
   * Moves the pending changes into the database (the body of every write, inside its atomic group), with the change
   * set that undoes them stamped {@code withChangesStamp} when it is not -1; records the write first when the
   * database keeps a commit log. A follower's applier calls it too, after setting the leader's pending changes.
   */
  final boolean persist(long withChangesStamp) {
    RecordOutput record = recorder == null ? null : WriteRecord.encode(this, withChangesStamp);
    if (withChangesStamp != -1) {
      changes.saveFor(withChangesStamp);
      setStamp(withChangesStamp);
    }
    boolean changed = writeChanges();
    if (withChangesStamp != -1) {
      changes.rebase(withChangesStamp, realLen, published.holes());
    }
    writeMetadata();
    if (record != null) {
      changes.recorded();
      recorder.append(record);
    }
    return changed;
  }

  /**
   * Undoes the latest stamped write with changes, in memory: every change since (written or not) is undone too.
   * Successive calls walk back the chain of change sets. The next write persists the result and removes the change
   * sets the rollbacks consumed (until then they stay stored, with the vector's stored state they undo).
   *
   * @return the stamp reached (the one before the undone write)
   * @throws NotFoundException if no change set is stored for the current stamp; the vector is then unchanged
   */
  public final long rollback() {
    claim();
    Delta toBaseline = changes.toBaseline(header.stamp);
    Delta stored = changes.require(toBaseline.prevStamp(), toBaseline.prevStamp());
    try {
      apply(toBaseline);
      applyStored(stored);
      return header.stamp;
    } finally {
      publishTruncation();
    }
  }

  /**
   * Rolls back, one stamped write after the other, until the stamp is below {@code stamp}.
   *
   * @return the stamp reached: the newest stamp below {@code stamp} that the change chain leads to
   * @throws NotFoundException if the chain is broken (a change set is missing) before reaching it; the vector is
   *     then unchanged (every change set is loaded before any is applied)
   */
  public final long rollbackBefore(long stamp) {
    claim();
    Delta toBaseline = changes.toBaseline(header.stamp);
    List<Delta> chain = changes.chainBefore(toBaseline.prevStamp(), stamp);
    try {
      apply(toBaseline);
      for (Delta delta : chain) {
        applyStored(delta);
      }
      return header.stamp;
    } finally {
      publishTruncation();
    }
  }

  /**
   * Publishes, once per rollback, the truncation its change sets made (readers see one state per call, never the
   * steps between).
   */
  private void publishTruncation() {
    published = published.truncatedTo(storedLen);
  }

  /** The stamps for which a change set is stored, ascending. */
  public final List<Long> changeStamps() {
    return changes.stamps();
  }

  /** {@link #write()}, then commits the whole database durably and atomically (as {@code Database.flush()}). */
  public final boolean flush() {
    boolean changed = write();
    store.flush();
    return changed;
  }

  /**
   * The written values of a raw vector as a read-only, zero-copy segment: {@code storedLen() * valueSize()} bytes in
   * the format's byte order (native for {@link Format#ZERO_COPY}). A snapshot: it keeps its bytes while the vector is neither
   * written again nor moved; use a {@code reader()} for long reads.
   */
  public final MemorySegment storedValues() {
    if (paging != null) {
      throw Exceptions.unsupported("vector '%s' is stored in compressed pages (%s): it has no contiguous value bytes;"
          + " read it through its read API", name, format);
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
      throw VecErrors.concurrentMutation(name, owner, me);
    }
  }

  /** Ends the calling thread's ownership of the vector, as a write does (for a follower's applier). */
  final void releaseWriter() {
    WRITER.setRelease(this, null);
  }

  /** Fails unless the calling thread may change the database (it is not read-only, or the thread applies). */
  final void checkWritable(String what) {
    checkNotRemoved();
    if (!store.isWritable()) {
      throw readOnly(name, store, what);
    }
  }

  /** The failure of a change to vector {@code vector} of a read-only database. */
  static ReadOnlyException readOnly(String vector, RegionStore store, String what) {
    return Exceptions.readOnly("vector '%s' of database %s is read-only (opened as a follower): cannot %s; only its"
        + " replication applier changes it", vector, store.path(), what);
  }

  /** Whether values are raw little-endian at {@code Header.SIZE + index * size} of the views (see {@link Published}). */
  private boolean directValues() {
    return paging == null && order == ByteOrder.LITTLE_ENDIAN;
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
      throw Exceptions.hole("vector '%s': index %s is a hole", name, index);
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
      return locatePushed((index - stored) * size);
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
      throw Exceptions.outOfRange("vector '%s': cannot update index %s, length is %s", name, index, len());
    }
    changes.beforeChange(index);
    if (holes.remove(index)) {
      holesDirty = true;
    }
    if (index >= stored) {
      overlay = !holes.isEmpty() || !updates.isEmpty();
      return locatePushed((index - stored) * size);
    }
    overlay = true;
    long offset = updates.put(index);
    located = updates.values();
    return offset;
  }

  /**
   * Detaches this instance from its vector, which was removed from the database ({@code how} says by whom): from then
   * on it reads as empty, a point read, a reader's snapshot or a change fails with a {@link NotFoundException} naming
   * the vector, and its pushed values are dropped; open the vector again for its new instance. Called by the
   * registry under its lock, on the thread that removes the vector (the application's, or a follower's applier).
   */
  final void detach(String how) {
    removal = how;
    seekPush(0);
    holes.removeFrom(0);
    updates.removeFrom(0);
    overlay = false;
    storedLen = 0;
    published = published.truncatedTo(0);
    WRITER.setRelease(this, null);
  }

  /** Fails with a {@link NotFoundException} naming the vector when it was removed while this instance was open. */
  final void checkNotRemoved() {
    String how = removal;
    if (how != null) {
      throw Exceptions.notFound("vector '%s' of database %s was removed %s: open it again", name, store.path(), how);
    }
  }

  /** Fails with a {@link ClosedException} naming the vector when its database is closed. */
  final void checkReadable() {
    if (!store.isOpen()) {
      throw Exceptions.closed("vector '%s': database %s is closed", name, store.path());
    }
  }

  /**
   * What a read reports when loading from a published view failed with {@code e}: a {@link ClosedException} when the
   * database was closed meanwhile (the view's mapping is gone: {@link IllegalStateException}); for an
   * {@link InternalError}, the JDK's report of a fault in mapped memory ({@code SIGBUS}: the data file was truncated
   * under the mapping, or its storage failed), a {@link dev.vecdb.CorruptionException} naming the vector, and the
   * store is failed; anything else as it is.
   */
  final RuntimeException readFailure(Throwable e) {
    checkReadable();
    if (e instanceof InternalError fault) {
      return store.mappingFault("vector '" + name + "'", fault);
    }
    if (e instanceof RuntimeException unchecked) {
      return unchecked;
    }
    throw (Error) e;
  }

  /**
   * Makes room for one more pushed value and returns the byte offset in {@link #pushBuffer} to write it at. The
   * single-value twin of {@link #preparePushRun}, kept apart on purpose: delegating to it measured slower on the
   * {@code push} loop (JMH {@code vecdbRewrite} 4.6 vs 3.0 ns/value).
   */
  final long preparePush() {
    long offset = pushedBytes - pushBase;
    if (offset + size > pushBuffer.byteSize()) {
      offset = pushRoom(size);
    }
    pushedBytes += size;
    return offset;
  }

  /**
   * Makes room for up to {@code count} more pushed values in {@link #pushBuffer}, at least one: sets
   * {@link #pushRun} to how many fit (the caller writes them, then calls again for the rest) and returns the byte
   * offset in {@link #pushBuffer} to write the first at.
   */
  final long preparePushRun(int count) {
    long offset = pushedBytes - pushBase;
    long wanted = (long) count * size;
    if (offset + wanted > pushBuffer.byteSize()) {
      offset = pushRoom(Math.min(wanted, pushChunks.chunkBytes));
    }
    int run = (int) Math.min(count, (pushBuffer.byteSize() - offset) / size);
    pushRun = run;
    pushedBytes += (long) run * size;
    return offset;
  }

  /**
   * Sets {@link #located} to the segment holding pushed byte {@code at} and returns its offset there.
   */
  final long locatePushed(long at) {
    if (at >= pushBase) {
      located = pushBuffer;
      return at - pushBase;
    }
    int index = pushChunks.indexOf(at);
    located = pushChunks.chunk(index);
    return at - pushChunks.base(index);
  }

  /** Checks that {@code index == len()} before a push. */
  final void checkPushIndex(long index) {
    if (index != len()) {
      throw Exceptions.outOfRange("vector '%s': checked push at index %s, but the next index is %s", name, index,
          len());
    }
  }

  /** The smallest hole, or -1 when there is none (for {@code fillFirstHoleOrPush}). */
  final long firstHoleForFill() {
    return holes.isEmpty() ? -1 : holes.first();
  }

  final RuntimeException outOfRange(long index) {
    checkNotRemoved();
    return Exceptions.outOfRange("vector '%s': index %s out of range, length is %s", name, index, len());
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

  /**
   * Takes the vector from the state after the write stamped {@code delta.stamp()} back to that write's baseline, in
   * memory: the inverse of what {@link ChangeTracker} recorded.
   */
  private void apply(Delta delta) {
    if (delta.truncStart() > len()) {
      throw Exceptions.corruption("vector '%s': change set %s truncates at %s, beyond the length %s", name,
          delta.stamp(), delta.truncStart(), len());
    }
    holes.removeFrom(delta.truncStart());
    updates.removeFrom(delta.truncStart());
    if (delta.truncStart() < storedLen) {
      seekPush(0);
      storedLen = delta.truncStart();
    } else {
      seekPush((delta.truncStart() - storedLen) * size);
    }
    for (int i = 0; i < delta.modifiedIndices().length; i++) {
      long index = delta.modifiedIndices()[i];
      if (index < 0 || index >= delta.truncStart()) {
        throw Exceptions.corruption("vector '%s': change set %s restores index %s outside [0, %s)", name, delta.stamp(),
            index, delta.truncStart());
      }
      long at;
      if (index < storedLen) {
        at = updates.put(index);
        located = updates.values();
      } else {
        at = locatePushed((index - storedLen) * size);
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
        throw Exceptions.corruption("vector '%s': change set %s restores hole %s beyond its length %s", name,
            delta.stamp(), hole, delta.baseLen());
      }
      holes.add(hole);
    }
    holesDirty = true;
    overlay = !holes.isEmpty() || !updates.isEmpty();
    setStamp(delta.prevStamp());
    changes.rebase(delta.prevStamp(), delta.baseLen(), holes.toArray());
  }

  /** Applies a stored change set and releases it: the write that persists the rollback removes it. */
  private void applyStored(Delta delta) {
    long consumed = header.stamp;
    apply(delta);
    changes.release(consumed);
  }

  private static void checkStamp(long stamp) {
    if (stamp < 0) {
      throw Exceptions.illegalArgument("a stamp must be >= 0, got %s", stamp);
    }
  }

  void setStamp(long stamp) {
    if (header.stamp != stamp) {
      header.stamp = stamp;
      headerDirty = true;
    }
  }

  /**
   * The slow path of a push: makes {@link #pushBuffer} the chunk with room for {@code wanted} bytes (at most a
   * chunk's worth) at {@link #pushedBytes}, growing the first chunk or moving on to the next, and returns the offset
   * in it.
   */
  private long pushRoom(long wanted) {
    long offset = pushedBytes - pushBase;
    if (offset == pushChunks.chunkBytes) {
      pushBase += offset;
      offset = 0;
    }
    int index = pushChunks.indexOf(pushBase);
    pushBuffer = pushChunks.ensure(index, Math.min(offset + wanted, pushChunks.chunkBytes), offset);
    return offset;
  }

  /** Sets the pushed length to {@code bytes} (no more than today's), moving {@link #pushBuffer} to its chunk. */
  private void seekPush(long bytes) {
    pushedBytes = bytes;
    if (bytes < pushBase) {
      int index = pushChunks.indexOf(bytes);
      pushBase = pushChunks.base(index);
      pushBuffer = pushChunks.chunk(index);
    }
  }

  private boolean writeChanges() {
    changes.removeReleased();
    boolean changed = false;
    long stored = storedLen;
    long pushed = pushedBytes / size;
    Lineage lineage = published.lineage();
    if (paging != null) {
      changed = paging.write(stored, pushChunks, pushedBytes, updates, lineage);
      updates.clear();
    } else {
      lineage.retain(readable.overwrites(updates.sortedKeys(), stored, pushed), readable.view());
      if (pushed > 0) {
        pushChunks.writeTo(region, Header.SIZE + stored * size, pushedBytes);
        changed = true;
      } else if (stored < realLen) {
        region.truncate(Header.SIZE + stored * size);
        changed = true;
      }
      if (!updates.isEmpty()) {
        updates.writeTo(region, Header.SIZE);
        changed = true;
      }
    }
    if (holesDirty) {
      holesRegion.store(holes.toArray());
      holesDirty = false;
      changed = true;
    }
    realLen = stored + pushed;
    storedView = region.segment();
    seekPush(0);
    pushChunks.releaseAllButFirst();
    overlay = !holes.isEmpty();
    storedLen = realLen;
    writtenStamp = header.stamp;
    boolean moved = readable.advance(realLen, storedView, region.start());
    published = Published.of(storedView, realLen, holes.toArray(), paging == null ? null : paging.table(),
        moved ? new Lineage() : lineage.succeed(), directValues());
    return changed;
  }

  /**
   * The last step of every write: stores the change baseline, then the header when it changed, recording which
   * dependent regions exist (see {@link Header}).
   */
  private void writeMetadata() {
    changes.storeBaseline(realLen, published.holes(), header.stamp);
    boolean hasHoles = holesRegion.exists();
    int changeSets = changes.count();
    if (header.hasHoles != hasHoles || header.changeSets != changeSets || header.hasBaseline != changes.hasBaseline()) {
      header.hasHoles = hasHoles;
      header.changeSets = changeSets;
      header.hasBaseline = changes.hasBaseline();
      headerDirty = true;
    }
    if (headerDirty) {
      region.writeAt(0, header.encode());
      headerDirty = false;
    }
  }
}
