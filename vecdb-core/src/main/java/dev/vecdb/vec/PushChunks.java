package dev.vecdb.vec;

import dev.vecdb.store.Region;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.Arrays;

/**
 * The memory that holds a vector's pushed values until {@code write()}: a list of fixed-size chunks, so that pushing
 * touches each byte of fresh memory once. A buffer that grows by doubling touches about three times the payload
 * (every smaller buffer, zero-filled, then copied into the next) and faults on every page of it; a chunk list never
 * copies on growth, and the first chunk is kept after a write, so a vector that pushes at most a chunk between two
 * writes reuses the same warm memory forever.
 *
 * <p>Layout: pushed byte {@code at} lives in chunk {@code at / chunkBytes} at {@code at % chunkBytes}. The chunk
 * size is a multiple of the value size (about {@value #TARGET_BYTES} bytes), so a value never straddles two chunks.
 * The first chunk starts small ({@value #FIRST_BYTES} bytes) and doubles until it reaches the chunk size, so a
 * vector that pushes a few values holds a few KiB, and a vector holds at most one chunk between writes; every later
 * chunk is allocated at the full size from an arena that the write after them closes, so their memory goes back to
 * the allocator at once instead of waiting for a garbage collection (the allocator may hand it, still mapped, to the
 * next chunks). Owned by the vector's writer; not thread-safe.
 */
final class PushChunks {
  /** The chunk size aimed at: large enough that allocation and write calls are rare, small enough to stay cached. */
  static final long TARGET_BYTES = 1 << 20;
  /** The first chunk's initial capacity. */
  static final long FIRST_BYTES = 4096;

  private static final Cleaner CLEANER = Cleaner.create();

  /** Bytes per chunk (a multiple of the value size); every chunk but a growing first one has exactly this size. */
  final long chunkBytes;
  private MemorySegment[] chunks = new MemorySegment[0];
  /**
   * Holds every chunk but the first until {@link #releaseAllButFirst()} (or until this object is unreachable, for a
   * vector dropped with unwritten values); shared, because the thread that writes a vector may differ from the one
   * that pushed when a failed write ended the pusher's ownership. Null when none.
   */
  private Arena laterChunks;
  /** Closes {@link #laterChunks} once. */
  private Cleaner.Cleanable laterChunksRelease;

  PushChunks(int valueSize) {
    this.chunkBytes = Math.max(1, TARGET_BYTES / valueSize) * valueSize;
  }

  /** The index of the chunk that holds pushed byte {@code at}. */
  int indexOf(long at) {
    return (int) (at / chunkBytes);
  }

  /** The pushed byte offset where chunk {@code index} starts. */
  long base(int index) {
    return index * chunkBytes;
  }

  /** Chunk {@code index}, which must have been made available by {@link #ensure}. */
  MemorySegment chunk(int index) {
    return chunks[index];
  }

  /**
   * Chunk {@code index} with room for at least {@code needed} bytes from its start: allocated when it does not
   * exist yet (at the full size, or for the first chunk at least {@value #FIRST_BYTES} bytes), grown by doubling when
   * it is the first chunk and too small, copying its {@code filled} bytes. An existing chunk is reused as it is: its
   * old contents are garbage that pushes overwrite.
   */
  MemorySegment ensure(int index, long needed, long filled) {
    if (index >= chunks.length) {
      chunks = Arrays.copyOf(chunks, Math.max(index + 1, chunks.length * 2));
    }
    MemorySegment old = chunks[index];
    if (old != null && old.byteSize() >= needed) {
      return old;
    }
    MemorySegment chunk;
    if (index > 0) {
      if (laterChunks == null) {
        Arena arena = Arena.ofShared();
        laterChunks = arena;
        laterChunksRelease = CLEANER.register(this, arena::close);
      }
      chunk = laterChunks.allocate(chunkBytes, 8);
    } else {
      long capacity = Math.min(chunkBytes, Math.max(needed, old == null ? FIRST_BYTES : old.byteSize() * 2));
      chunk = Arena.ofAuto().allocate(Math.max(capacity, needed), 8);
    }
    if (old != null && filled > 0) {
      MemorySegment.copy(old, 0, chunk, 0, filled);
    }
    chunks[index] = chunk;
    return chunk;
  }

  /**
   * Copies pushed bytes {@code [from, from + length)} to {@code dst} at {@code dstOffset}, across chunk boundaries.
   */
  void copyOut(long from, MemorySegment dst, long dstOffset, long length) {
    long done = 0;
    while (done < length) {
      long at = from + done;
      int index = indexOf(at);
      long inChunk = at - base(index);
      long n = Math.min(length - done, chunkBytes - inChunk);
      MemorySegment.copy(chunks[index], inChunk, dst, dstOffset + done, n);
      done += n;
    }
  }

  /**
   * Writes pushed bytes {@code [0, bytes)} into {@code region} at {@code at}, setting the region's length to
   * {@code at + bytes}: one positional write per chunk, straight from the chunk.
   */
  void writeTo(Region region, long at, long bytes) {
    region.truncateAndWrite(at, chunks[0].asSlice(0, Math.min(bytes, chunks[0].byteSize())));
    for (int index = 1; base(index) < bytes; index++) {
      region.append(chunks[index].asSlice(0, Math.min(bytes - base(index), chunkBytes)));
    }
  }

  /**
   * Frees every chunk but the first (after a write): memory beyond one chunk is not held between writes. The caller
   * holds no segment of a later chunk any more.
   */
  void releaseAllButFirst() {
    if (chunks.length > 1) {
      chunks = new MemorySegment[] {chunks[0]};
    }
    if (laterChunks != null) {
      laterChunksRelease.clean();
      laterChunks = null;
    }
  }
}
