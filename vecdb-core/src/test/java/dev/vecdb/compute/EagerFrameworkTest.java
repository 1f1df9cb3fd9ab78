package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The framework: {@code maxFrom}, version changes, every format as target, rollback, reopen and shutdown. */
class EagerFrameworkTest {
  @TempDir Path dir;

  @Test
  void maxFromRecomputesFromTheFirstChangedIndex() {
    try (Database db = Database.open(dir)) {
      LongVec volume = db.longVec("volume", NumberType.I64, VecOptions.DEFAULT);
      ComputeFixture.append(volume, 1, 2, 3, 4, 5);
      EagerLongVec cumulative = ComputeFixture.longOut(db, "cumulative");
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      assertThat(cumulative.collect()).containsExactly(1, 3, 6, 10, 15);
      volume.update(2, 30);
      volume.write();
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      assertThat(cumulative.collect()).as("no maxFrom: the changed source goes unnoticed")
          .containsExactly(1, 3, 6, 10, 15);
      cumulative.computeCumulative(2, ComputeSource.of(volume));
      assertThat(cumulative.collect()).containsExactly(1, 3, 33, 37, 42);
      volume.truncate(3);
      volume.write();
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      assertThat(cumulative.len()).as("a shrinking source truncates nothing by itself").isEqualTo(5);
      cumulative.computeCumulative(3, ComputeSource.of(volume));
      assertThat(cumulative.collect()).containsExactly(1, 3, 33);
    }
  }

