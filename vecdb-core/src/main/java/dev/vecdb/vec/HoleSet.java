package dev.vecdb.vec;

import java.util.Arrays;

/**
 * The sorted set of hole indices of a vector: a sorted {@code long[]}, so membership is a binary search that never
 * allocates or boxes. Holes are expected to be few relative to the vector; insertion and removal shift the array.
 * Not thread-safe (owned by the vector's writer).
 */
final class HoleSet {
  private long[] indices = new long[0];
  private int size;

  HoleSet() {}

  HoleSet(long[] sorted) {
    this.indices = sorted.clone();
    this.size = sorted.length;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  boolean contains(long index) {
    return size != 0 && Arrays.binarySearch(indices, 0, size, index) >= 0;
  }

  /** Adds {@code index}; returns whether it was new. */
  boolean add(long index) {
    int at = Arrays.binarySearch(indices, 0, size, index);
    if (at >= 0) {
      return false;
    }
    at = -at - 1;
    if (size == indices.length) {
      indices = Arrays.copyOf(indices, Math.max(8, size * 2));
    }
    System.arraycopy(indices, at, indices, at + 1, size - at);
    indices[at] = index;
    size++;
    return true;
  }

  /** Removes {@code index}; returns whether it was there. */
  boolean remove(long index) {
    int at = size == 0 ? -1 : Arrays.binarySearch(indices, 0, size, index);
    if (at < 0) {
      return false;
    }
    System.arraycopy(indices, at + 1, indices, at, size - at - 1);
    size--;
    return true;
  }

  /** The smallest hole, or -1. */
  long first() {
    return size == 0 ? -1 : indices[0];
  }

  /** Removes every hole {@code >= from}; returns whether any was removed. */
  boolean removeFrom(long from) {
    int at = Arrays.binarySearch(indices, 0, size, from);
    int cut = at >= 0 ? at : -at - 1;
    boolean changed = cut < size;
    size = cut;
    return changed;
  }

  /** Number of holes in {@code [from, to)}. */
  long countIn(long from, long to) {
    if (size == 0 || from >= to) {
      return 0;
    }
    return position(to) - position(from);
  }

  /** Index into the sorted array of the first hole {@code >= index}. */
  int position(long index) {
    int at = Arrays.binarySearch(indices, 0, size, index);
    return at >= 0 ? at : -at - 1;
  }

  /** The hole at sorted position {@code i}. */
  long at(int i) {
    return indices[i];
  }

  void clear() {
    size = 0;
  }

  long[] toArray() {
    return Arrays.copyOf(indices, size);
  }

  HoleSet copy() {
    return new HoleSet(toArray());
  }
}
