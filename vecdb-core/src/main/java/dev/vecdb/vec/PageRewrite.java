package dev.vecdb.vec;

import dev.vecdb.compress.PageCodec;
import dev.vecdb.store.Region;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Rewrites the pages of a paged vector from a first page to the end, one page at a time: each new page is built
 * from the old page's decoded values, the updates that fall in it and the pushed values, compressed when full (kept
 * raw when it is the partial last one) and buffered. Nothing is written before every old page it needs has been
 * decoded and checked (so a damaged page leaves the vector untouched); from then on, pages of pushed values go to the
 * region a buffer at a time, so a write of any size needs memory for the rewritten old pages (compressed) and one
 * buffer, never for all its values. Owned by the vector's writer (through its {@link Paging}); not thread-safe.
 */
final class PageRewrite {
  /**
   * The buffer's size: pages of pushed values go to the region when the next page might not fit. Rewritten old pages
   * grow it instead (they stay buffered until every old page is decoded).
   */
  private static final int FLUSH_BYTES = 1 << 20;

  private final String vector;
  private final int size;
  private final int perPage;
  private final Region main;
  /** Compresses pages; a follower's applier may replace it (see {@link #compressWith}). */
  private PageCodec codec;
  private final Paging.PageDecoder decoder;
  private final byte[] page;
  private final MemorySegment pageSegment;
  /** The buffer room one page may need, raw or compressed: pages are compressed straight into {@link #out}. */
  private int room;
  private byte[] out = new byte[FLUSH_BYTES];
  private int buffered;
  private long written;

  PageRewrite(String vector, int size, int perPage, Region main, PageCodec codec, Paging.PageDecoder decoder) {
    this.vector = vector;
    this.size = size;
    this.perPage = perPage;
    this.main = main;
    this.codec = codec;
    this.decoder = decoder;
    this.page = new byte[perPage * size];
    this.pageSegment = MemorySegment.ofArray(page);
    this.room = roomFor(codec);
  }

  /** Compresses the next pages with {@code next} (a follower compressing at its leader's ZSTD level). */
  void compressWith(PageCodec next) {
    codec = next;
    room = roomFor(next);
  }

  private int roomFor(PageCodec pages) {
    return Math.max(page.length, pages.maxCompressedLength(page.length));
  }

  /**
   * Writes the pages from {@code firstPage} on: values {@code [firstPage * perPage, storedLen)} of {@code table}
   * with {@code updates} applied, then the {@code pushedBytes} of {@code pushed}.
   *
   * Each new page goes to {@code next}, in order.
   */
  void run(PageTable table, int firstPage, long storedLen, PushChunks pushed, long pushedBytes, UpdateMap updates,
      PageTableBuilder next) {
    long start = table.offset(firstPage);
    MemorySegment old = main.segment();
    long[] updated = updates.sortedKeys();
    int nextUpdate = 0;
    long end = storedLen + pushedBytes / size;
    buffered = 0;
    written = -1;
    for (long index = (long) firstPage * perPage; index < end; index += perPage) {
      int count = (int) Math.min(perPage, end - index);
      int stored = Math.clamp(storedLen - index, 0, count);
      if (stored > 0) {
        MemorySegment values = decoder.decode(table, (int) (index / perPage), old, null, vector);
        MemorySegment.copy(values, 0, pageSegment, 0, (long) stored * size);
      }
      if (stored < count) {
        pushed.copyOut((index + stored - storedLen) * size, pageSegment, (long) stored * size,
            (long) (count - stored) * size);
      }
      for (; nextUpdate < updated.length && updated[nextUpdate] < index + count; nextUpdate++) {
        long key = updated[nextUpdate];
        MemorySegment.copy(updates.values(), updates.offsetOf(key), pageSegment, (key - index) * size, size);
      }
      if (buffered > 0 && buffered + room > out.length && index >= storedLen) {
        flush(start);
      }
      buffer(count, next);
    }
    flush(start);
  }

  /** Encodes the current page of {@code count} values into the buffer and adds it to {@code next}. */
  private void buffer(int count, PageTableBuilder next) {
    if (buffered + room > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, buffered + room));
    }
    boolean raw = count < perPage;
    int length = count * size;
    if (raw) {
      System.arraycopy(page, 0, out, buffered, length);
    } else {
      length = codec.compress(page, page.length, out, buffered);
    }
    next.add(length, count, raw, out, buffered);
    buffered += length;
  }

  /** Writes the buffer after what this rewrite wrote so far; the first write also cuts the region at {@code start}. */
  private void flush(long start) {
    MemorySegment bytes = MemorySegment.ofArray(out).asSlice(0, buffered);
    if (written < 0) {
      main.truncateAndWrite(start, bytes);
      written = 0;
    } else {
      main.append(bytes);
    }
    written += buffered;
    buffered = 0;
  }
}
