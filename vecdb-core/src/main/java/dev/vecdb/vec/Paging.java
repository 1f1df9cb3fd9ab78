package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.codec.PageCodec;
import dev.vecdb.store.Region;
import dev.vecdb.store.RegionStore;
import java.lang.foreign.MemorySegment;
import java.util.function.Supplier;

/**
 * The paged storage of a compressed vector: values in pages of 16 KiB of values, every full page compressed once by
 * the format's {@link PageCodec}, the last partial page kept raw so that appends never recompress. The main region
 * holds the header then the page payloads back to back; the {@code <vector>@pages} region holds the
 * {@link PageTable}.
 *
 * <p>Writing appends to the raw last page in place while it has room; anything else (a page filling up, a truncation,
 * an update of a stored value) rewrites every page from the first one that changes. Every write publishes a new
 * immutable page table: readers decode pages against the table they took and check each page's CRC32C, retrying
 * with the newer table when a write replaced the page meanwhile (see {@link #rewrites()}). Owned by the vector's
 * writer; the published table and the rewrite counter are safe to read from any thread.
 */
final class Paging {
  static final String PAGES_SUFFIX = "@pages";
  static final int PAGE_BYTES = 16 * 1024;

  final int perPage;
  private final int size;
  private final String vector;
  private final Region main;
  private final Region pagesRegion;
  private final Supplier<PageCodec> codecs;
  private final PageRewrite rewrite;
  private volatile PageTable table;
  /** Odd while a write overwrites published pages in place, even otherwise; bumped twice per such write. */
  private volatile long rewrites;

  Paging(RegionStore store, String vector, int size, Region main, Supplier<PageCodec> codecs) {
    this.vector = vector;
    this.size = size;
    this.perPage = Math.max(1, PAGE_BYTES / size);
    this.main = main;
    this.codecs = codecs;
    this.rewrite = new PageRewrite(vector, size, perPage, main, codecs.get(), new PageDecoder(codecs.get(), size));
    Region pages = store.find(vector + PAGES_SUFFIX).orElse(null);
    if (pages == null && main.length() > Header.SIZE) {
      throw new CorruptionException("vector '" + vector + "': its page table region '" + vector + PAGES_SUFFIX
          + "' is missing, but its main region holds " + (main.length() - Header.SIZE) + " bytes of pages");
    }
    this.pagesRegion = pages != null ? pages : store.createIfNeeded(vector + PAGES_SUFFIX);
    this.table = PageTable.decode(MemorySegment.ofArray(pagesRegion.readAll()), vector, perPage, size,
        main.length());
  }

  /** The page table as of the last write. */
  PageTable table() {
    return table;
  }

  /**
   * The rewrite counter: read it before {@link #table()}; when decoding a page of that table fails and the counter
   * is odd or has moved since, a write was replacing the page, and the read is retried with the newer table.
   */
  long rewrites() {
    return rewrites;
  }

  /** A page decoder for one reader or writer (each needs its own: codecs keep scratch buffers). */
  PageDecoder decoder() {
    return new PageDecoder(codecs.get(), size);
  }

  /**
   * Persists the changes of a write: values {@code [0, storedLen)} of the current pages, then {@code updates}
   * applied, then the pushed bytes appended.
   *
   * @return whether anything changed
   */
  boolean write(long storedLen, PushChunks pushed, long pushedBytes, UpdateMap updates) {
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
    rewrites++;
    try {
      PageTable.Page[] pages = rewrite.run(t, firstPage, storedLen, pushed, pushedBytes, updates);
      pagesRegion.truncateAndWrite((long) firstPage * PageTable.ENTRY, PageTable.encode(pages));
      table = t.with(firstPage, pages);
    } finally {
      rewrites++;
    }
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
   * Decodes pages into a reusable buffer and remembers the last one. One per reader or writer; not thread-safe.
   */
  static final class PageDecoder {
    private final PageCodec codec;
    private final int size;
    private final byte[] buffer;
    private final MemorySegment bufferSegment;
    private byte[] compressed = new byte[0];
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
     * segment valid until the next call.
     *
     * @throws CorruptionException if the page fails its checksum or does not decode
     */
    MemorySegment decode(PageTable table, int index, MemorySegment data, String vector) {
      if (table == cachedTable && index == cachedPage) {
        return cachedValues;
      }
      PageTable.Page page = table.page(index);
      int rawLength = page.count() * size;
      cachedPage = -1;
      if (page.end() > data.byteSize()) {
        throw new CorruptionException("vector '" + vector + "': page " + index + " ends at " + page.end()
            + ", past the " + data.byteSize() + " bytes of its region");
      }
      MemorySegment copy = copyPayload(data.asSlice(page.offset(), page.bytes()), page.raw());
      if (PageTable.crc(copy) != page.crc()) {
        throw new CorruptionException("vector '" + vector + "': page " + index + " fails its checksum");
      }
      if (!page.raw()) {
        try {
          codec.decompress(compressed, 0, page.bytes(), buffer, rawLength);
        } catch (CorruptionException e) {
          throw new CorruptionException("vector '" + vector + "': page " + index + ": " + e.getMessage(), e);
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
    private MemorySegment copyPayload(MemorySegment payload, boolean raw) {
      int length = (int) payload.byteSize();
      if (raw) {
        MemorySegment.copy(payload, 0, bufferSegment, 0, length);
        return bufferSegment.asSlice(0, length);
      }
      if (compressed.length < length) {
        compressed = new byte[length];
      }
      MemorySegment target = MemorySegment.ofArray(compressed);
      MemorySegment.copy(payload, 0, target, 0, length);
      return target.asSlice(0, length);
    }
  }
}
