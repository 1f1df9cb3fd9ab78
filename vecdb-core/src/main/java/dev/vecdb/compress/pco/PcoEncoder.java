package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

/**
 * Encodes arrays of numbers into standalone pco blobs (standalone version 3, format 4.1) that any pco 1.x
 * implementation decodes.
 *
 * <p>Per chunk (at most {@value #MAX_CHUNK} values) the encoder tries Classic, IntMult (common divisor),
 * FloatMult (integer or decimal multiples, e.g. prices in cents) and FloatQuant (shared trailing zero bits), picks a
 * consecutive delta order automatically, trains bins and tANS weights, and falls back to raw bits when that is
 * smaller, so a blob never exceeds the raw size by more than a few dozen bytes. The output is a deterministic
 * function of the input. The header's uniform type byte is 0 and its count hint is the value count, as Rust's
 * {@code simple_compress} writes.
 *
 * <p>Instances keep scratch buffers and are reusable but NOT thread-safe; encoding allocates nothing per value.
 */
public final class PcoEncoder {
  /** Largest number of values per chunk. */
  public static final int MAX_CHUNK = 1 << 18;

  private final BitWriter writer = new BitWriter();
  private final ChunkEncoder chunk = new ChunkEncoder();
  private long[] raw = new long[0];

  /** Bound on the file header and footer bytes of a blob. */
  private static final int FILE_OVERHEAD = 16;
  /** Bound on the bytes a chunk adds to its raw values (header, metadata of raw bits, alignment). */
  private static final int CHUNK_OVERHEAD = 24;

  /** An encoder with empty scratch buffers; they grow to the largest input encoded. */
  public PcoEncoder() {}

  /**
   * The largest blob {@code count} values of {@code type} can encode to: their raw size plus a few dozen bytes
   * per chunk of {@value #MAX_CHUNK} values (the encoder falls back to raw bits when compression does not pay).
   *
   * @param type the number type
   * @param count how many values (0 or more)
   * @return the bound in bytes
   */
  public static long maxEncodedLength(PcoNumberType type, int count) {
    long chunks = ((long) count + MAX_CHUNK - 1) / MAX_CHUNK;
    return (long) count * (type.bits() / 8) + FILE_OVERHEAD + chunks * CHUNK_OVERHEAD;
  }

  /**
   * Encodes {@code src[off..off+count)}.
   *
   * @param type the number type; {@code src} must be an array of {@code type.arrayType()}
   * @param src the values
   * @param off the first value
   * @param count how many values (0 allowed)
   * @return the standalone pco blob
   */
  public byte[] encode(PcoNumberType type, Object src, int off, int count) {
    return encodeToWriter(type, src, off, count).toByteArray();
  }

  /**
   * Encodes {@code src[off..off+count)} into {@code dst} from {@code dstOff}, allocating nothing once the scratch
   * buffers have grown: the same bytes as {@link #encode(PcoNumberType, Object, int, int)}. Room for
   * {@link #maxEncodedLength(PcoNumberType, int)} bytes always suffices.
   *
   * @param type the number type; {@code src} must be an array of {@code type.arrayType()}
   * @param src the values
   * @param off the first value
   * @param count how many values (0 allowed)
   * @param dst receives the standalone pco blob
   * @param dstOff where the blob starts in {@code dst}
   * @return the blob's length in bytes
   * @throws IndexOutOfBoundsException if the blob does not fit in {@code dst} from {@code dstOff}; {@code dst} is
   *     then unchanged
   */
  public int encode(PcoNumberType type, Object src, int off, int count, byte[] dst, int dstOff) {
    return encodeToWriter(type, src, off, count).copyTo(dst, dstOff);
  }

  private BitWriter encodeToWriter(PcoNumberType type, Object src, int off, int count) {
    int capacity = ArrayIo.capacity(type, src, off);
    if (count < 0 || count > capacity) {
      throw Exceptions.indexOutOfBounds("count %s exceeds the %s values from %s", count, capacity, off);
    }
    BitWriter w = writer;
    w.reset();
    w.write(0x216f6370L, 32);
    w.write(3, 8);
    w.write(0, 8);
    int p = Math.max(1, 64 - Long.numberOfLeadingZeros(count));
    w.write(p - 1, 6);
    w.write(count, p);
    w.alignZero();
    w.write(4, 8);
    w.write(1, 8);
    for (int done = 0; done < count; ) {
      int n = Math.min(MAX_CHUNK, count - done);
      if (raw.length < n) {
        raw = new long[n];
      }
      ArrayIo.load(type, src, off + done, n, raw);
      chunk.encode(raw, n, type, w);
      done += n;
    }
    w.write(0, 8);
    return w;
  }
}
