package dev.vecdb.compress.pco;

import java.lang.foreign.MemorySegment;

/**
 * Decodes pco blobs (any pco format version 0 to 4.1) into Java arrays, into little-endian bytes
 * ({@link #decodeLittleEndian}) or into the decoder's own array ({@link #decodeBits}).
 *
 * <p>The standalone format (a {@code pco!} header, chunks, a termination byte) is what vecdb stores per page; the
 * wrapped format (format version, one chunk's metadata, then pages whose counts come from the container) is
 * supported through {@link #decodeWrapped}. The destination array must match the number type (see
 * {@link PcoNumberType#arrayType()}); values are written from {@code dstOff} on.
 *
 * <p>Every defect of the input (corruption, truncation, a number type other than the requested one, more values
 * than fit in the destination) raises a {@link PcoException}; truncated input says "insufficient data". The
 * decoder is exactly as strict as the Rust reference (trailing bytes after the termination byte are ignored, see
 * {@link #lastInputLength()}). Nothing is allocated from untrusted sizes beyond what the input or destination
 * bounds.
 *
 * <p>Instances keep scratch buffers and are reusable but NOT thread-safe; once warmed up, decoding pages of the
 * same shape allocates nothing.
 */
public final class PcoDecoder {
  private static final int MAGIC = 0x216f6370;
  private static final int MAX_STANDALONE_VERSION = 3;
  private static final int MAX_FORMAT_MAJOR = 4;

  private final BitReader reader = new BitReader();
  private final ChunkMeta meta = new ChunkMeta();
  private final PageDecoder page = new PageDecoder();
  private int lastInputLength;
  /** Where {@link #decodeBits} left its values: the page's array, or {@link #merged} for several chunks. */
  private long[] merged = new long[0];
  private long[] bits = merged;
  private PcoNumberType uniformType;
  private long countHint;

  /** A decoder with empty scratch buffers; they grow to the largest page decoded. */
  public PcoDecoder() {}

  /**
   * Reads the header of a standalone blob.
   *
   * @param src the blob
   * @return the number type and the (untrusted) count hint
   * @throws PcoException if the header is corrupt or truncated
   */
  public PcoHeader readHeader(MemorySegment src) {
    reader.load(src);
    readStandaloneHeader();
    PcoNumberType type = uniformType;
    if (type == null) {
      int b = reader.readAlignedByte("chunk number type");
      type = b == 0 ? null : chunkType(b);
    }
    return new PcoHeader(type, countHint);
  }

  /**
   * Decodes a standalone blob.
   *
   * @param src the blob (exactly one blob; trailing bytes are ignored)
   * @param type the number type the blob must hold
   * @param dst an array of {@code type.arrayType()}
   * @param dstOff where the first value goes
   * @return the number of values written
   * @throws PcoException if the blob is corrupt, truncated, of another type or holds more values than fit
   */
  public int decode(MemorySegment src, PcoNumberType type, Object dst, int dstOff) {
    int capacity = ArrayIo.capacity(type, dst, dstOff);
    reader.load(src);
    return decodeStandalone(type, dst, dstOff, capacity);
  }

  /** Same as {@link #decode(MemorySegment, PcoNumberType, Object, int)} for {@code src[off..off+len)}. */
  public int decode(byte[] src, int off, int len, PcoNumberType type, Object dst, int dstOff) {
    int capacity = ArrayIo.capacity(type, dst, dstOff);
    reader.load(src, off, len);
    return decodeStandalone(type, dst, dstOff, capacity);
  }

  /**
   * Same as {@link #decode(byte[], int, int, PcoNumberType, Object, int)}, but writes the values into {@code dst}
   * from its byte 0 on as little-endian numbers of the type's width (2 bytes for {@code f16}), the layout of a
   * page of vecdb values: no intermediate array.
   *
   * @param dst where the values go; it holds at most {@code dst.byteSize()} divided by the type's width of them
   * @return the number of values written
   * @throws PcoException if the blob is corrupt, truncated, of another type or holds more values than fit
   */
  public int decodeLittleEndian(byte[] src, int off, int len, PcoNumberType type, MemorySegment dst) {
    int capacity = ArrayIo.capacity(type, dst);
    reader.load(src, off, len);
    return decodeStandalone(type, dst, 0, capacity);
  }

  /**
   * Decodes a standalone blob into the decoder's own memory: afterwards {@link #bits()} holds the number bits of
   * the values (the raw bits in the low bits, masked to the type's width; a {@code f64} as its raw long bits) in
   * its first entries. No copy for a blob of one chunk, the layout vecdb and pco write.
   *
   * @param capacity the most values the blob may hold
   * @return the number of values decoded
   * @throws PcoException if the blob is corrupt, truncated, of another type or holds more than {@code capacity}
   *     values
   */
  public int decodeBits(byte[] src, int off, int len, PcoNumberType type, int capacity) {
    reader.load(src, off, len);
    bits = merged;
    return decodeStandalone(type, null, 0, capacity);
  }

  /** @return the array the last {@link #decodeBits} left its values in; valid until the next decode */
  public long[] bits() {
    return bits;
  }

