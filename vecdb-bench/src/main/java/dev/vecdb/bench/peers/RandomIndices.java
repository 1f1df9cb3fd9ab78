package dev.vecdb.bench.peers;

/** The seeded random-read indices shared by every engine and by the JMH benchmarks. Stateless; any thread. */
public final class RandomIndices {
  private RandomIndices() {}

  /**
   * {@code count} indices in {@code [0, n)}: xorshift64 (shifts 13, 7, 17), seed 0x9E3779B97F4A7C15, index = state
   * mod n with the state taken as unsigned, exactly as in the Rust baseline.
   */
  public static long[] of(long n, int count) {
    long[] indices = new long[count];
    long state = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < count; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      indices[i] = Long.remainderUnsigned(state, n);
    }
    return indices;
  }
}
