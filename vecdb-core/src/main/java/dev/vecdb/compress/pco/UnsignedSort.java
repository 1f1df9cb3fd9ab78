package dev.vecdb.compress.pco;

import java.util.Arrays;

/**
 * Sorts {@code long}s as unsigned numbers without allocating (the JDK sort allocates per partition): an insertion
 * sort for short arrays; one scan for input already in order (sequential data, constant deltas); a pairwise merge
 * for input of a few ascending runs (deltas with a few outliers); a counting sort when all values lie within 256
 * of the smallest; otherwise an LSD radix sort on the bytes of {@code x - min}, where only the bytes that vary cost
 * a pass. Holds scratch arrays; not thread-safe.
 */
final class UnsignedSort {
  private static final int RADIX_MIN = 48;

  /** Inputs of at most this many ascending runs are merged rather than radix-sorted. */
  private static final int MAX_MERGE_RUNS = 8;

  private long[] tmp = new long[0];
  private final int[] runBounds = new int[MAX_MERGE_RUNS + 1];
  private final int[] counts = new int[256];

  void sort(long[] a, int n) {
    if (n < RADIX_MIN) {
      insertionSort(a, n);
      return;
    }
    int runs = 1;
    for (int i = 1; i < n; i++) {
      runs += Long.compareUnsigned(a[i - 1], a[i]) > 0 ? 1 : 0;
    }
    if (runs == 1) {
      return;
    }
    if (tmp.length < n) {
      tmp = new long[Math.max(n, tmp.length * 2)];
    }
    if (runs <= MAX_MERGE_RUNS) {
      mergeRuns(a, n, runs);
      return;
    }
    long min = -1;
    long max = 0;
    for (int i = 0; i < n; i++) {
      long x = a[i];
      min = Long.compareUnsigned(x, min) < 0 ? x : min;
      max = Long.compareUnsigned(x, max) > 0 ? x : max;
    }
    int passes = (Binning.bitLength(max - min) + 7) >>> 3;
    if (passes == 1) {
      countingSort(a, n, min);
      return;
    }
    for (int i = 0; i < n; i++) {
      a[i] -= min;
    }
    long[] src = a;
    long[] dst = tmp;
    int[] c = counts;
    for (int p = 0; p < passes; p++) {
      int shift = p << 3;
      Arrays.fill(c, 0);
      for (int i = 0; i < n; i++) {
        c[(int) (src[i] >>> shift) & 0xFF]++;
      }
      if (c[(int) (src[0] >>> shift) & 0xFF] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < 256; d++) {
        int k = c[d];
        c[d] = sum;
        sum += k;
      }
      for (int i = 0; i < n; i++) {
        long x = src[i];
        dst[c[(int) (x >>> shift) & 0xFF]++] = x;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    for (int i = 0; i < n; i++) {
      a[i] = src[i] + min;
    }
  }

  /** Sorts {@code a[0..n)}, all within 256 of {@code min}, by counting each value and writing the counts out. */
  private void countingSort(long[] a, int n, long min) {
    int[] c = counts;
    Arrays.fill(c, 0);
    for (int i = 0; i < n; i++) {
      c[(int) (a[i] - min)]++;
    }
    for (int d = 0, pos = 0; pos < n; d++) {
      Arrays.fill(a, pos, pos + c[d], min + d);
      pos += c[d];
    }
  }

  /** Sorts {@code a[0..n)}, made of {@code runs} ascending runs, by merging neighbouring runs pairwise. */
  private void mergeRuns(long[] a, int n, int runs) {
    int[] bounds = runBounds;
    bounds[0] = 0;
    for (int i = 1, r = 1; r < runs; i++) {
      if (Long.compareUnsigned(a[i - 1], a[i]) > 0) {
        bounds[r++] = i;
      }
    }
    long[] src = a;
    long[] dst = tmp;
    while (runs > 1) {
      bounds[runs] = n;
      int merged = 0;
      for (int r = 0; r < runs; r += 2) {
        int lo = bounds[r];
        if (r + 1 == runs) {
          System.arraycopy(src, lo, dst, lo, n - lo);
        } else {
          merge(src, lo, bounds[r + 1], bounds[r + 2], dst);
        }
        bounds[merged++] = lo;
      }
      runs = merged;
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }

  /**
   * Merges ascending {@code src[lo..mid)} and {@code src[mid..hi)} into {@code dst[lo..hi)}. The parts of either
   * run that precede or follow the whole other run are found by binary search and copied as blocks, so an outlier
   * among equal deltas costs a few copies; only the overlap is merged element by element.
   */
  private static void merge(long[] src, int lo, int mid, int hi, long[] dst) {
    int leftFrom = firstAbove(src, lo, mid, src[mid]);
    System.arraycopy(src, lo, dst, lo, leftFrom - lo);
    int rightTo = firstAbove(src, mid, hi, src[mid - 1]);
    System.arraycopy(src, rightTo, dst, rightTo, hi - rightTo);
    int rightFrom = firstAbove(src, mid, rightTo, src[leftFrom]);
    System.arraycopy(src, mid, dst, leftFrom, rightFrom - mid);
    int leftTo = firstAbove(src, leftFrom, mid, src[rightTo - 1]);
    System.arraycopy(src, leftTo, dst, rightTo - (mid - leftTo), mid - leftTo);
    int i = leftFrom;
    int j = rightFrom;
    int k = leftFrom + (rightFrom - mid);
    while (i < leftTo && j < rightTo) {
      long x = src[i];
      long y = src[j];
      boolean left = Long.compareUnsigned(x, y) <= 0;
      dst[k++] = left ? x : y;
      i += left ? 1 : 0;
      j += left ? 0 : 1;
    }
    System.arraycopy(src, i, dst, k, leftTo - i);
    System.arraycopy(src, j, dst, k + leftTo - i, rightTo - j);
  }

  /** The first index in ascending {@code a[from..to)} whose value exceeds {@code x} (unsigned), or {@code to}. */
  private static int firstAbove(long[] a, int from, int to, long x) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (Long.compareUnsigned(a[m], x) > 0) {
        hi = m;
      } else {
        lo = m + 1;
      }
    }
    return lo;
  }

  /** Sorts {@code a[0..n)} as unsigned numbers in place; for short arrays. */
  static void insertionSort(long[] a, int n) {
    for (int i = 1; i < n; i++) {
      long x = a[i];
      int j = i - 1;
      while (j >= 0 && Long.compareUnsigned(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }
}
