package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.store.RegionReader;
import java.lang.foreign.MemorySegment;

/**
 * Access to the stored values of a vector in contiguous chunks, whatever the format: the whole value area of a raw
 * vector is one chunk; a paged vector yields one decoded page at a time. After {@link #chunk}, the value at index
 * {@code j} of the chunk is at byte {@code origin + j * valueSize} of {@code segment}.
 *
 * <p>One per consumer: the writer has one (reading through its own view), every reader has one (reading the state
 * its operation started from, {@link #begin()}, and retrying when a write replaced a page it was decoding). Not
 * thread-safe.
 */
final class StoredChunks {
  MemorySegment segment;
  long origin;

  private final StoredVec vec;
  private final RegionReader pin;
  private final Paging.PageDecoder decoder;
  private StoredVec.Published state;

  /**
   * @param vec the vector
   * @param pin the reader's pin, or null for the writer
   */
  StoredChunks(StoredVec vec, RegionReader pin) {
    this.vec = vec;
    this.pin = pin;
    this.decoder = vec.paging == null ? null : vec.paging.decoder();
  }

  /**
   * Starts a reader's operation: takes the vector's published state (one volatile read) that the following
   * {@link #chunk} calls read from, and returns it.
   */
  StoredVec.Published begin() {
    state = vec.published;
    return state;
  }

  /**
   * Number of written values the state taken by {@link #begin()} lets this reader read (a paged reader's page table
   * may lag a concurrent truncation).
   */
  long visibleLen() {
    long len = state.len();
    return vec.paging == null ? len : Math.min(len, vec.paging.table().valueCount());
  }

  /**
   * Makes the chunk holding {@code index} current.
   *
   * @return the end (exclusive, at most {@code end}) of the indices the chunk holds from {@code index} on
   */
  long chunk(long index, long end) {
    if (vec.paging == null) {
      segment = view();
      origin = Header.SIZE;
      return end;
    }
    while (true) {
      long rewrites = vec.paging.rewrites();
      PageTable table = vec.paging.table();
      int page = (int) (index / vec.paging.perPage);
      if (page >= table.size()) {
        throw new OutOfRangeException("vector '" + vec.name + "': index " + index
            + " was truncated away while it was being read");
      }
      try {
        segment = decoder.decode(table, page, view(), vec.name);
      } catch (CorruptionException e) {
        if (pin != null && ((rewrites & 1) != 0 || vec.paging.rewrites() != rewrites)) {
          Thread.yield();
          continue;
        }
        throw e;
      }
      long first = (long) page * vec.paging.perPage;
      origin = -first * vec.size;
      return Math.min(end, first + table.page(page).count());
    }
  }

  /** The raw bytes to read: the writer's current view, or the reader's published one (consistent with its length). */
  private MemorySegment view() {
    if (pin == null) {
      return vec.region.segment();
    }
    if (vec.paging != null) {
      return pin.segment();
    }
    vec.checkReadable();
    return state.view();
  }
}
