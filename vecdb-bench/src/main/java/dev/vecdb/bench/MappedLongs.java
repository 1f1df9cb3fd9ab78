package dev.vecdb.bench;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The hand-written baseline loops over a mapping of little-endian {@code u64}s: the physical limit that the JMH
 * benchmarks and the peer runner compare vecdb with. Stateless; any thread.
 */
public final class MappedLongs {
  /** Little-endian, unaligned access allowed: vecdb's BYTES layout. */
  public static final ValueLayout.OfLong LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private MappedLongs() {}

  /**
   * A mapping as a reader sees it: the writer may publish another one (after growth) or overwrite bytes of this one
   * in place at any time. Written by one thread, read by any (both fields volatile).
   */
  public static final class Published {
    volatile MemorySegment values;
    volatile int overwrites;

    public Published(MemorySegment values) {
      this.values = values;
    }
  }

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

  /**
   * {@link #sumAt} under a reader's contract, the least a point read must do to be neither stale nor torn: before
   * each read the mapping is read again from {@code current} (volatile, so that a hot loop sees a new mapping), and
   * after it a load-load fence orders the value's load before the volatile check that no write has overwritten it in
   * place (as vecdb's readers do, see {@code docs/durability-and-threading.md}). Its difference from {@link #sumAt}
   * is the cost of those two barriers: the JIT can no longer hoist the segment's bounds and liveness checks out of
   * the loop.
   *
   * @throws IllegalStateException if a value was overwritten in place (never here: nothing writes)
   */
  public static long sumAtAsReader(Published current, long[] indices, int from, int to) {
    long sum = 0;
    for (int k = from; k < to; k++) {
      long value = current.values.get(LE, indices[k] * 8);
      VarHandle.loadLoadFence();
      if (current.overwrites != 0) {
        throw new IllegalStateException("a value was overwritten in place during its read");
      }
      sum += value;
    }
    return sum;
  }
}
