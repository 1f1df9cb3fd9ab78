package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.vec.DoubleVec;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chain eager -> lazy -> eager over stored prices, resumed across a close and reopen. */
class EagerLazyChainTest {
  @TempDir Path dir;

  @Test
  void eagerLazyEagerResumesAcrossReopen() {
    double[] all = walk(3000);
    double[] once;
    try (Database db = Database.open(dir.resolve("once"))) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, all);
      once = chain(db, prices).collect();
    }
    Path chained = dir.resolve("chained");
    try (Database db = Database.open(chained)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, Arrays.copyOf(all, 1200));
      assertThat(chain(db, prices).len()).isEqualTo(1200);
      db.flush();
    }
    try (Database db = Database.open(chained)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, Arrays.copyOfRange(all, 1200, 3000));
      EagerDoubleVec high = chain(db, prices);
      assertThat(high.len()).isEqualTo(3000);
      assertThat(high.collect()).containsExactly(once);
    }
  }

  /** prices -> eager SMA -> lazy deviation (prices - SMA) -> eager all-time high of the deviation. */
  private static EagerDoubleVec chain(Database db, DoubleVec prices) {
    EagerDoubleVec sma = EagerDoubleVec.open(db, "sma", VecOptions.of(Format.PCO));
    sma.computeSma(Long.MAX_VALUE, ComputeSource.of(prices), 20);
    LazyDoubleFrom deviation = LazyDoubleFrom.minus("deviation", 1, LazySources.doubles(prices),
        LazySources.doubles(sma));
    EagerDoubleVec high = EagerDoubleVec.open(db, "deviation_high", VecOptions.of(Format.ZSTD));
    high.computeAllTimeHigh(Long.MAX_VALUE, ComputeSource.of(deviation));
    return high;
  }

  private static double[] walk(int n) {
    double[] out = new double[n];
    double price = 100;
    for (int i = 0; i < n; i++) {
      price += ((i * 7919L) % 9 - 4) * 0.25;
      out[i] = price;
    }
    return out;
  }
}
