package dev.vecdb.vec;

/**
 * Receives an index and the value at it.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface IndexedConsumer<T> {
  /**
   * @param index the value's index in the vector
   * @param value the value
   */
  void accept(long index, T value);
}
