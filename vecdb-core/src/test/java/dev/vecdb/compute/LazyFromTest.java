package dev.vecdb.compute;

import static dev.vecdb.compute.TestVectors.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongCursor;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyFromTest {
  @TempDir Path dir;

  @Test
  void transformsOfOneAndTwoSources() {
    try (Database db = Database.open(dir)) {
      LongVec a = longs(db, "a", NumberType.I64, 10, -7, 3, 8, 21);
      LongVec b = longs(db, "b", NumberType.I64, 2, 7, -3, 4);
      try (LongReader ra = a.reader(); LongReader rb = b.reader()) {
        LazyLongSource sa = LazyLongSource.of(ra);
        LazyLongSource sb = LazyLongSource.of(rb);
        assertThat(LazyLongFrom.identity("id", 0, sa).collect()).containsExactly(10, -7, 3, 8, 21);
        assertThat(LazyLongFrom.negate("neg", 0, sa).collect()).containsExactly(-10, 7, -3, -8, -21);
        assertThat(LazyLongFrom.halve("half", 0, sa).collect()).containsExactly(5, -3, 1, 4, 10);
        assertThat(LazyLongFrom.plus("plus", 0, sa, sb).collect()).containsExactly(12, 0, 0, 12);
        assertThat(LazyLongFrom.minus("minus", 0, sa, sb).collect()).containsExactly(8, -14, 6, 4);
        assertThat(LazyLongFrom.times("times", 0, sa, sb).collect()).containsExactly(20, -49, -9, 32);
        assertThat(LazyLongFrom.divide("div", 0, sa, sb).collect()).containsExactly(5, -1, -1, 2);
        LazyLongFrom weighted = LazyLongFrom.from3("w", 0, sa, sb, sa, (i, x, y, z) -> i * 1000 + x * y + z);
        assertThat(weighted.len()).isEqualTo(4);
        assertThat(weighted.collect()).containsExactly(30, 1000 - 56, 2000 - 6, 3000 + 40);
        assertThatThrownBy(() -> LazyLongFrom.identity(" ", 0, sa)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("name");
      }
    }
  }

  @Test
  void unsignedSourcesHalveAndDivideUnsigned() {
    try (Database db = Database.open(dir)) {
      LongVec a = longs(db, "a", NumberType.U64, -2, 9);
      LongVec b = longs(db, "b", NumberType.U64, 2, 0);
      try (LongReader ra = a.reader(); LongReader rb = b.reader()) {
        LazyLongFrom half = LazyLongFrom.halve("half", 0, LazyLongSource.of(ra));
        assertThat(half.type()).isEqualTo(NumberType.U64);
        assertThat(half.get(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(half.toJson(0, 2)).isEqualTo("[9223372036854775807,4]");
        LazyLongFrom div = LazyLongFrom.divide("quotient", 0, LazyLongSource.of(ra), LazyLongSource.of(rb));
        assertThat(div.get(0)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> div.get(1)).isInstanceOf(ArithmeticException.class)
            .hasMessageContaining("'quotient'").hasMessageContaining("index 1");
        assertThat(LazyLongFrom.negate("neg", 0, LazyLongSource.of(rb)).type()).isEqualTo(NumberType.I64);
      }
    }
  }

  @Test
  void feePerTransactionOverAFloatingAndAnIntegerVector() {
    try (Database db = Database.open(dir)) {
      DoubleVec fees = TestVectors.doubles(db, "fees", 1.5, 0, 9, 12);
      LongVec txCount = longs(db, "tx_count", NumberType.U64, 3, 0, 4, 8);
      LazyDoubleFrom feePerTx = LazyDoubleFrom.divide("fee_per_tx", 1, LazySources.doubles(fees.reader()),
          LazySources.doubles(txCount.reader()));
      assertThat(feePerTx.collect()).containsExactly(0.5, Double.NaN, 2.25, 1.5);
      assertThat(feePerTx.toCsv(0, 4)).isEqualTo("0.5\nNaN\n2.25\n1.5\n");
      assertThat(feePerTx.version()).isEqualTo(1 + fees.version() + txCount.version());
      assertThat(feePerTx.type()).isEqualTo(NumberType.F64);
    }
  }

  @Test
  void fullReadApiOverAHoledSource() {
    try (Database db = Database.open(dir)) {
      LongVec a = longs(db, "a", NumberType.I64, 5, 1, 4, 1, 5, 9, 2, 6);
      a.delete(2);
      a.write();
      LongVec b = longs(db, "b", NumberType.I64, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
      b.delete(6);
      b.write();
      try (LongReader ra = a.reader(); LongReader rb = b.reader()) {
        LazyLongFrom sum = LazyLongFrom.plus("sum", 0, LazyLongSource.of(ra), LazyLongSource.of(rb));
        assertThat(sum.len()).isEqualTo(8);
        assertThat(sum.isHole(2)).isTrue();
        assertThat(sum.isHole(6)).isTrue();
        assertThat(sum.collect()).containsExactly(6, 2, 2, 6, 10, 7);
        assertThat(sum.collect(1, 5)).containsExactly(2, 2, 6);
        assertThat(sum.collectSigned(-3, sum.len())).containsExactly(10, 7);
        assertThat(sum.collectHoled(1, 4))
            .containsExactly(OptionalLong.of(2), OptionalLong.empty(), OptionalLong.of(2));
        assertThat(sum.fold(0L, Long::sum)).isEqualTo(33);
        assertThat(sum.sum()).isEqualTo(33);
        assertThat(sum.sum(3, 6)).isEqualTo(18);
        assertThat(sum.min()).hasValue(2);
        assertThat(sum.max()).hasValue(10);
        assertThat(sum.first()).hasValue(6);
        assertThat(sum.last()).hasValue(7);
        assertThat(sum.stream().toArray()).containsExactly(6, 2, 2, 6, 10, 7);
        assertThat(ra.stream().toArray()).as("a stored reader's stream skips holes too")
            .containsExactly(5, 1, 1, 5, 9, 2, 6);
        assertThat(sum.getAll(0, 3, 7)).containsExactly(6, 2, 7);
        assertThat(sum.tryGet(2)).isEmpty();
        assertThat(sum.tryGet(8)).isEmpty();
        assertThat(sum.getOrDefault(6, -1)).isEqualTo(-1);
        assertThat(sum.has(7)).isTrue();
        assertThat(sum.has(8)).isFalse();
        assertThat(sum.toJson(0, 8)).isEqualTo("[6,2,null,2,6,10,null,7]");
        assertThat(sum.toCsv(1, 3)).isEqualTo("2\n\n");
        long[] dst = new long[10];
        assertThat(sum.read(1, dst, 2, 4)).isEqualTo(3);
        assertThat(dst).startsWith(0, 0, 2, 2, 6);
        List<Long> indices = new ArrayList<>();
        sum.forEach(4, 100, (i, v) -> indices.add(i));
        assertThat(indices).containsExactly(4L, 5L, 7L);
        LongCursor cursor = sum.cursor(1, 8);
        assertThat(cursor.nextLong()).isEqualTo(2);
        assertThat(cursor.nextLong()).isEqualTo(2);
        assertThat(cursor.index()).isEqualTo(3);
        assertThatThrownBy(() -> sum.get(2)).isInstanceOf(HoleException.class).hasMessageContaining("'sum'");
        assertThatThrownBy(() -> sum.get(8)).isInstanceOf(OutOfRangeException.class)
            .hasMessageContaining("'sum'").hasMessageContaining("length is 8");
      }
    }
  }

  @Test
  void rangedReadsCrossManyBlocks() {
    try (Database db = Database.open(dir)) {
      int n = LazyLongVec.BLOCK * 3 + 17;
      LongVec a = TestVectors.sequence(db, "a", n);
      a.delete(LazyLongVec.BLOCK + 1);
      a.write();
      try (LongReader ra = a.reader()) {
        LazyLongFrom twice = LazyLongFrom.from1("twice", 0, LazyLongSource.of(ra), (i, v) -> 2 * v);
        long expected = (long) n * (n - 1) - 2L * (LazyLongVec.BLOCK + 1);
        assertThat(twice.sum()).isEqualTo(expected);
        assertThat(twice.collect()).hasSize(n - 1);
        assertThat(twice.get(n - 1)).isEqualTo(2L * (n - 1));
      }
    }
  }

  @Test
  void seesWhatTheWriterWritesAndFollowsTheShortestSource() {
    try (Database db = Database.open(dir)) {
      LongVec a = longs(db, "a", NumberType.I64, 1, 2, 3);
      LongVec b = longs(db, "b", NumberType.I64, 10, 20);
      try (LongReader ra = a.reader(); LongReader rb = b.reader()) {
        LazyLongFrom sum = LazyLongFrom.plus("sum", 0, LazyLongSource.of(ra), LazyLongSource.of(rb));
        assertThat(sum.collect()).containsExactly(11, 22);
        b.push(30);
        b.push(40);
        assertThat(sum.len()).as("pushed values are not written yet").isEqualTo(2);
        b.write();
        assertThat(sum.collect()).containsExactly(11, 22, 33);
        a.push(4);
        a.write();
        assertThat(sum.collect()).containsExactly(11, 22, 33, 44);
        a.truncate(1);
        a.write();
        assertThat(sum.collect()).containsExactly(11);
      }
    }
  }

  @Test
  void readsTheSourcesAgainAfterTheyAreReopened() {
    try (Database db = Database.open(dir)) {
      longs(db, "a", NumberType.I64, 7, 8, 9);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec a = db.longVec("a", NumberType.I64, VecOptions.DEFAULT);
      try (LongReader ra = a.reader()) {
        LazyLongFrom square = LazyLongFrom.from1("square", 2, LazyLongSource.of(ra), (i, v) -> v * v);
        assertThat(square.collect()).containsExactly(49, 64, 81);
        assertThat(square.version()).isEqualTo(2 + a.version());
        a.push(10);
        a.write();
        assertThat(square.last()).hasValue(100);
      }
    }
  }
}
