package dev.vecdb.vec;

/** Receives an index and the {@code long} value at it. */
@FunctionalInterface
public interface IndexedLongConsumer {
  /**
   * @param index the value's index in the vector
   * @param value the value (widened per the vector's type)
   */
  void accept(long index, long value);
}
