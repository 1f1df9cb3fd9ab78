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

  /** An encoder with empty scratch buffers; they grow to the largest input encoded. */
  public PcoEncoder() {}

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
    return w.toByteArray();
  }
}
