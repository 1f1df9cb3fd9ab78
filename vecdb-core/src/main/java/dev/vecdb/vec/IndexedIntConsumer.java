package dev.vecdb.vec;

/** Receives an index and the {@code int} value at it. */
@FunctionalInterface
public interface IndexedIntConsumer {
  /**
   * @param index the value's index in the vector
   * @param value the value (widened per the vector's type)
   */
  void accept(long index, int value);
}