  private int decodeStandalone(PcoNumberType type, Object dst, int dstOff, int capacity) {
    int major = readStandaloneHeader();
    int total = 0;
    while (true) {
      int b = reader.readAlignedByte("chunk number type");
      if (b == 0) {
        break;
      }
      if (uniformType != null && b != uniformType.code()) {
        throw PcoErrors.corrupt("chunk type %s differs from the uniform type %s", b, uniformType);
      }
      PcoNumberType chunkType = chunkType(b);
      if (chunkType != type) {
        throw PcoErrors.corrupt("requested %s but the chunk holds %s", type, chunkType);
      }
      int n = reader.readInt(24, "chunk size") + 1;
      total = decodeChunkPage(major, type, n, capacity, total, dst, dstOff);
    }
    lastInputLength = reader.bytePosition();
    return total;
  }

  /**
   * Decodes a wrapped-format chunk: the format version, one chunk's metadata and then one page per entry of
   * {@code pageCounts} (the counts the wrapping container stored).
   *
   * @return the total number of values written
   * @throws PcoException if the data is corrupt or truncated or the values do not fit
   */
  public int decodeWrapped(
      MemorySegment src, PcoNumberType type, int[] pageCounts, Object dst, int dstOff) {
    int capacity = ArrayIo.capacity(type, dst, dstOff);
    reader.load(src);
    int major = readFormatVersion();
    meta.read(reader, major, type);
    buildTables();
    int total = 0;
    for (int n : pageCounts) {
      if (n < 0 || n > capacity - total) {
        throw PcoErrors.pco("pco: page of %s values does not fit the destination", n);
      }
      page.decode(reader, meta, n);
      ArrayIo.store(type, page.values(), n, dst, dstOff + total);
      total += n;
    }
    lastInputLength = reader.bytePosition();
    return total;
  }

  /** @return the bytes of input the last successful decode consumed */
  public int lastInputLength() {
    return lastInputLength;
  }

  private int decodeChunkPage(
      int major, PcoNumberType type, int n, int capacity, int total, Object dst, int dstOff) {
    if (n > capacity - total) {
      throw PcoErrors.pco("pco: chunk of %s values does not fit the destination (%s left)", n, (capacity - total));
    }
    meta.read(reader, major, type);
    buildTables();
    if (dst == null && total > 0) {
      keepBits(total, capacity);
    }
    page.decode(reader, meta, n);
    if (dst != null) {
      ArrayIo.store(type, page.values(), n, dst, dstOff + total);
    } else if (total == 0) {
      bits = page.values();
    } else {
      System.arraycopy(page.values(), 0, bits, total, n);
    }
    return total + n;
  }

  /**
   * Before a {@link #decodeBits} blob's second chunk overwrites the page's array: moves the values decoded so far
   * into {@link #merged}, where the later chunks follow them.
   */
  private void keepBits(int total, int capacity) {
    if (bits == merged) {
      return;
    }
    if (merged.length < capacity) {
      merged = new long[capacity];
    }
    System.arraycopy(bits, 0, merged, 0, total);
    bits = merged;
  }

  private void buildTables() {
    if (meta.hasDeltaVar()) {
      meta.deltaVar.buildDecodeTable();
    }
    meta.primary.buildDecodeTable();
    if (meta.hasSecondary()) {
      meta.secondary.buildDecodeTable();
    }
  }

  /** Reads the standalone header into {@link #uniformType} and {@link #countHint}; returns the format major. */
  private int readStandaloneHeader() {
    int magic = (int) reader.readChecked(32, "magic header");
    if (magic != MAGIC) {
      throw PcoErrors.corrupt("magic header is not pco!");
    }
    int version = reader.readInt(8, "standalone version");
    uniformType = null;
    countHint = 0;
    if (version < 2) {
      reader.bitPos -= 8;
    } else {
      if (version >= 3) {
        int b = reader.readInt(8, "uniform number type");
        if (b != 0) {
          uniformType = PcoNumberType.fromCode(b);
          if (uniformType == null) {
            throw PcoErrors.corrupt("unknown uniform number type %s", b);
          }
        }
      }
      int power = reader.readInt(6, "size hint") + 1;
      countHint = reader.readChecked(power, "size hint");
      reader.alignZero("size hint");
    }
    if (version > MAX_STANDALONE_VERSION) {
      throw PcoErrors.corrupt("standalone version %s exceeds %s", version, MAX_STANDALONE_VERSION);
    }
    return readFormatVersion();
  }

  private int readFormatVersion() {
    int major = reader.readAlignedByte("format version");
    if (major > MAX_FORMAT_MAJOR) {
      throw PcoErrors.corrupt("format version %s exceeds %s", major, MAX_FORMAT_MAJOR);
    }
    if (major >= 4) {
      reader.readAlignedByte("format minor version");
    }
    return major;
  }

  private static PcoNumberType chunkType(int b) {
    PcoNumberType t = PcoNumberType.fromCode(b);
    if (t == null) {
      throw PcoErrors.corrupt("unknown number type byte %s", b);
    }
    return t;
  }
}
