package dev.vecdb.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The hand-written baseline loops over a mapping of little-endian {@code u64}s: the physical limit that the JMH
 * benchmarks and the peer runner compare vecdb with. Stateless; any thread.
 */
public final class MappedLongs {
  /** Little-endian, unaligned access allowed: vecdb's BYTES layout. */
  public static final ValueLayout.OfLong LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private MappedLongs() {}

  /** The sum of every value in {@code values}, in order. */
  public static long sum(MemorySegment values) {
    long n = values.byteSize() / 8;
    long sum = 0;
    for (long i = 0; i < n; i++) {
      sum += values.get(LE, i * 8);
    }
    return sum;
  }

  /** The sum of the values at {@code indices[from .. to)}, one read each. */
  public static long sumAt(MemorySegment values, long[] indices, int from, int to) {
    long sum = 0;
    for (int k = from; k < to; k++) {
      sum += values.get(LE, indices[k] * 8);
    }
    return sum;
  }
}
