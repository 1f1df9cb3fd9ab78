package dev.vecdb.vec;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw formats: the part of a vector's main region that states it published may still read in place, so that a write
 * about to overwrite those bytes first retains them ({@link Lineage}). A collaborator of one {@link StoredVec}; the
 * writer thread only.
 *
 * <p>Invariants: {@link #view} covers the first {@code end} values of the extent starting at {@code start} in the
 * data file. {@code end} shrinks only when the region moves: a state truncated away may still be read by an operation
 * that began before the truncation, and the bytes past the region's length stay in its extent.
 */
final class ReadableExtent {
  private final int size;
  /** The end, in values, of the bytes a published state may still read in place. */
  private long end;
  /** The view of the extent that covers {@link #end} values: what a raw write retains bytes from. */
  private MemorySegment view;
  /**
   * Where the extent the published states read starts in the data file: a write that finds the region elsewhere
   * moved it (this write, or one that failed part-way), and starts a new {@link Lineage}.
   */
  private long start;

  ReadableExtent(int size, long end, MemorySegment view, long start) {
    this.size = size;
    this.end = end;
    this.view = view;
    this.start = start;
  }

  /** The view a raw write retains overwritten bytes from. */
  MemorySegment view() {
    return view;
  }

  /**
   * The byte ranges of the main region a raw write is about to overwrite while a published state may read them:
   * the runs of updated values ({@code updated}, ascending), then the pushed values that land on truncated ones still
   * readable.
   */
  long[][] overwrites(long[] updated, long stored, long pushed) {
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0, runStart = 0; i < updated.length; i++) {
      if (i == updated.length - 1 || updated[i + 1] != updated[i] + 1) {
        ranges.add(new long[] {Header.SIZE + updated[runStart] * size, Header.SIZE + (updated[i] + 1) * size});
        runStart = i + 1;
      }
    }
    long overwrittenEnd = Math.min(stored + pushed, end);
    if (overwrittenEnd > stored) {
      ranges.add(new long[] {Header.SIZE + stored * size, Header.SIZE + overwrittenEnd * size});
    }
    return ranges.toArray(new long[0][]);
  }

  /**
   * After a write that left {@code len} values in the extent that starts at {@code regionStart}, seen through
   * {@code regionView}: moves to the new extent, or extends this one.
   *
   * @return whether the region moved (the published states then start a new {@link Lineage})
   */
  boolean advance(long len, MemorySegment regionView, long regionStart) {
    boolean moved = regionStart != start;
    if (moved || len >= end) {
      end = len;
      view = regionView;
      start = regionStart;
    }
    return moved;
  }
}
