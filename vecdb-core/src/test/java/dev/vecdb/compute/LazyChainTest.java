package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleReader;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.ShortVec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored vectors read by lazy vectors read by other lazy vectors, across a reopen of the database. */
class LazyChainTest {
  private static final VecOptions PCO = VecOptions.of(Format.PCO);

  @TempDir Path dir;

  /** fees / txCount, per transaction, then in thousandths, then the day's maximum. */
  private record Chain(LazyDoubleFrom feePerTx, LazyLongFrom milliFeePerTx, SparseLongAgg dailyMax) {
    static Chain over(DoubleReader fees, IntReader txCount, IntReader firstBlockOfDay) {
      LazyDoubleFrom feePerTx = LazyDoubleFrom.divide("fee_per_tx", 1, LazySources.doubles(fees),
          LazySources.doubles(txCount));
      LazyLongFrom milli = LazyLongFrom.from1("milli_fee_per_tx", 1, LazySources.longs(txCount),
          (i, n) -> Math.round(feePerTx.get(i) * 1000));
      CachedLongVec cached = CachedLongVec.wrap(milli);
      SparseLongAgg dailyMax = SparseLongAgg.max("daily_max_milli_fee_per_tx", 1,
          LazySources.longs(firstBlockOfDay), LazyLongSource.of(cached));
      return new Chain(feePerTx, milli, dailyMax);
    }
  }

  @Test
  void aChainOfLazyVectorsOverStoredOnesSurvivesReopen() {
    try (Database db = Database.open(dir)) {
      DoubleVec fees = db.doubleVec("fees", PCO);
      IntVec txCount = db.intVec("tx_count", NumberType.U32, PCO);
      IntVec days = db.intVec("first_block_of_day", NumberType.U32, VecOptions.DEFAULT);
      double[] f = {1, 3, 2, 10, 4};
      int[] n = {2, 4, 1, 8, 3};
      for (int i = 0; i < f.length; i++) {
        fees.push(f[i]);
        txCount.push(n[i]);
      }
      days.push(0);
      days.push(2);
      fees.write();
      txCount.write();
      days.write();
      Chain chain = Chain.over(fees.reader(), txCount.reader(), days.reader());
      assertThat(chain.feePerTx().collect()).containsExactly(0.5, 0.75, 2, 1.25, 4.0 / 3);
      assertThat(chain.milliFeePerTx().collect()).containsExactly(500, 750, 2000, 1250, 1333);
      assertThat(chain.dailyMax().collect()).containsExactly(750, 2000);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      DoubleVec fees = db.doubleVec("fees", PCO);
      IntVec txCount = db.intVec("tx_count", NumberType.U32, PCO);
      IntVec days = db.intVec("first_block_of_day", NumberType.U32, VecOptions.DEFAULT);
      Chain chain = Chain.over(fees.reader(), txCount.reader(), days.reader());
      assertThat(chain.dailyMax().collect()).containsExactly(750, 2000);
      assertThat(chain.dailyMax().version()).as("own versions plus the sources' (fee_per_tx is read by the function,"
          + " not a source)").isEqualTo(1 + 1 + txCount.version() + days.version());
      fees.push(30);
      txCount.push(10);
      days.push(5);
      fees.write();
      txCount.write();
      assertThat(chain.dailyMax().collect()).as("the new day is not written yet").containsExactly(750, 3000);
      days.write();
      assertThat(chain.dailyMax().collect()).as("block 5 moves to the new day").containsExactly(750, 2000, 3000);
    }
  }

  @Test
  void narrowAndUnsignedTypesWidenOnRead() {
    try (Database db = Database.open(dir)) {
      ShortVec temperatures = db.shortVec("temperatures", NumberType.I16, VecOptions.DEFAULT);
      ByteVec levels = db.byteVec("levels", NumberType.U8, VecOptions.DEFAULT);
      FloatVec ratios = db.floatVec("ratios", VecOptions.DEFAULT);
      IntVec counts = db.intVec("counts", NumberType.U32, VecOptions.DEFAULT);
      temperatures.push((short) -40);
      temperatures.push((short) 25);
      levels.push((byte) 255);
      levels.push((byte) 1);
      ratios.push(0.5f);
      ratios.push(2f);
      counts.push(-1);
      counts.push(3);
      temperatures.write();
      levels.write();
      ratios.write();
      counts.write();
      LazyLongFrom sum = LazyLongFrom.from3("sum", 0, LazySources.longs(temperatures.reader()),
          LazySources.longs(levels.reader()), LazySources.longs(counts.reader()), (i, t, l, c) -> t + l + c);
      assertThat(sum.collect()).containsExactly(-40 + 255 + 4_294_967_295L, 25 + 1 + 3);
      LazyDoubleFrom scaled = LazyDoubleFrom.times("scaled", 0, LazySources.doubles(ratios.reader()),
          LazySources.doubles(LazySources.longs(levels.reader())));
      assertThat(scaled.collect()).containsExactly(127.5, 2);
      LazyDoubleSource unsigned = LazySources.doubles(LazyLongSource.of(LazyLongFrom.identity("max", 0,
          new LazyLongSource("max", NumberType.U64, () -> 1, () -> 0, i -> false, i -> -1L,
              (from, to, action) -> action.accept(0, -1L)))));
      assertThat(unsigned.get(0)).isEqualTo(18_446_744_073_709_551_615.0);
    }
  }
}