  @Test
  void aMethodOrSourceVersionChangeResetsAndRecomputes() {
    try (Database db = Database.open(dir)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, 2, 4, 6, 8, 10, 20);
      EagerDoubleVec avg = EagerDoubleVec.open(db, "avg", VecOptions.DEFAULT.withSavedStampedChanges(2));
      avg.computeSma(0, ComputeSource.of(prices), 3);
      avg.vec().stampedWriteWithChanges(7);
      int smaVersion = avg.version();
      assertThat(smaVersion).as("user version 1 + seed 2 + source version 1").isEqualTo(4);
      avg.computeEma(Long.MAX_VALUE, ComputeSource.of(prices), 3);
      assertThat(avg.version()).isEqualTo(5);
      assertThat(avg.collect()).as("recomputed as EMA").containsExactly(2, 3, 4, 6, 8, 14);
      assertThat(avg.vec().stamp()).as("the reset dropped the stamp").isZero();
      assertThat(avg.vec().changeStamps()).as("and the change sets").isEmpty();
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT.withVersion(2).withResetOnMismatch(true));
      ComputeFixture.append(prices, 1, 1, 1, 1, 1, 1);
      EagerDoubleVec avg = EagerDoubleVec.open(db, "avg", VecOptions.DEFAULT.withSavedStampedChanges(2));
      assertThat(avg.version()).as("the computed version survives reopening").isEqualTo(5);
      avg.computeEma(Long.MAX_VALUE, ComputeSource.of(prices), 3);
      assertThat(avg.version()).isEqualTo(6);
      assertThat(avg.collect()).as("same length, new source version: recomputed").containsOnly(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatAsTargetWithRollbackAndReopen(Format format) {
    int n = 20_000;
    VecOptions options = VecOptions.of(format).withSavedStampedChanges(3);
    try (Database db = Database.open(dir)) {
      LongVec volume = db.longVec("volume", NumberType.I64, VecOptions.DEFAULT);
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      for (int i = 0; i < n / 2; i++) {
        volume.push(i % 100);
        prices.push(i % 50);
      }
      volume.write();
      prices.write();
      EagerLongVec cumulative = EagerLongVec.open(db, "cumulative", NumberType.I64, options);
      EagerDoubleVec sma = EagerDoubleVec.open(db, "sma", options);
      cumulative.batchSize(3000);
      sma.batchSize(3000);
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      sma.computeSma(Long.MAX_VALUE, ComputeSource.of(prices), 10);
      cumulative.vec().stampedWriteWithChanges(1);
      sma.vec().stampedWriteWithChanges(1);
      for (int i = n / 2; i < n; i++) {
        volume.push(i % 100);
        prices.push(i % 50);
      }
      volume.write();
      prices.write();
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      sma.computeSma(Long.MAX_VALUE, ComputeSource.of(prices), 10);
      cumulative.vec().stampedWriteWithChanges(2);
      sma.vec().stampedWriteWithChanges(2);
      assertThat(cumulative.vec().rollback()).isEqualTo(1);
      assertThat(sma.vec().rollback()).isEqualTo(1);
      assertThat(cumulative.len()).isEqualTo(n / 2);
      assertThat(sma.len()).isEqualTo(n / 2);
      cumulative.computeCumulative(Long.MAX_VALUE, ComputeSource.of(volume));
      sma.computeSma(Long.MAX_VALUE, ComputeSource.of(prices), 10);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      EagerLongVec cumulative = EagerLongVec.open(db, "cumulative", NumberType.I64, options);
      EagerDoubleVec sma = EagerDoubleVec.open(db, "sma", options);
      assertThat(cumulative.vec().format()).isEqualTo(format);
      long[] expected = new long[n];
      long sum = 0;
      for (int i = 0; i < n; i++) {
        sum += i % 100;
        expected[i] = sum;
      }
      assertThat(cumulative.collect()).containsExactly(expected);
      assertThat(sma.len()).isEqualTo(n);
      assertThat(sma.get(n - 1)).isEqualTo(LongStream.range(n - 10, n).map(i -> i % 50).average().orElseThrow());
      assertThat(sma.get(4)).isEqualTo(2);
    }
  }

  @Test
  void anEagerChainResumesAcrossCloseAndReopen() {
    long[] once;
    try (Database db = Database.open(dir.resolve("once"))) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, walk(0, 3000));
      once = chain(db, prices).collect();
    }
    Path chained = dir.resolve("chained");
    try (Database db = Database.open(chained)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      ComputeFixture.append(prices, walk(0, 1000));
      assertThat(chain(db, prices).len()).isPositive();
      db.flush();
    }
    try (Database db = Database.open(chained)) {
      DoubleVec prices = db.doubleVec("prices", VecOptions.DEFAULT);
      assertThat(prices.len()).isEqualTo(1000);
      ComputeFixture.append(prices, walk(1000, 3000));
      assertThat(chain(db, prices).collect()).containsExactly(once);
    }
  }

  /** prices -> SMA -> deviation from it -> count of days above it. */
  private static EagerLongVec chain(Database db, DoubleVec prices) {
    EagerDoubleVec sma = EagerDoubleVec.open(db, "sma", VecOptions.of(Format.PCO));
    sma.computeSma(Long.MAX_VALUE, ComputeSource.of(prices), 20);
    EagerDoubleVec deviation = EagerDoubleVec.open(db, "deviation", VecOptions.of(Format.LZ4));
    deviation.computeTransform2(Long.MAX_VALUE, ComputeSource.of(prices), sma, (p, m) -> p - m);
    EagerLongVec above = EagerLongVec.open(db, "above", NumberType.U64, VecOptions.DEFAULT);
    above.computeCumulativeCount(Long.MAX_VALUE, deviation, d -> d > 0);
    return above;
  }

  /** A deterministic random walk in steps of 0.25 (exact in binary), values {@code [from, to)}. */
  private static double[] walk(int from, int to) {
    double[] out = new double[to - from];
    double price = 100;
    for (int i = 0; i < to; i++) {
      price += ((i * 7919L) % 9 - 4) * 0.25;
      if (i >= from) {
        out[i - from] = price;
      }
    }
    return out;
  }

  @Test
  void aShutdownStopsAtTheLastWrittenBatch() {
    try {
      try (Database db = Database.open(dir)) {
        LongVec source = db.longVec("source", NumberType.I64, VecOptions.DEFAULT);
        ComputeFixture.append(source, LongStream.range(0, 10_000).toArray());
        EagerLongVec out = ComputeFixture.longOut(db, "out");
        out.batchSize(1000);
        out.computeTransform(Long.MAX_VALUE, ComputeSource.of(source), v -> {
          if (v == 2500) {
            ComputeShutdown.stop();
          }
          return v * 2;
        });
        assertThat(ComputeShutdown.isStopping()).isTrue();
        assertThat(out.len()).as("the batch in progress is discarded").isEqualTo(2000);
        assertThat(out.vec().storedLen()).isEqualTo(2000);
        out.computeTransform(Long.MAX_VALUE, ComputeSource.of(source), v -> v * 2);
        assertThat(out.len()).as("no computation writes while stopping").isEqualTo(2000);
        db.flush();
      }
      ComputeShutdown.resume();
      try (Database db = Database.open(dir)) {
        EagerLongVec out = ComputeFixture.longOut(db, "out");
        assertThat(out.collect()).containsExactly(LongStream.range(0, 2000).map(v -> v * 2).toArray());
        out.computeTransform(Long.MAX_VALUE, ComputeSource.of(db.longVec("source", NumberType.I64,
            VecOptions.DEFAULT)), v -> v * 2);
        assertThat(out.collect()).containsExactly(LongStream.range(0, 10_000).map(v -> v * 2).toArray());
      }
    } finally {
      ComputeShutdown.resume();
    }
  }

  @Test
  void aStopFromAnotherThreadLeavesWholeWrittenBatches() throws Exception {
    int n = 3_000_000;
    int batch = 10_000;
    try (Database db = Database.open(dir)) {
      LongVec source = db.longVec("source", NumberType.I64, VecOptions.DEFAULT);
      ComputeFixture.append(source, LongStream.range(0, n).toArray());
      EagerLongVec out = ComputeFixture.longOut(db, "out");
      out.batchSize(batch);
      Thread computing = Thread.ofPlatform().start(() -> out.computeCumulative(0, ComputeSource.of(source)));
      try (LongReader progress = out.vec().reader()) {
        Awaitility.await().until(() -> progress.len() > 0 || !computing.isAlive());
        ComputeShutdown.stop();
        computing.join();
        long len = progress.len();
        assertThat(len % batch == 0 || len == n).as("length %d is a batch boundary", len).isTrue();
        assertThat(out.len()).isEqualTo(len);
        assertThat(progress.get(len - 1)).isEqualTo((len - 1) * len / 2);
      }
    } finally {
      ComputeShutdown.resume();
    }
  }

  @Test
  void aSourceWithHolesIsRejected() {
    try (Database db = Database.open(dir)) {
      LongVec source = db.longVec("source", NumberType.I64, VecOptions.DEFAULT);
      ComputeFixture.append(source, 1, 2, 3);
      source.delete(1);
      source.write();
      EagerLongVec out = ComputeFixture.longOut(db, "out");
      assertThatThrownBy(() -> out.computeCumulative(0, ComputeSource.of(source)))
          .isInstanceOf(ComputeException.class).hasMessageContaining("source 'source'")
          .hasMessageContaining("hole");
      assertThatThrownBy(() -> out.computeCumulative(-1, ComputeSource.of(source)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrom must not be negative");
    }
  }
}
