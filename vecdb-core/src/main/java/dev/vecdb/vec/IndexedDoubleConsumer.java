package dev.vecdb.vec;

/** Receives an index and the {@code double} value at it. */
@FunctionalInterface
public interface IndexedDoubleConsumer {
  /**
   * @param index the value's index in the vector
   * @param value the value (widened per the vector's type)
   */
  void accept(long index, double value);
}
