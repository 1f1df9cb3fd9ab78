package dev.vecdb.vec;

import dev.vecdb.internal.Crc32c;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds the page table of one write: the pages the old table keeps, then the pages the write adds (in order),
 * grouped in checksum blocks by {@link PageTableFormat}'s rule, and the stored bytes from the first block that
 * changes. A table of the first format version is rewritten whole in the current one.
 *
 * <p>The blocks before the block of the first replaced page (or of the last kept one, when it is shared) stay as
 * stored. The kept pages of that block (or of every block,
 * when converting) are checked against their old checksums before the write overwrites anything, then summed into
 * the new block's checksum: a damaged kept page fails the write instead of getting a checksum that hides it.
 *
 * <p>Owned by the vector's writer for one write; not thread-safe.
 */
final class PageTableBuilder {
  private final int perPage;
  private final CRC32C payload = new CRC32C();
  private final long writeAt;
  private long[] ends;
  private boolean[] raw;
  private int size;
  private int lastCount;
  private int[] blockFirst;
  private int[] blockCrc;
  private int[] blockAt;
  private int blocks;
  private int openPages;
  private long openPayload;
  private byte[] out = new byte[64];
  private int outLength;

  private PageTableBuilder(PageTable old, int restartBlock) {
    this.perPage = old.perPage();
    int restartPage = old.blockFirst(restartBlock);
    this.writeAt = restartBlock == 0 ? 0 : old.blockAt(restartBlock);
    this.ends = Arrays.copyOf(old.ends(), Math.max(16, old.size()));
    this.raw = Arrays.copyOf(old.rawFlags(), ends.length);
    this.size = restartPage;
    this.lastCount = perPage;
    this.blockFirst = Arrays.copyOf(old.blockFirsts(), Math.max(16, old.blocks() + 1));
    this.blockCrc = Arrays.copyOf(old.blockCrcs(), blockFirst.length);
    this.blockAt = Arrays.copyOf(old.blockStarts(), blockFirst.length);
    this.blocks = restartBlock;
    if (writeAt == 0) {
      outLength = PageTableFormat.HEADER;
      PageTableFormat.writeHeader(out);
    }
  }

  /**
   * Starts the table of a write that keeps pages {@code [0, firstPage)} of {@code old} (as stored in
   * {@code data}, the main region's bytes) and replaces the rest.
   *
   * @throws dev.vecdb.CorruptionException if a kept page that goes into a new block fails its old checksum
   */
  static PageTableBuilder restart(PageTable old, int firstPage, MemorySegment data, String vector) {
    int keep = Math.min(firstPage, old.size());
    int restartBlock;
    if (keep == 0 || old.version() != PageTableFormat.VERSION) {
      restartBlock = 0;
    } else if (keep < old.size() && old.blockFirst(old.blockOf(keep)) == keep && closedBefore(old, keep)) {
      restartBlock = old.blockOf(keep);
    } else {
      restartBlock = old.blockOf(keep - 1);
    }
    PageTableBuilder builder = new PageTableBuilder(old, restartBlock);
    int lastKept = keep == old.blockFirst(restartBlock) ? restartBlock - 1 : old.blockOf(keep - 1);
    for (int b = restartBlock; b <= lastKept; b++) {
      int first = old.blockFirst(b);
      long from = old.offset(first);
      int crc = crc(data.asSlice(from, old.offset(old.blockFirst(b + 1)) - from));
      if (crc != old.blockCrc(b)) {
        throw old.checksumFailure(vector, first);
      }
    }
    for (int p = old.blockFirst(restartBlock); p < keep; p++) {
      builder.add(old.bytes(p), old.count(p), old.raw(p), data.asSlice(old.offset(p), old.bytes(p)));
    }
    return builder;
  }

  /**
   * Whether the block before page {@code page} (a block's first page) takes no further page whatever comes next: then
   * the blocks up to it stay as they are. (A raw page opens a block of its own, a boundary that moves when the page
   * is rewritten compressed.)
   */
  private static boolean closedBefore(PageTable table, int page) {
    int block = table.blockOf(page - 1);
    int first = table.blockFirst(block);
    return PageTableFormat.blockFull(page - first, table.offset(page) - table.offset(first));
  }

  /** Appends a page whose stored bytes are {@code stored}. */
  void add(int bytes, int count, boolean isRaw, MemorySegment stored) {
    open(bytes, count, isRaw);
    Crc32c.update(payload, stored);
  }

  /** Appends a page whose stored bytes are {@code stored[offset, offset + bytes)}. */
  void add(int bytes, int count, boolean isRaw, byte[] stored, int offset) {
    open(bytes, count, isRaw);
    payload.update(stored, offset, bytes);
  }

  private void open(int bytes, int count, boolean isRaw) {
    if (openPages > 0 && (isRaw || PageTableFormat.blockFull(openPages, openPayload))) {
      closeBlock();
    }
    if (openPages == 0) {
      if (blocks + 2 > blockFirst.length) {
        int grown = blockFirst.length * 2;
        blockFirst = Arrays.copyOf(blockFirst, grown);
        blockCrc = Arrays.copyOf(blockCrc, grown);
        blockAt = Arrays.copyOf(blockAt, grown);
      }
      blockFirst[blocks] = size;
      payload.reset();
      openPayload = 0;
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size * 2);
      raw = Arrays.copyOf(raw, size * 2);
    }
    ends[size] = (size == 0 ? Header.SIZE : ends[size - 1]) + bytes;
    raw[size] = isRaw;
    size++;
    lastCount = count;
    openPages++;
    openPayload += bytes;
  }

  private void closeBlock() {
    int first = blockFirst[blocks];
    if (outLength + 5 * openPages + 18 > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + 5 * openPages + 18));
    }
    int start = outLength;
    int at = PageTableFormat.putVarint(out, start, openPages);
    at = PageTableFormat.putVarint(out, at, lastCount);
    int crc = (int) payload.getValue();
    PageTableFormat.putInt(out, at, crc);
    at += 4;
    for (int p = first; p < size; p++) {
      long begin = p == 0 ? Header.SIZE : ends[p - 1];
      at = PageTableFormat.putVarint(out, at, (int) (ends[p] - begin) << 1 | (raw[p] ? 1 : 0));
    }
    PageTableFormat.putInt(out, at, PageTableFormat.crc(out, start, at - start));
    outLength = at + 4;
    blockCrc[blocks] = crc;
    blockAt[blocks] = (int) writeAt + start;
    blocks++;
    blockFirst[blocks] = size;
    openPages = 0;
  }

  /** Closes the last block and returns the new table; then {@link #writeAt} and {@link #encoded} are final. */
  PageTable finish() {
    if (openPages > 0) {
      closeBlock();
    }
    blockFirst[blocks] = size;
    return new PageTable(perPage, Arrays.copyOf(ends, size), Arrays.copyOf(raw, size), size,
        size == 0 ? 0 : lastCount, Arrays.copyOf(blockFirst, blocks + 1), Arrays.copyOf(blockCrc, blocks),
        Arrays.copyOf(blockAt, blocks), blocks, PageTableFormat.VERSION);
  }

  /** Where {@link #encoded} goes in the page table region (it replaces everything from there on). */
  long writeAt() {
    return writeAt;
  }

  /** The stored table from {@link #writeAt} on: nothing when the table has no page. */
  MemorySegment encoded() {
    return MemorySegment.ofArray(out).asSlice(0, size == 0 ? 0 : outLength);
  }

  private static int crc(MemorySegment bytes) {
    return Crc32c.of(bytes);
  }
}
