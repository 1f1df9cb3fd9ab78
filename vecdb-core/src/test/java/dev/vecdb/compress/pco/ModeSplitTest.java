package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The IntMult split's division equals unsigned division on both of its paths. */
class ModeSplitTest {

  @Test
  void divisionIsExactOnBothPaths() {
    SplittableRandom rnd = new SplittableRandom(17);
    long limit = 1L << 52;
    long[] divisors = {2, 3, 6, 7, 1000, 1L << 20, (1L << 31) - 1, limit - 1, limit, 1L << 60, -2};
    for (long d : divisors) {
      for (long bound : new long[] {1 << 10, limit, 0}) {
        int n = 500;
        long[] l = new long[n];
        for (int i = 0; i < n; i++) {
          long x = bound == 0 ? rnd.nextLong() : rnd.nextLong(bound);
          l[i] = i % 50 == 0 && bound != 0 ? bound - 1 - i : x;
        }
        long[] original = l.clone();
        long[] q = new long[n];
        ModeSplit.divide(l, n, d, q);
        for (int i = 0; i < n; i++) {
          assertThat(q[i]).as("%d / %d", original[i], d).isEqualTo(Long.divideUnsigned(original[i], d));
          assertThat(l[i]).as("%d %% %d", original[i], d).isEqualTo(Long.remainderUnsigned(original[i], d));
        }
      }
    }
  }
}
