package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.compress.PageCodec;
import dev.vecdb.internal.Exceptions;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * The paged storage of a compressed vector: values in pages of 16 KiB of values, every full page compressed once by
 * the format's {@link PageCodec}, the last partial page kept raw so that appends never recompress. The main region
 * holds the header then the page payloads back to back; the {@code <vector>@pages} region holds the
 * {@link PageTable}.
 *
 * <p>Writing appends to the raw last page in place while it has room; anything else (a page filling up, a truncation,
 * an update of a stored value) rewrites every page from the first one that changes, in place. Every write makes a
 * new immutable page table, which the vector publishes with its state ({@link StoredVec.Published}); before a
 * rewrite overwrites pages, their bytes are retained in the state's {@link Lineage} node, so a reader decodes the
 * pages of the table it took, as they were, however many writes happen meanwhile: it never retries and never fails
 * for a change it did not see. Every page is checked when decoded, against the CRC32C of its checksum block (the
 * page alone, or a run of small pages: {@link PageTableFormat}).
 *
 * <p>Threads: owned by the vector's writer, except {@link #lease()} and {@link #release}, which any reader calls:
 * decoders (codec scratch buffers, not thread-safe) are pooled, so that a reader shared by any number of threads
 * decodes with one decoder per operation in progress and allocates none while the pool has one idle.
 */
final class Paging {
  static final String PAGES_SUFFIX = "@pages";
  static final int PAGE_BYTES = 16 * 1024;
  /** Decoders kept idle for readers: enough for the operations a machine runs at once; more are made and dropped. */
  private static final int POOLED_DECODERS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  final int perPage;
  private final int size;
  private final String vector;
  private final Region main;
  private final Region pagesRegion;
  private final Supplier<PageCodec> codecs;
  /** Made by the first write (it holds a codec and buffers an open that only reads never needs). */
  private PageRewrite rewrite;
  /** See {@link #compressionLevel()}; the writer's. */
  private int compressionLevel;
  /** Idle decoders for readers' operations; a slot is null when empty. */
  private final AtomicReferenceArray<PageDecoder> idle = new AtomicReferenceArray<>(POOLED_DECODERS);
  /** The writer's table: as of its last write (readers use the table of the state they took). */
  private PageTable table;

  Paging(RegionStore store, String vector, int size, Region main, Supplier<PageCodec> codecs, int compressionLevel) {
    this.vector = vector;
    this.compressionLevel = compressionLevel;
    this.size = size;
    this.perPage = Math.max(1, PAGE_BYTES / size);
    this.main = main;
    this.codecs = codecs;
    Region pages = store.find(vector + PAGES_SUFFIX).orElse(null);
    if (pages == null && main.length() > Header.SIZE) {
      throw Exceptions.corruption("vector '%s': its page table region '%s%s' is missing, but its main region holds %s"
          + " bytes of pages", vector, vector, PAGES_SUFFIX, (main.length() - Header.SIZE));
    }
    this.pagesRegion = pages != null ? pages : store.createIfNeeded(vector + PAGES_SUFFIX);
    this.table = PageTableFormat.decode(pagesRegion.readAll(), vector, perPage, size, main.length());
  }

  /** The ZSTD level the pages are compressed at (0: the codec's default, and for the other formats). */
  int compressionLevel() {
    return compressionLevel;
  }

  /**
   * Compresses the pages of the next writes with {@code codec}, at ZSTD level {@code level} (a follower compressing
   * at its leader's level; see {@link PageRewrite#compressWith}).
   */
  void compressWith(PageCodec codec, int level) {
    rewrite().compressWith(codec);
    compressionLevel = level;
  }

  /** The writer's page rewrite, made on first use. */
  private PageRewrite rewrite() {
    if (rewrite == null) {
      rewrite = new PageRewrite(vector, size, perPage, main, codecs.get(), decoder());
    }
    return rewrite;
  }

  /** The page table as of the writer's last write. */
  PageTable table() {
    return table;
  }

  /** A page decoder for the writer (each user needs its own: codecs keep scratch buffers). */
  PageDecoder decoder() {
    return new PageDecoder(codecs.get(), size);
  }

  /** An idle decoder for a reader's operation, or a new one when none is idle; give it back with {@link #release}. */
  PageDecoder lease() {
    for (int i = 0; i < POOLED_DECODERS; i++) {
      PageDecoder d = idle.getAndSet(i, null);
      if (d != null) {
        return d;
      }
    }
    return decoder();
  }

  /** Gives back a leased decoder (dropped when the pool is full). The caller must not use it any more. */
  void release(PageDecoder decoder) {
    for (int i = 0; i < POOLED_DECODERS; i++) {
      if (idle.compareAndSet(i, null, decoder)) {
        return;
      }
    }
  }

  /**
   * Persists the changes of a write: values {@code [0, storedLen)} of the current pages, then {@code updates}
   * applied, then the pushed bytes appended. Pages it rewrites are first retained in {@code lineage}, the node of
   * the published state.
   *
   * @return whether anything changed
   */
  boolean write(long storedLen, PushChunks pushed, long pushedBytes, UpdateMap updates, Lineage lineage) {
    PageTable t = table;
    long real = t.valueCount();
    if (pushedBytes == 0 && storedLen == real && updates.isEmpty()) {
      return false;
    }
    long firstChange = storedLen;
    long[] updated = updates.sortedKeys();
    if (updated.length > 0) {
      firstChange = Math.min(firstChange, updated[0]);
    }
    int last = t.size() - 1;
    if (firstChange == real && last >= 0 && t.raw(last) && t.count(last) + pushedBytes / size < perPage) {
      appendToRawPage(t, pushed, pushedBytes);
      return true;
    }
    int firstPage = (int) (firstChange / perPage);
    PageTableBuilder next = PageTableBuilder.restart(t, firstPage, main.segment(), vector);
    lineage.retain(new long[][] {{t.offset(firstPage), t.dataEnd()}}, main.segment());
    rewrite().run(t, firstPage, storedLen, pushed, pushedBytes, updates, next);
    publish(next);
    return true;
  }

