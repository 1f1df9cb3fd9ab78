package dev.vecdb.codec.pco;

import java.util.Arrays;

/**
 * Sorts {@code long}s as unsigned numbers: an LSD radix sort on bytes for large inputs (skipping bytes every key
 * shares), the JDK sort on sign-flipped keys for small ones. Holds scratch arrays; not thread-safe.
 */
final class UnsignedSort {
  private static final int RADIX_MIN = 1024;

  private long[] tmp = new long[0];
  private final int[] counts = new int[8 * 256];

  void sort(long[] a, int n) {
    if (n < RADIX_MIN) {
      for (int i = 0; i < n; i++) {
        a[i] ^= Long.MIN_VALUE;
      }
      Arrays.sort(a, 0, n);
      for (int i = 0; i < n; i++) {
        a[i] ^= Long.MIN_VALUE;
      }
      return;
    }
    if (tmp.length < n) {
      tmp = new long[Math.max(n, tmp.length * 2)];
    }
    int[] c = counts;
    Arrays.fill(c, 0);
    for (int i = 0; i < n; i++) {
      long x = a[i];
      for (int b = 0; b < 8; b++) {
        c[(b << 8) | (int) ((x >>> (b << 3)) & 0xFF)]++;
      }
    }
    long[] src = a;
    long[] dst = tmp;
    for (int b = 0; b < 8; b++) {
      int base = b << 8;
      int shift = b << 3;
      if (c[base | (int) ((src[0] >>> shift) & 0xFF)] == n) {
        continue;
      }
      int sum = 0;
      for (int d = 0; d < 256; d++) {
        int k = c[base | d];
        c[base | d] = sum;
        sum += k;
      }
      for (int i = 0; i < n; i++) {
        long x = src[i];
        dst[c[base | (int) ((x >>> shift) & 0xFF)]++] = x;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, n);
    }
  }
}
