package dev.vecdb.compress.pco;

import java.util.Arrays;

/**
 * Sorts {@code long}s as unsigned numbers without allocating: an insertion sort for short arrays, otherwise an LSD
 * radix sort on the bytes of {@code x - min}, where only the bytes that vary cost a pass (the JDK sort is avoided
 * because it allocates per partition). Holds scratch arrays; not thread-safe.
 */
final class UnsignedSort {
  private static final int RADIX_MIN = 48;

  private long[] tmp = new long[0];
  private final int[] counts = new int[256];

  void sort(long[] a, int n) {
    if (n < RADIX_MIN) {
      insertionSort(a, n);
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
    if (tmp.length < n) {
      tmp = new long[Math.max(n, tmp.length * 2)];
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
