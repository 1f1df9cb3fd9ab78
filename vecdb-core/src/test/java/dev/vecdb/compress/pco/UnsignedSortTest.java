package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The unsigned sort on every path: short input, ascending input, a few ascending runs (merged) and radix. */
class UnsignedSortTest {

  @Test
  void sortsAsUnsignedWhateverTheNumberOfRuns() {
    SplittableRandom rnd = new SplittableRandom(11);
    UnsignedSort sorter = new UnsignedSort();
    for (int n : new int[] {1, 47, 48, 49, 400, 2047, 5000}) {
      for (int runs = 1; runs <= 12; runs++) {
        for (int spread : new int[] {0, 3, 1 << 20, -1}) {
          long[] a = runsOf(rnd, n, runs, spread);
          long[] expected = unsignedSorted(a);
          sorter.sort(a, n);
          assertThat(a).as("n=%d runs=%d spread=%d", n, runs, spread).isEqualTo(expected);
        }
      }
    }
  }

  /** {@code runs} ascending runs (fewer if {@code n} is small) of values drawn below {@code spread} (-1: any). */
  private static long[] runsOf(SplittableRandom rnd, int n, int runs, int spread) {
    long[] a = new long[n];
    for (int i = 0; i < n; i++) {
      a[i] = spread < 0 ? rnd.nextLong() : spread == 0 ? 5 : rnd.nextLong(spread) - spread / 2;
    }
    int size = (n + runs - 1) / runs;
    for (int from = 0; from < n; from += size) {
      int to = Math.min(n, from + size);
      long[] run = unsignedSorted(Arrays.copyOfRange(a, from, to));
      System.arraycopy(run, 0, a, from, run.length);
    }
    return a;
  }

  private static long[] unsignedSorted(long[] a) {
    long[] s = a.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] ^= Long.MIN_VALUE;
    }
    Arrays.sort(s);
    for (int i = 0; i < s.length; i++) {
      s[i] ^= Long.MIN_VALUE;
    }
    return s;
  }
}
