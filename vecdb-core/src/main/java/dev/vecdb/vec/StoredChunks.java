package dev.vecdb.vec;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;

/**
 * Access to the stored values of a vector in contiguous chunks, whatever the format. After {@link #chunk}, the value
 * at index {@code j} of the chunk is at byte {@code origin + j * valueSize} of {@code segment}.
 *
 * <p>Two kinds. The writer's ({@link #ofWriter}) reads its own current bytes: the whole value area of a raw vector
 * is one chunk, a paged vector yields one decoded page at a time. A reader's ({@link #ofState}) reads one published
 * state and nothing else, for one operation: a paged vector yields the state's pages as they were when it was
 * published, a raw vector copies up to {@value #RAW_CHUNK_BYTES} bytes of values at a time into a scratch buffer;
 * both read through the state's {@link Lineage}, so bytes the writer overwrote meanwhile are read as they were.
 *
 * <p>Not thread-safe: one per operation of one thread (a reader's), or the writer's own. A reader's holds a leased
 * page decoder until {@link #release()}.
 */
final class StoredChunks {
  /**
   * Bytes of raw values a reader copies per chunk: small enough to stay in the L1 cache between the copy and the
   * loop that reads it (measured: a fold of a raw vector costs about 0.5 ns per value with 4 KiB, 0.7 with 16 KiB).
   */
  static final int RAW_CHUNK_BYTES = 4096;

  MemorySegment segment;
  long origin;

  private final StoredVec vec;
  /** The state a reader's operation reads, null for the writer's. */
  private final StoredVec.Published state;
  private Paging.PageDecoder decoder;
  private MemorySegment scratch;

  private StoredChunks(StoredVec vec, StoredVec.Published state) {
    this.vec = vec;
    this.state = state;
  }

  /** The writer's access to its current bytes. */
  static StoredChunks ofWriter(StoredVec vec) {
    return new StoredChunks(vec, null);
  }

  /** A reader's access to {@code state} for one operation; a paged vector's leases a decoder on first use. */
  static StoredChunks ofState(StoredVec vec, StoredVec.Published state) {
    return new StoredChunks(vec, state);
  }

  /**
   * Makes the chunk holding {@code index} current; {@code index < end} and, for a reader, {@code end <= len} of
   * its state.
   *
   * @return the end (exclusive, at most {@code end}, greater than {@code index}) of the indices the chunk holds
   *     from {@code index} on
   */
  long chunk(long index, long end) {
    if (vec.paging == null) {
      return state == null ? writerRaw(end) : copyRaw(index, end);
    }
    PageTable table = state == null ? vec.paging.table() : state.table();
    int page = (int) (index / vec.paging.perPage);
    long first = (long) page * vec.paging.perPage;
    if (page >= table.size() || first + table.count(page) <= index) {
      throw Exceptions.corruption("vector '%s': index %s is not in its page table of %s values", vec.name, index,
          table.valueCount());
    }
    if (state == null) {
      if (decoder == null) {
        decoder = vec.paging.decoder();
      }
      segment = decoder.decode(table, page, vec.region.segment(), null, vec.name);
    } else {
      vec.checkReadable();
      if (decoder == null) {
        decoder = vec.paging.lease();
      }
      segment = decoder.decode(table, page, state.view(), state.lineage(), vec.name);
    }
    origin = -first * vec.size;
    return Math.min(end, first + table.count(page));
  }

  /** Gives back a reader's leased decoder; the chunks stay usable (a later chunk leases again). Idempotent. */
  void release() {
    if (decoder != null && state != null) {
      vec.paging.release(decoder);
      decoder = null;
    }
  }

  private long writerRaw(long end) {
    segment = vec.region.segment();
    origin = Header.SIZE;
    return end;
  }

  /** Copies the state's values {@code [index, ...)} (one chunk's worth at most) into the scratch buffer. */
  private long copyRaw(long index, long end) {
    long count = Math.min(end - index, Math.max(1, RAW_CHUNK_BYTES / vec.size));
    long bytes = count * vec.size;
    if (scratch == null || scratch.byteSize() < bytes) {
      scratch = MemorySegment.ofArray(new long[(int) ((bytes + 7) / 8)]);
    }
    vec.checkReadable();
    state.lineage().copy(state.view(), Header.SIZE + index * vec.size, bytes, scratch, 0);
    segment = scratch;
    origin = -index * vec.size;
    return index + count;
  }
}
