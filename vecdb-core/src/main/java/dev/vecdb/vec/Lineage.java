package dev.vecdb.vec;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The bytes of one written state of a vector, kept readable for every reader that still reads that state while the
 * writer overwrites them in place: a rewrite of compressed pages, an update of a raw value, new values written over
 * truncated ones.
 *
 * <p>Every state a vector publishes ({@link StoredVec.Published}) names its node. A write that overwrites none of
 * the bytes a published state may read (an append) keeps the node; a write that does first copies the bytes it is
 * about to overwrite into {@link #retain the node's retained ranges}, then overwrites them, then {@link #succeed
 * links} a new node for the states it publishes. So node {@code k} holds the bytes of state {@code k} that the write
 * after it overwrote, and the chain from an old node to the newest holds, for every byte, the value each state on
 * the way had. Reading byte {@code x} of the state of node {@code k}: the first node from {@code k} on (towards the
 * newest) whose retained ranges hold {@code x} has it; when none does, nothing overwrote it, and the state's mapped
 * view still holds it.
 *
 * <p>Memory ordering. The writer stores the retained ranges (a volatile store of an array of copies it made before),
 * then issues a full fence, then overwrites; it stores {@code next} (volatile) before it publishes the new state
 * (volatile). A reader ({@link #copy}) copies the bytes from the view first, then issues a load-load fence, then
 * reads the chain: if its copy saw any overwritten byte, the fence guarantees it sees the ranges retained before that
 * overwrite, and takes those bytes from them; if it sees no retained range, no overwrite had begun and its copy is
 * the state's. A reader therefore never waits for the writer and never retries.
 *
 * <p>A write that moves the main region to another extent (it outgrew its reservation) starts a new chain: the old
 * extent is never written again (it stays the vector's while a reader pins the region), so the states whose views
 * map it need nothing the writer does after that, and the new extent's bytes past the part the move copied were
 * never theirs.
 *
 * <p>Lifetime. Nodes are referenced by the published states (and the newest by the vector): a node and everything
 * after it stay reachable exactly as long as some reader holds an older state, and are garbage-collected after. What
 * an operation holds is bounded by the bytes the writer overwrote while it ran, and freed when it ends (for a
 * snapshot, a cursor or a stream, when it is dropped). The views themselves map space that stays the vector's while a
 * reader pins the region ({@link dev.vecdb.store.RegionReader}), so an old state never reads reused space.
 *
 * <p>Threads: {@link #retain} and {@link #succeed} are the writer's; {@link #copy} is safe from any thread.
 */
final class Lineage {
  private static final Range[] NONE = new Range[0];
  /** Copies up to this size live on the heap; larger ones off-heap, freed by the garbage collector all the same. */
  private static final long MAX_ARRAY = 1 << 30;
  private static final VarHandle RETAINED;
  private static final VarHandle NEXT;

  static {
    try {
      RETAINED = MethodHandles.lookup().findVarHandle(Lineage.class, "retained", Range[].class);
      NEXT = MethodHandles.lookup().findVarHandle(Lineage.class, "next", Lineage.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Bytes {@code [from, from + bytes.byteSize())} of the main region as this node's state had them. */
  record Range(long from, MemorySegment bytes) {
    long to() {
      return from + bytes.byteSize();
    }
  }

  /**
   * This node's retained ranges, ascending. Invariant the readers' fast path relies on: it is {@link #NONE} (that
   * very array) until the first {@link #retain} that copies something, and never empty after; {@link #next} is
   * linked only after it left {@code NONE}. So {@code retained == NONE}, read after a load-load fence that follows
   * the reader's loads from the view, proves that no overwrite of this node's state had begun before those loads
   * (the writer stores it, then fences, then overwrites) and that no newer node exists.
   */
  private volatile Range[] retained = NONE;
  @SuppressWarnings("unused") // accessed through NEXT
  private volatile Lineage next;

  /**
   * Before the writer overwrites byte ranges of the main region that this node's states may read: copies them out
   * of {@code current} (the writer's view) and publishes the copies. Called once per write that overwrites; called
   * again on the same node only when a write failed part-way and is retried, in which case the bytes retained
   * first (the state's own) win over the new copies of the same offsets.
   *
   * @param ranges pairs {@code [from, to)} of byte offsets, ascending and disjoint; empty ranges are skipped
   * @return whether this node retains anything
   */
  boolean retain(long[][] ranges, MemorySegment current) {
    Range[] old = (Range[]) RETAINED.getVolatile(this);
    List<Range> all = new ArrayList<>(Arrays.asList(old));
    for (long[] r : ranges) {
      long from = r[0];
      long to = Math.min(r[1], current.byteSize());
      for (Range kept : old) {
        if (kept.to() <= from || kept.from() >= to) {
          continue;
        }
        if (kept.from() > from) {
          all.add(copyOf(current, from, kept.from()));
        }
        from = Math.max(from, kept.to());
      }
      if (to > from) {
        all.add(copyOf(current, from, to));
      }
    }
    if (all.size() == old.length) {
      return old.length != 0;
    }
    all.sort(Comparator.comparingLong(Range::from));
    RETAINED.setVolatile(this, all.toArray(NONE));
    VarHandle.fullFence();
    return true;
  }

  private static Range copyOf(MemorySegment current, long from, long to) {
    long length = to - from;
    MemorySegment copy = length <= MAX_ARRAY ? MemorySegment.ofArray(new byte[(int) length])
        : Arena.ofAuto().allocate(length);
    MemorySegment.copy(current, from, copy, 0, length);
    return new Range(from, copy);
  }

  /**
   * After a write: the node of the states it publishes. This node when the write retained nothing (it overwrote
   * nothing a state could read), else a new node linked after this one.
   */
  Lineage succeed() {
    if (((Range[]) RETAINED.getVolatile(this)).length == 0) {
      return this;
    }
    Lineage newer = new Lineage();
    NEXT.setVolatile(this, newer);
    return newer;
  }

  /**
   * Copies {@code length} bytes from offset {@code from} of this node's state into {@code dst} at {@code at}:
   * from {@code view} (the state's mapped main region), then the bytes later writes overwrote from the chain.
   */
  void copy(MemorySegment view, long from, long length, MemorySegment dst, long at) {
    MemorySegment.copy(view, from, dst, at, length);
    VarHandle.loadLoadFence();
    if (RETAINED.getVolatile(this) == NONE) {
      return;
    }
    List<Range[]> chain = new ArrayList<>();
    for (Lineage node = this; node != null; node = (Lineage) NEXT.getVolatile(node)) {
      chain.add((Range[]) RETAINED.getVolatile(node));
    }
    for (int k = chain.size() - 1; k >= 0; k--) {
      overlay(chain.get(k), from, from + length, dst, at);
    }
  }

  /**
   * For a point read of one raw value at byte {@code offset} of this node's state, called right after the caller
   * loaded the value from the state's view: the retained range that holds the state's value, when a later write
   * overwrote it (the caller then reads the value from {@code range.bytes()} at {@code offset - range.from()}), or
   * null when nothing overwrote it and the caller's load is the state's value. A load that raced an overwrite may be
   * torn (a positional write is not atomic per value); the ordering of {@link #copy} guarantees that such a load
   * finds the range. Raw ranges are whole values, so one range holds the whole value. Allocates nothing.
   *
   * <p>Fast path: while no write has overwritten bytes of this node's state, the check is the load-load fence and
   * one acquire load of this node's retained ranges, compared by identity with the shared empty array (see the
   * invariant on {@link #retained}); the chain is walked only after an overwrite.
   */
  Range overwritten(long offset) {
    return unchanged() ? null : search(offset);
  }

  /**
   * For a point read's fast path, called right after the caller loaded a value from the state's view: whether no
   * write has overwritten bytes of this node's state, so that the load is the state's value: the load-load fence and
   * one acquire load of {@link #retained}, compared by identity with {@code NONE}. When false, the caller takes the
   * value through {@link #overwritten}.
   */
  boolean unchanged() {
    VarHandle.loadLoadFence();
    return retained == NONE;
  }

  /** {@link #overwritten} past its fast path (kept apart so that the fast path inlines into every point read). */
  private Range search(long offset) {
    for (Lineage node = this; node != null; node = (Lineage) NEXT.getVolatile(node)) {
      Range[] ranges = (Range[]) RETAINED.getVolatile(node);
      int i = firstEndingAfter(ranges, offset);
      if (i < ranges.length && ranges[i].from() <= offset) {
        return ranges[i];
      }
    }
    return null;
  }

  /** Copies the parts of {@code ranges} that fall in {@code [from, to)} over {@code dst} (which holds from..to). */
  private static void overlay(Range[] ranges, long from, long to, MemorySegment dst, long at) {
    int i = firstEndingAfter(ranges, from);
    for (; i < ranges.length && ranges[i].from() < to; i++) {
      Range r = ranges[i];
      long start = Math.max(from, r.from());
      long end = Math.min(to, r.to());
      MemorySegment.copy(r.bytes(), start - r.from(), dst, at + (start - from), end - start);
    }
  }

  /** Index of the first range ending after {@code offset}. */
  private static int firstEndingAfter(Range[] ranges, long offset) {
    int lo = 0;
    int hi = ranges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ranges[mid].to() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
