package dev.vecdb.vec;

/**
 * Values that carry their own index and the generation (writer round) that wrote them, plus a check byte over
 * both, so that a reader can tell a value that belongs at the index it was read from (from any generation) from a
 * torn, misplaced or garbage one: bits 32..63 the index, 8..31 the generation, 0..7 the check.
 */
final class Tagged {
  static final long MAX_GENERATION = (1L << 24) - 1;

  private Tagged() {}

  static long of(long index, long generation) {
    return index << 32 | generation << 8 | check(index, generation);
  }

  static long index(long value) {
    return value >>> 32;
  }

  static long generation(long value) {
    return (value >>> 8) & MAX_GENERATION;
  }

  /** Whether {@code value} is intact: its check byte matches its index and generation. */
  static boolean intact(long value) {
    return (value & 0xFF) == check(index(value), generation(value));
  }

  private static long check(long index, long generation) {
    return ((index * 0x9E37_79B9_7F4A_7C15L) ^ (generation * 0xC2B2_AE3D_27D4_EB4FL)) >>> 56;
  }
}
