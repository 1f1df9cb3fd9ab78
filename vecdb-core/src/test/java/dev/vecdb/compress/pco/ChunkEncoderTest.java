package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The order-0 lower bound the chunk encoder prunes with never exceeds the cost it stands for, so pruning never
 * changes the chosen delta order (and the output stays the same bytes).
 */
class ChunkEncoderTest {

  @Test
  void noDeltaBoundNeverExceedsTheTrialCost() {
    SplittableRandom rnd = new SplittableRandom(5);
    Binning binning = new Binning();
    LatentVar v = new LatentVar();
    for (int bits : new int[] {8, 16, 32, 64}) {
      long mask = Latents.mask(bits);
      for (int n : new int[] {1, 2, 50, 400, 2048}) {
        for (long maxStep : new long[] {0, 1, 2, 7, 1000, 1L << 40}) {
          for (int trial = 0; trial < 4; trial++) {
            long[] a = new long[n];
            long x = rnd.nextLong(1 << 7);
            for (int i = 0; i < n; i++) {
              x += maxStep == 0 ? 0 : rnd.nextLong(maxStep + 1) * (rnd.nextInt(4) == 0 ? 0 : 1);
              a[i] = Math.min(x, mask);
            }
            int binsLog = Math.min(ChunkEncoder.binsLog(2048), ChunkEncoder.binsLog(n));
            double bound = ChunkEncoder.noDeltaLowerBound(a, n, bits);
            double body = binning.train(a.clone(), 0, n, bits, binsLog, v);
            double cost = Math.ceil(ChunkEncoder.varMetaBits(v) / 8) + Math.ceil(body / 8);
            assertThat(bound).as("bits=%d n=%d step=%d", bits, n, maxStep).isLessThanOrEqualTo(cost);
          }
        }
      }
    }
  }

  @Test
  void noDeltaBoundIsZeroUnlessAscending() {
    assertThat(ChunkEncoder.noDeltaLowerBound(new long[] {1, 3, 2}, 3, 64)).isZero();
    assertThat(ChunkEncoder.noDeltaLowerBound(new long[] {-1, 0}, 2, 64)).as("unsigned order").isZero();
    long[] distinct = new long[400];
    for (int i = 0; i < distinct.length; i++) {
      distinct[i] = 3L * i;
    }
    assertThat(ChunkEncoder.noDeltaLowerBound(distinct, 400, 64)).as("log2(400) bits per value")
        .isGreaterThan(400 * 8.6 / 8);
  }
}
