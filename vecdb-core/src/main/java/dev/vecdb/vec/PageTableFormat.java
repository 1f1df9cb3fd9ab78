package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.UnsupportedFormatVersionException;
import dev.vecdb.internal.Exceptions;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * How a {@link PageTable} is stored in the {@code <vector>@pages} region. Little-endian; "varint" is an unsigned
 * LEB128 number (7 bits a byte, low bits first).
 *
 * <p><b>Version 2</b> (written): a {@value #HEADER}-byte header — {@code u32} magic "VPGT", {@code u16} version,
 * {@code u16} zero, {@code u32} crc32c of the first 8 bytes — then checksum blocks back to back, each:
 *
 * <pre>
 * varint pages n (1..{@value #MAX_BLOCK_PAGES})   varint values in the block's last page (all others are full)
 * u32 crc32c of the n pages' payloads, in order     n x varint (stored bytes << 1 | raw)
 * u32 crc32c of the block's preceding bytes
 * </pre>
 *
 * Page offsets are not stored: the first page starts at the main region's header end and each page where the
 * previous one ends. A page opens a new block when it is raw (the partial last page, which appends grow in place)
 * or when the current block holds {@value #MAX_BLOCK_PAGES} pages or at least {@value #BLOCK_PAYLOAD} bytes of
 * payload. The rule depends only on the page and the pages before, so the blocks of a table's prefix never change
 * when pages are appended or rewritten after it: a write re-encodes the table from the block of its first changed
 * page on. Pages of 1 KiB or more (LZ4, ZSTD, raw) are blocks of their own; small pages (PCO on smooth data: tens of
 * bytes) share one checksum, about 1 byte of table per page, and a damaged one makes the other pages of its block
 * unreadable too (a block takes no further page once it holds {@value #BLOCK_PAYLOAD} bytes).
 *
 * <p><b>Version 1</b> (read; converted to version 2 by the next write): no header, one 24-byte entry per page —
 * {@code u64} offset, {@code u32} stored bytes, {@code u32} value count (bit 31 set for a raw page), {@code u32}
 * crc32c of the payload, {@code u32} crc32c of the entry's first 20 bytes. Its first 8 bytes are the main region's
 * header size, never the version 2 magic, which tells the two apart.
 *
 * <p>An empty region is a table without pages. Any inconsistency is a {@link CorruptionException} naming the vector;
 * a version 2 header of another version is an {@link UnsupportedFormatVersionException}.
 */
final class PageTableFormat {
  static final int VERSION = 2;
  static final int HEADER = 12;
  static final int MAX_BLOCK_PAGES = 128;
  static final int BLOCK_PAYLOAD = 1024;
  static final int V1_ENTRY = 24;
  private static final int MAGIC = 0x54475056; // "VPGT"
  private static final int V1_RAW = 1 << 31;

  private PageTableFormat() {}

  /** Whether a block holding {@code pages} pages and {@code payload} bytes takes no further page (raw or not). */
  static boolean blockFull(int pages, long payload) {
    return pages >= MAX_BLOCK_PAGES || payload >= BLOCK_PAYLOAD;
  }

  /** Writes the version 2 header into {@code out} at 0. */
  static void writeHeader(byte[] out) {
    putInt(out, 0, MAGIC);
    out[4] = (byte) VERSION;
    out[5] = 0;
    out[6] = 0;
    out[7] = 0;
    putInt(out, 8, crc(out, 0, 8));
  }

  /**
   * Decodes and validates a stored page table against the main region's length.
   *
   * @throws CorruptionException naming the vector (and the page or block) on any inconsistency
   */
  static PageTable decode(byte[] in, String vector, int perPage, int valueSize, long regionLength) {
    if (in.length == 0) {
      if (regionLength != Header.SIZE) {
        throw Exceptions.corruption("vector '%s': its page table is empty but the region holds %s bytes", vector,
            regionLength);
      }
      return PageTable.empty(perPage);
    }
    if (in.length >= 4 && getInt(in, 0) == MAGIC) {
      return new V2Reader(in, vector, perPage, valueSize).read(regionLength);
    }
    return decodeV1(in, vector, perPage, valueSize, regionLength);
  }

  private static PageTable decodeV1(byte[] in, String vector, int perPage, int valueSize, long regionLength) {
    if (in.length % V1_ENTRY != 0) {
      throw Exceptions.corruption("vector '%s': page table of %s bytes is not made of %s-byte entries", vector,
          in.length, V1_ENTRY);
    }
    int size = in.length / V1_ENTRY;
    long[] ends = new long[size];
    boolean[] raw = new boolean[size];
    int[] first = new int[size + 1];
    int[] crcs = new int[size];
    int[] at = new int[size];
    CRC32C crc = new CRC32C();
    long expectedOffset = Header.SIZE;
    int lastCount = 0;
    for (int i = 0; i < size; i++) {
      int e = i * V1_ENTRY;
      crc.reset();
      crc.update(in, e, 20);
      if (getInt(in, e + 20) != (int) crc.getValue()) {
        throw Exceptions.corruption("vector '%s': page table entry %s fails its checksum", vector, i);
      }
      long offset = getLong(in, e);
      int bytes = getInt(in, e + 8);
      int counted = getInt(in, e + 12);
      int count = counted & ~V1_RAW;
      boolean isRaw = (counted & V1_RAW) != 0;
      boolean full = count == perPage;
      if (offset != expectedOffset || bytes < 0 || count <= 0 || count > perPage || (!full && i != size - 1)
          || (isRaw && bytes != count * valueSize)) {
        throw Exceptions.corruption("vector '%s': page %s is inconsistent: offset %s (expected %s), %s bytes, %s"
            + " values%s", vector, i, offset, expectedOffset, bytes, count, (isRaw ? ", raw" : ""));
      }
      expectedOffset = offset + bytes;
      ends[i] = expectedOffset;
      raw[i] = isRaw;
      first[i] = i;
      crcs[i] = getInt(in, e + 16);
      at[i] = e;
      lastCount = count;
    }
    first[size] = size;
    checkEnd(vector, expectedOffset, regionLength);
    return new PageTable(perPage, ends, raw, size, lastCount, first, crcs, at, size, 1);
  }

  private static void checkEnd(String vector, long end, long regionLength) {
    if (end != regionLength) {
      throw Exceptions.corruption("vector '%s': pages end at %s but the region holds %s bytes", vector, end,
          regionLength);
    }
  }

  /**
   * Parses a version 2 table: one pass, no object per page. The blocks are parsed {@value #BATCH} at a time by
   * {@link #blocks}, each by a call of {@link #block()}, not in one loop of {@link #read}: a table is read once per
   * open, so such a loop over its thousands of blocks would run interpreted until on-stack replacement (tens of
   * thousands of iterations, so never in a process that opens a large table a few times), while methods called per
   * batch and per block are compiled by the JIT after a few hundred calls, i.e. by the tables of some size opened
   * before (measured at the 27th open of a process that opened 1 M-value tables before: the 10 M-value LZ4 and ZSTD
   * tables, 4 883 blocks, parsed in about 2 ms in one loop, in 0.3–0.9 ms in batches). PCO's blocks hold up to 128
   * pages each, too few calls for this: its page loop still runs interpreted until the JIT compiles {@link #block()}.
   */
  private static final class V2Reader {
    private static final int BATCH = 16;
    private final byte[] in;
    private final String vector;
    private final int perPage;
    private final int valueSize;
    private final CRC32C crc = new CRC32C();
    private int pos;
    /** Bound of the page count: a block has at least 11 bytes and a page at least one. */
    private int maxPages;
    private long[] ends;
    private boolean[] raw;
    private int[] first;
    private int[] crcs;
    private int[] at;
    private int size;
    private int blocks;
    private int lastCount;
    private long end = Header.SIZE;

    V2Reader(byte[] in, String vector, int perPage, int valueSize) {
      this.in = in;
      this.vector = vector;
      this.perPage = perPage;
      this.valueSize = valueSize;
    }

    PageTable read(long regionLength) {
      if (in.length < HEADER) {
        throw corrupt("its page table of " + in.length + " bytes is shorter than its header");
      }
      if (getInt(in, 8) != crc(in, 0, 8)) {
        throw corrupt("page table header fails its checksum");
      }
      int version = (in[4] & 0xFF) | (in[5] & 0xFF) << 8;
      if (version != VERSION) {
        throw Exceptions.unsupportedFormatVersion(version, VERSION, "vector '%s': page table", vector);
      }
      pos = HEADER;
      // the page arrays start at a quarter of the bound and grow; all are trimmed at the end
      maxPages = in.length - HEADER;
      ends = new long[maxPages / 4 + 16];
      raw = new boolean[ends.length];
      first = new int[maxPages / 11 + 2];
      crcs = new int[first.length];
      at = new int[first.length];
      while (pos < in.length) {
        blocks(BATCH);
      }
      first[blocks] = size;
      checkEnd(vector, end, regionLength);
      return new PageTable(perPage, Arrays.copyOf(ends, size), Arrays.copyOf(raw, size), size,
          lastCount, Arrays.copyOf(first, blocks + 1), Arrays.copyOf(crcs, blocks),
          Arrays.copyOf(at, blocks), blocks, VERSION);
    }

    /** Parses up to {@code count} blocks from {@link #pos} (a loop that is compiled when large tables are read). */
    private void blocks(int count) {
      for (int i = 0; i < count && pos < in.length; i++) {
        block();
      }
    }

    /** Parses and checks the block at {@link #pos}, and its pages. */
    private void block() {
      if (lastCount != 0 && lastCount != perPage) {
        throw corrupt("page " + (size - 1) + " is not full but is not the last");
      }
      int start = pos;
      int n = varint();
      int lastValues = varint();
      if (n < 1 || n > MAX_BLOCK_PAGES || lastValues < 1 || lastValues > perPage) {
        throw corrupt("page table block " + blocks + " is inconsistent: " + n + " pages, " + lastValues
            + " values in its last");
      }
      int payloadCrc = readInt();
      first[blocks] = size;
      crcs[blocks] = payloadCrc;
      at[blocks] = start;
      for (int i = 0; i < n; i++) {
        if (size == maxPages) {
          throw corrupt("page table block " + blocks + " is truncated");
        }
        if (size == ends.length) {
          ends = Arrays.copyOf(ends, Math.min(maxPages, 2 * size));
          raw = Arrays.copyOf(raw, ends.length);
        }
        int stored = pos < in.length && in[pos] >= 0 ? in[pos++] : varint();
        int bytes = stored >>> 1;
        boolean isRaw = (stored & 1) != 0;
        int count = i == n - 1 ? lastValues : perPage;
        if (isRaw && (long) bytes != (long) count * valueSize) {
          throw corrupt("page " + size + " is inconsistent: raw, " + bytes + " bytes, " + count + " values");
        }
        end += bytes;
        ends[size] = end;
        raw[size] = isRaw;
        size++;
      }
      crc.reset();
      crc.update(in, start, pos - start);
      if (readInt() != (int) crc.getValue()) {
        throw corrupt("page table block " + blocks + " (from page " + first[blocks] + ") fails its checksum");
      }
      blocks++;
      lastCount = lastValues;
    }

    private int varint() {
      int value = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        if (pos >= in.length) {
          throw corrupt("page table ends inside a number at byte " + pos);
        }
        int b = in[pos++];
        value |= (b & 0x7F) << shift;
        if (b >= 0) {
          if (value < 0) {
            break;
          }
          return value;
        }
      }
      throw corrupt("page table holds an out-of-range number before byte " + pos);
    }

    private int readInt() {
      if (pos + 4 > in.length) {
        throw corrupt("page table ends inside a checksum at byte " + pos);
      }
      int v = getInt(in, pos);
      pos += 4;
      return v;
    }

    private CorruptionException corrupt(String what) {
      return Exceptions.corruption("vector '%s': %s", vector, what);
    }
  }

  /** Appends {@code value} (not negative) as a varint at {@code at}; returns the position after it. */
  static int putVarint(byte[] out, int at, int value) {
    int v = value;
    while ((v & ~0x7F) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  static void putInt(byte[] out, int at, int value) {
    out[at] = (byte) value;
    out[at + 1] = (byte) (value >>> 8);
    out[at + 2] = (byte) (value >>> 16);
    out[at + 3] = (byte) (value >>> 24);
  }

  private static int getInt(byte[] in, int at) {
    return (in[at] & 0xFF) | (in[at + 1] & 0xFF) << 8 | (in[at + 2] & 0xFF) << 16 | (in[at + 3] & 0xFF) << 24;
  }

  private static long getLong(byte[] in, int at) {
    return (getInt(in, at) & 0xFFFF_FFFFL) | (long) getInt(in, at + 4) << 32;
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
