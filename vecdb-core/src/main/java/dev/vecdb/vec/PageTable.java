package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import java.util.Arrays;

/**
 * The pages of a paged vector, as of one write: immutable, so a reader that took it keeps a consistent view.
 * Page {@code k} holds values {@code [k * perPage, k * perPage + count(k))}; every page but the last is full. The
 * payloads lie back to back in the main region from the header's end, so a page's offset is the previous page's end.
 *
 * <p>Pages are grouped in <em>checksum blocks</em>: runs of consecutive pages whose payloads one CRC32C covers, so
 * that pages of a few dozen bytes (PCO) do not each pay a 4-byte checksum. A reader checks the whole block before it
 * decodes a page of it; {@link PageTableFormat} says how blocks are chosen and stored. A table read from the first
 * format version has one block per page.
 *
 * <p>Held in primitive arrays (no object per page), so that opening a vector of thousands of pages is a few array
 * fills.
 */
final class PageTable {
  private final int perPage;
  /** {@code ends[k]}: end of page {@code k}'s payload in the main region. */
  private final long[] ends;
  private final boolean[] raw;
  private final int size;
  private final int lastCount;
  /** First page of each block, then {@link #size} ({@code blocks + 1} entries). */
  private final int[] blockFirst;
  private final int[] blockCrc;
  /** Where each block starts in the stored table (the writer rewrites from a block's start). */
  private final int[] blockAt;
  private final int blocks;
  private final int version;

  PageTable(int perPage, long[] ends, boolean[] raw, int size, int lastCount, int[] blockFirst, int[] blockCrc,
      int[] blockAt, int blocks, int version) {
    this.perPage = perPage;
    this.ends = ends;
    this.raw = raw;
    this.size = size;
    this.lastCount = lastCount;
    this.blockFirst = blockFirst;
    this.blockCrc = blockCrc;
    this.blockAt = blockAt;
    this.blocks = blocks;
    this.version = version;
  }

  /** A table without pages, stored in the current format. */
  static PageTable empty(int perPage) {
    return new PageTable(perPage, new long[0], new boolean[0], 0, 0, new int[] {0}, new int[0], new int[0], 0,
        PageTableFormat.VERSION);
  }

  int size() {
    return size;
  }

  /** Values per full page. */
  int perPage() {
    return perPage;
  }

  /** Offset of page {@code page}'s payload in the main region; {@code offset(size())} is {@link #dataEnd()}. */
  long offset(int page) {
    return page == 0 ? Header.SIZE : ends[page - 1];
  }

  long end(int page) {
    return ends[page];
  }

  int bytes(int page) {
    return (int) (ends[page] - offset(page));
  }

  int count(int page) {
    return page == size - 1 ? lastCount : perPage;
  }

  boolean raw(int page) {
    return raw[page];
  }

  long valueCount() {
    return size == 0 ? 0 : (long) (size - 1) * perPage + lastCount;
  }

  /** End of the last payload in the main region (the header's end when there is no page). */
  long dataEnd() {
    return offset(size);
  }

  int blocks() {
    return blocks;
  }

  /** The block holding page {@code page}. */
  int blockOf(int page) {
    int found = Arrays.binarySearch(blockFirst, 0, blocks, page);
    return found >= 0 ? found : -found - 2;
  }

  /** First page of block {@code block}; {@code blockFirst(blocks())} is {@link #size()}. */
  int blockFirst(int block) {
    return blockFirst[block];
  }

  /** CRC32C of the payloads of block {@code block}'s pages, in order. */
  int blockCrc(int block) {
    return blockCrc[block];
  }

  /** Where block {@code block} starts in the stored table. */
  int blockAt(int block) {
    return blockAt[block];
  }

  /** The format version the table was read in (or written in, for a table the writer made). */
  int version() {
    return version;
  }

  /** The error for page {@code page} when its block fails its checksum; names the pages sharing it. */
  CorruptionException checksumFailure(String vector, int page) {
    int block = blockOf(page);
    int first = blockFirst[block];
    int last = blockFirst[block + 1] - 1;
    return Exceptions.corruption("vector '%s': page %s fails its checksum%s", vector, page,
        (first == last ? "" : Exceptions.format(" (one checksum covers pages %s to %s)", first, last)));
  }

  // The arrays below are for PageTableBuilder, which copies them; nobody modifies them.

  long[] ends() {
    return ends;
  }

  boolean[] rawFlags() {
    return raw;
  }

  int[] blockFirsts() {
    return blockFirst;
  }

  int[] blockCrcs() {
    return blockCrc;
  }

  int[] blockStarts() {
    return blockAt;
  }
}
