package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The pages of a paged vector, as of one write: immutable, so a reader that took it keeps a consistent view.
 * Page {@code k} holds values {@code [k * perPage, k * perPage + count)}; every page but the last is full.
 *
 * <p>Stored in the {@code <vector>@pages} region, one {@value #ENTRY}-byte little-endian entry per page:
 * {@code u64 offset} of the payload in the main region, {@code u32 stored bytes}, {@code u32 value count} (bit 31
 * set for a raw page), {@code u32 crc32c} of the payload, {@code u32 crc32c} of the entry's first 20 bytes.
 */
final class PageTable {
  static final int ENTRY = 24;
  static final int RAW = 1 << 31;
  static final PageTable EMPTY = new PageTable(new Page[0]);
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /** One page: where its payload is, how long, how many values, whether raw, and the payload's checksum. */
  record Page(long offset, int bytes, int count, boolean raw, int crc) {
    long end() {
      return offset + bytes;
    }
  }

  private final Page[] pages;
  private final long valueCount;

  PageTable(Page[] pages) {
    this.pages = pages;
    long total = 0;
    for (Page p : pages) {
      total += p.count();
    }
    this.valueCount = total;
  }

  int size() {
    return pages.length;
  }

  Page page(int index) {
    return pages[index];
  }

  long valueCount() {
    return valueCount;
  }

  /** End of the last payload in the main region (the header's end when there is no page). */
  long dataEnd() {
    return pages.length == 0 ? Header.SIZE : pages[pages.length - 1].end();
  }

  /** The first {@code keep} pages followed by {@code added}. */
  PageTable with(int keep, Page[] added) {
    Page[] out = Arrays.copyOf(pages, keep + added.length);
    System.arraycopy(added, 0, out, keep, added.length);
    return new PageTable(out);
  }

  static MemorySegment encode(Page[] pages) {
    MemorySegment out = MemorySegment.ofArray(new byte[pages.length * ENTRY]);
    for (int i = 0; i < pages.length; i++) {
      Page p = pages[i];
      long at = (long) i * ENTRY;
      out.set(LONG, at, p.offset());
      out.set(INT, at + 8, p.bytes());
      out.set(INT, at + 12, p.count() | (p.raw() ? RAW : 0));
      out.set(INT, at + 16, p.crc());
      out.set(INT, at + 20, crc(out.asSlice(at, 20)));
    }
    return out;
  }

  /**
   * Decodes and validates a stored page table against the main region's length.
   *
   * @throws CorruptionException naming the vector and the page on any inconsistency
   */
  static PageTable decode(MemorySegment in, String vector, int perPage, int valueSize, long regionLength) {
    if (in.byteSize() % ENTRY != 0) {
      throw VecErrors.corruption("vector '%s': page table of %s bytes is not made of %s-byte entries", vector,
          in.byteSize(), ENTRY);
    }
    Page[] pages = new Page[(int) (in.byteSize() / ENTRY)];
    long expectedOffset = Header.SIZE;
    for (int i = 0; i < pages.length; i++) {
      long at = (long) i * ENTRY;
      if (in.get(INT, at + 20) != crc(in.asSlice(at, 20))) {
        throw VecErrors.corruption("vector '%s': page table entry %s fails its checksum", vector, i);
      }
      int counted = in.get(INT, at + 12);
      Page p = new Page(in.get(LONG, at), in.get(INT, at + 8), counted & ~RAW, (counted & RAW) != 0,
          in.get(INT, at + 16));
      boolean full = p.count() == perPage;
      if (p.offset() != expectedOffset || p.bytes() < 0 || p.count() <= 0 || p.count() > perPage
          || (!full && i != pages.length - 1) || (p.raw() && p.bytes() != p.count() * valueSize)) {
        throw VecErrors.corruption("vector '%s': page %s is inconsistent: offset %s (expected %s), %s bytes, %s"
            + " values%s", vector, i, p.offset(), expectedOffset, p.bytes(), p.count(), (p.raw() ? ", raw" : ""));
      }
      expectedOffset = p.end();
      pages[i] = p;
    }
    if (expectedOffset != regionLength) {
      throw VecErrors.corruption("vector '%s': pages end at %s but the region holds %s bytes", vector, expectedOffset,
          regionLength);
    }
    return new PageTable(pages);
  }

  static int crc(MemorySegment bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes.asByteBuffer());
    return (int) crc.getValue();
  }
}