  /** Appends pushed values to the raw last page in place: no page is recompressed. */
  private void appendToRawPage(PageTable t, PushChunks pushed, long pushedBytes) {
    int last = t.size() - 1;
    PageTableBuilder next = PageTableBuilder.restart(t, last, main.segment(), vector);
    pushed.writeTo(main, main.length(), pushedBytes);
    long grown = t.bytes(last) + pushedBytes;
    next.add((int) grown, t.count(last) + (int) (pushedBytes / size), true,
        main.segment().asSlice(t.offset(last), grown));
    publish(next);
  }

  /** Stores the table {@code next} built and makes it the writer's. */
  private void publish(PageTableBuilder next) {
    PageTable built = next.finish();
    pagesRegion.truncateAndWrite(next.writeAt(), next.encoded());
    table = built;
  }

  /** The region ids this storage adds to the vector's. */
  String pagesRegionId() {
    return vector + PAGES_SUFFIX;
  }

  /**
   * Decodes pages into a reusable buffer and remembers the last one (a page of a table: tables are immutable and a
   * state's pages never change, so the cache needs no invalidation). The stored bytes of a page's whole checksum
   * block are copied and checked once, then its pages decode from the checked copy: a scan checks each block once.
   * Used by one thread at a time: the writer's own, or leased by a reader's operation; not thread-safe.
   */
  static final class PageDecoder {
    private final PageCodec codec;
    private final int size;
    private final byte[] buffer;
    private final MemorySegment bufferSegment;
    private final CRC32C crc = new CRC32C();
    /** The checked stored bytes of block {@link #cachedBlock} of {@link #blockTable}. */
    private byte[] stored = new byte[0];
    private MemorySegment storedSegment = MemorySegment.ofArray(stored);
    private PageTable blockTable;
    private int cachedBlock = -1;
    private long blockStart;
    private PageTable cachedTable;
    private int cachedPage = -1;
    /**
     * The values of the cached page: returned again, not re-sliced, so a hit allocates nothing; a full page is the
     * whole buffer, so decoding one allocates no slice either.
     */
    private MemorySegment cachedValues;

    PageDecoder(PageCodec codec, int size) {
      this.codec = codec;
      this.size = size;
      this.buffer = new byte[Math.max(PAGE_BYTES, size)];
      this.bufferSegment = MemorySegment.ofArray(buffer);
    }

    /**
     * The values of page {@code index} of {@code table}, decoded from {@code data} (the main region's bytes): a
     * segment valid until the next call. {@code lineage} is the node of the state the table belongs to when a
     * reader decodes (the page's bytes are read through it), null for the writer (which reads its own bytes).
     *
     * @throws CorruptionException if the page's block fails its checksum or the page does not decode
     */
    MemorySegment decode(PageTable table, int index, MemorySegment data, Lineage lineage, String vector) {
      if (table == cachedTable && index == cachedPage) {
        return cachedValues;
      }
      cachedPage = -1;
      if (table != blockTable || index < table.blockFirst(cachedBlock) || index >= table.blockFirst(cachedBlock + 1)) {
        loadBlock(table, table.blockOf(index), index, data, lineage, vector);
      }
      int rawLength = table.count(index) * size;
      int at = (int) (table.offset(index) - blockStart);
      MemorySegment values = null;
      if (table.raw(index)) {
        System.arraycopy(stored, at, buffer, 0, rawLength);
      } else {
        try {
          values = codec.decompressed(stored, at, table.bytes(index), rawLength);
          if (values == null) {
            codec.decompress(stored, at, table.bytes(index), buffer, rawLength);
          }
        } catch (CorruptionException e) {
          throw Exceptions.corruption(e, "vector '%s': page %s: %s", vector, index, e.getMessage());
        }
      }
      if (values == null) {
        values = rawLength == buffer.length ? bufferSegment : bufferSegment.asSlice(0, rawLength);
      }
      cachedValues = values;
      cachedTable = table;
      cachedPage = index;
      return cachedValues;
    }

    /**
     * Copies the stored bytes of a block out of the shared mapping, then checks them: a concurrent rewrite may change
     * the mapped bytes, never the checked copy.
     */
    private void loadBlock(PageTable table, int block, int index, MemorySegment data, Lineage lineage,
        String vector) {
      blockTable = null;
      long start = table.offset(table.blockFirst(block));
      long end = table.offset(table.blockFirst(block + 1));
      if (end > data.byteSize()) {
        throw Exceptions.corruption("vector '%s': page %s ends at or before %s, past the %s bytes of its region",
            vector, index, end, data.byteSize());
      }
      int length = (int) (end - start);
      if (stored.length < length) {
        stored = new byte[Math.max(length, PAGE_BYTES)];
        storedSegment = MemorySegment.ofArray(stored);
      }
      if (lineage == null) {
        MemorySegment.copy(data, start, storedSegment, 0, length);
      } else {
        lineage.copy(data, start, length, storedSegment, 0);
      }
      crc.reset();
      crc.update(stored, 0, length);
      if ((int) crc.getValue() != table.blockCrc(block)) {
        throw table.checksumFailure(vector, index);
      }
      blockTable = table;
      cachedBlock = block;
      blockStart = start;
    }
  }
}
