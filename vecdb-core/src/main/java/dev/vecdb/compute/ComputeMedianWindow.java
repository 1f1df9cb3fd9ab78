package dev.vecdb.compute;

import dev.vecdb.internal.Exceptions;

import java.util.Arrays;

/**
 * The values of a sliding window kept sorted, for a rolling median: insertion and removal by binary search and an
 * array shift, O(window) per value without allocation. {@code NaN} sorts last. Not thread-safe.
 */
final class ComputeMedianWindow {
  private final double[] sorted;
  private int size;

  ComputeMedianWindow(int capacity) {
    this.sorted = new double[capacity];
  }

  void add(double v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = v;
    size++;
  }

  void remove(double v) {
    int at = Arrays.binarySearch(sorted, 0, size, v);
    if (at < 0) {
      throw Exceptions.illegalState("value %s is not in the window", v);
    }
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    size--;
  }

  /** The middle value, or the mean of the two middle values for an even count. */
  double median() {
    int mid = size / 2;
    return size % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
