package dev.vecdb.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Where every byte of the data file belongs: to a region, to a free hole, or to a pending hole (freed since the
 * last flush, not reusable yet). In memory only; rebuilt from the region table at open.
 *
 * <p>Invariants: extents are multiples of {@link #PAGE} and never overlap; adjacent holes are always coalesced;
 * {@link #end()} is the end of the furthest region, hole or pending hole. Space freed by a relocation or a removal
 * stays pending until {@link #promotePending()} (called by a completed flush) so that the durable region table
 * never points into space that was reused after it was written. A pending hole may carry a pin check: it is
 * promoted only once no reader still reads it.
 *
 * <p>Thread-safe: every method is synchronized (allocation decisions are short and rare).
 */
final class SpaceLayout {
  /** Allocation granularity: every extent start and size is a multiple of this. */
  static final long PAGE = 4096;

  private final TreeMap<Long, Long> regions = new TreeMap<>();
  private final TreeMap<Long, Long> holes = new TreeMap<>();
  private final TreeMap<Long, TreeSet<Long>> holesBySize = new TreeMap<>();
  private final List<Pending> pending = new ArrayList<>();

  private record Pending(long start, long size, BooleanSupplier stillRead) {}

  /** Registers an existing region extent (used while rebuilding the layout at open). */
  synchronized void addRegion(long start, long reserved) {
    regions.put(start, reserved);
  }

  /** After every region was added: every gap between regions becomes a hole. Space after the last one is not. */
  synchronized void fillGaps() {
    long previousEnd = 0;
    for (Map.Entry<Long, Long> e : regions.entrySet()) {
      if (e.getKey() > previousEnd) {
        addHole(previousEnd, e.getKey() - previousEnd);
      }
      previousEnd = e.getKey() + e.getValue();
    }
  }

  /**
   * Allocates {@code size} bytes: the smallest hole that fits (the lowest start among equals), shrunk from its
   * front, else the end of the file.
   *
   * @return the start of the new extent
   */
  synchronized long allocate(long size) {
    Map.Entry<Long, TreeSet<Long>> fit = holesBySize.ceilingEntry(size);
    long start;
    if (fit != null) {
      start = fit.getValue().first();
      long holeSize = fit.getKey();
      removeHole(start, holeSize);
      if (holeSize > size) {
        addHole(start + size, holeSize - size);
      }
    } else {
      start = end();
    }
    regions.put(start, size);
    return start;
  }

  /**
   * Grows the region at {@code start} from {@code reserved} to {@code newReserved} bytes without moving it, if it is
   * the last thing in the file or followed by a hole large enough.
   *
   * @return whether it grew in place
   */
  synchronized boolean tryGrowInPlace(long start, long reserved, long newReserved) {
    long end = start + reserved;
    long extra = newReserved - reserved;
    if (end == end()) {
      regions.put(start, newReserved);
      return true;
    }
    Long holeSize = holes.get(end);
    if (holeSize != null && holeSize >= extra) {
      removeHole(end, holeSize);
      if (holeSize > extra) {
        addHole(end + extra, holeSize - extra);
      }
      regions.put(start, newReserved);
      return true;
    }
    return false;
  }

  /**
   * Frees an extent whose bytes the durable region table may still reference; it becomes reusable at the first
   * {@link #promotePending()} at which {@code stillRead} answers false.
   */
  synchronized void release(long start, long size, BooleanSupplier stillRead) {
    regions.remove(start);
    pending.add(new Pending(start, size, stillRead));
  }

  /** Frees an extent nobody can reference (allocated and never published): reusable at once. */
  synchronized void releaseNow(long start, long size) {
    regions.remove(start);
    addHole(start, size);
  }

  /** Turns every pending hole that no reader still reads into a free hole, coalescing with its neighbours. */
  synchronized void promotePending() {
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (!p.stillRead().getAsBoolean()) {
        it.remove();
        addHole(p.start(), p.size());
      }
    }
  }

  /** End of the furthest region, hole or pending hole: where the next extent goes when no hole fits. */
  synchronized long end() {
    long end = 0;
    if (!regions.isEmpty()) {
      Map.Entry<Long, Long> last = regions.lastEntry();
      end = last.getKey() + last.getValue();
    }
    if (!holes.isEmpty()) {
      Map.Entry<Long, Long> last = holes.lastEntry();
      end = Math.max(end, last.getKey() + last.getValue());
    }
    for (Pending p : pending) {
      end = Math.max(end, p.start() + p.size());
    }
    return end;
  }

  /** The free holes, start to size, in file order (a copy). */
  synchronized TreeMap<Long, Long> holes() {
    return new TreeMap<>(holes);
  }

  /** Total bytes in pending holes. */
  synchronized long pendingBytes() {
    long total = 0;
    for (Pending p : pending) {
      total += p.size();
    }
    return total;
  }

  private void addHole(long start, long size) {
    Map.Entry<Long, Long> before = holes.floorEntry(start);
    if (before != null && before.getKey() + before.getValue() == start) {
      removeHole(before.getKey(), before.getValue());
      start = before.getKey();
      size += before.getValue();
    }
    Long afterSize = holes.get(start + size);
    if (afterSize != null) {
      removeHole(start + size, afterSize);
      size += afterSize;
    }
    holes.put(start, size);
    holesBySize.computeIfAbsent(size, k -> new TreeSet<>()).add(start);
  }

  private void removeHole(long start, long size) {
    holes.remove(start);
    TreeSet<Long> starts = holesBySize.get(size);
    starts.remove(start);
    if (starts.isEmpty()) {
      holesBySize.remove(size);
    }
  }
}
