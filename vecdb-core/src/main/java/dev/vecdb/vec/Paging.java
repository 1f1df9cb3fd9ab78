package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.compress.PageCodec;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

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
 * for a change it did not see. Every page is checked against its CRC32C when decoded.
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
  /** See {@link #compressionLevel()}; the writer's. */
  private int compressionLevel;
  private final PageRewrite rewrite;
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
    this.rewrite = new PageRewrite(vector, size, perPage, main, codecs.get(), new PageDecoder(codecs.get(), size));
    Region pages = store.find(vector + PAGES_SUFFIX).orElse(null);
    if (pages == null && main.length() > Header.SIZE) {
      throw VecErrors.corruption("vector '%s': its page table region '%s%s' is missing, but its main region holds %s"
          + " bytes of pages", vector, vector, PAGES_SUFFIX, (main.length() - Header.SIZE));
    }
    this.pagesRegion = pages != null ? pages : store.createIfNeeded(vector + PAGES_SUFFIX);
    this.table = PageTable.decode(MemorySegment.ofArray(pagesRegion.readAll()), vector, perPage, size,
        main.length());
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
    rewrite.compressWith(codec);
    compressionLevel = level;
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
    if (firstChange == real && last >= 0 && t.page(last).raw()
        && t.page(last).count() + pushedBytes / size < perPage) {
      appendToRawPage(t, pushed, pushedBytes);
      return true;
    }
    int firstPage = (int) (firstChange / perPage);
    long overwritten = firstPage < t.size() ? t.page(firstPage).offset() : t.dataEnd();
    lineage.retain(new long[][] {{overwritten, t.dataEnd()}}, main.segment());
    PageTable.Page[] pages = rewrite.run(t, firstPage, storedLen, pushed, pushedBytes, updates);
    pagesRegion.truncateAndWrite((long) firstPage * PageTable.ENTRY, PageTable.encode(pages));
    table = t.with(firstPage, pages);
    return true;
  }

  /** Appends pushed values to the raw last page in place: no page is recompressed. */
  private void appendToRawPage(PageTable t, PushChunks pushed, long pushedBytes) {
    PageTable.Page last = t.page(t.size() - 1);
    pushed.writeTo(main, main.length(), pushedBytes);
    MemorySegment payload = main.segment().asSlice(last.offset(), last.bytes() + pushedBytes);
    PageTable.Page grown = new PageTable.Page(last.offset(), (int) payload.byteSize(),
        last.count() + (int) (pushedBytes / size), true, PageTable.crc(payload));
    PageTable.Page[] added = {grown};
    pagesRegion.truncateAndWrite((long) (t.size() - 1) * PageTable.ENTRY, PageTable.encode(added));
    table = t.with(t.size() - 1, added);
  }

  /** The region ids this storage adds to the vector's. */
  String pagesRegionId() {
    return vector + PAGES_SUFFIX;
  }

  /**
   * Decodes pages into a reusable buffer and remembers the last one (a page of a table: tables are immutable and a
   * state's pages never change, so the cache needs no invalidation). Used by one thread at a time: the writer's
   * own, or leased by a reader's operation; not thread-safe.
   */
  static final class PageDecoder {
    private final PageCodec codec;
    private final int size;
    private final byte[] buffer;
    private final MemorySegment bufferSegment;
    private byte[] compressed = new byte[0];
    private MemorySegment compressedSegment = MemorySegment.ofArray(compressed);
    private PageTable cachedTable;
    private int cachedPage = -1;
    /** The values of the cached page: returned again, not re-sliced, so a hit allocates nothing. */
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
     * @throws CorruptionException if the page fails its checksum or does not decode
     */
    MemorySegment decode(PageTable table, int index, MemorySegment data, Lineage lineage, String vector) {
      if (table == cachedTable && index == cachedPage) {
        return cachedValues;
      }
      PageTable.Page page = table.page(index);
      int rawLength = page.count() * size;
      cachedPage = -1;
      if (page.end() > data.byteSize()) {
        throw VecErrors.corruption("vector '%s': page %s ends at %s, past the %s bytes of its region", vector, index,
            page.end(), data.byteSize());
      }
      MemorySegment copy = copyPayload(data, page, lineage);
      if (PageTable.crc(copy) != page.crc()) {
        throw VecErrors.corruption("vector '%s': page %s fails its checksum", vector, index);
      }
      if (!page.raw()) {
        try {
          codec.decompress(compressed, 0, page.bytes(), buffer, rawLength);
        } catch (CorruptionException e) {
          throw VecErrors.corruption(e, "vector '%s': page %s: %s", vector, index, e.getMessage());
        }
      }
      cachedValues = bufferSegment.asSlice(0, rawLength);
      cachedTable = table;
      cachedPage = index;
      return cachedValues;
    }

    /**
     * Copies a page's stored bytes out of the shared mapping (a raw page straight into the value buffer) before they
     * are checked: a concurrent rewrite may change the mapped bytes, never the checked copy.
     */
    private MemorySegment copyPayload(MemorySegment data, PageTable.Page page, Lineage lineage) {
      int length = page.bytes();
      MemorySegment target = bufferSegment;
      if (!page.raw()) {
        if (compressed.length < length) {
          compressed = new byte[length];
          compressedSegment = MemorySegment.ofArray(compressed);
        }
        target = compressedSegment;
      }
      if (lineage == null) {
        MemorySegment.copy(data, page.offset(), target, 0, length);
      } else {
        lineage.copy(data, page.offset(), length, target, 0);
      }
      return target.asSlice(0, length);
    }
  }
}
