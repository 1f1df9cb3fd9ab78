package dev.vecdb.compute;

import static dev.vecdb.compute.TestVectors.longs;
import static dev.vecdb.compute.TestVectors.u32s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-day aggregates of per-block values, given the first block of each day. */
class SparseAggTest {
  @TempDir Path dir;

  @Test
  void everyKindOverDaysWithAnEmptyDay() {
    try (Database db = Database.open(dir)) {
      LongVec fees = longs(db, "fees", NumberType.I64, 1, 2, 3, 4, 5, 6, 7);
      IntVec days = u32s(db, "first_block_of_day", 0, 3, 3, 5);
      try (LongReader f = fees.reader(); IntReader d = days.reader()) {
        LazyLongSource blocks = LazySources.longs(f);
        LazyLongSource firsts = LazySources.longs(d);
        SparseLongAgg last = SparseLongAgg.last("last", 0, firsts, blocks);
        assertThat(last.len()).isEqualTo(4);
        assertThat(last.toJson(0, 4)).isEqualTo("[3,null,5,7]");
        assertThat(SparseLongAgg.first("first", 0, firsts, blocks).toJson(0, 4)).isEqualTo("[1,null,4,6]");
        assertThat(SparseLongAgg.sum("sum", 0, firsts, blocks).collect()).containsExactly(6, 0, 9, 13);
        assertThat(SparseLongAgg.min("min", 0, firsts, blocks).toJson(0, 4)).isEqualTo("[1,null,4,6]");
        assertThat(SparseLongAgg.max("max", 0, firsts, blocks).toJson(0, 4)).isEqualTo("[3,null,5,7]");
        SparseLongAgg count = SparseLongAgg.count("count", 0, firsts, blocks);
        assertThat(count.collect()).containsExactly(3, 0, 2, 2);
        assertThat(count.get(3)).isEqualTo(2);
        assertThat(last.get(2)).as("a point read computes the same").isEqualTo(5);
        assertThat(last.version()).isEqualTo(fees.version() + days.version());
      }
    }
  }

  @Test
  void holesOfTheFineVectorAreSkipped() {
    try (Database db = Database.open(dir)) {
      LongVec fees = longs(db, "fees", NumberType.I64, 1, 2, 3, 4, 5, 6, 7);
      fees.delete(4);
      fees.delete(5);
      fees.delete(6);
      fees.write();
      IntVec days = u32s(db, "first_block_of_day", 0, 3, 5);
      try (LongReader f = fees.reader(); IntReader d = days.reader()) {
        LazyLongSource blocks = LazySources.longs(f);
        LazyLongSource firsts = LazySources.longs(d);
        assertThat(SparseLongAgg.last("last", 0, firsts, blocks).toJson(0, 3)).isEqualTo("[3,4,null]");
        assertThat(SparseLongAgg.last("last", 0, firsts, blocks).isHole(2)).isTrue();
        assertThat(SparseLongAgg.sum("sum", 0, firsts, blocks).collect()).containsExactly(6, 4, 0);
        assertThat(SparseLongAgg.count("count", 0, firsts, blocks).collect()).containsExactly(3, 1, 0);
      }
    }
  }

  @Test
  void unsignedExtremesAndDoubleValues() {
    try (Database db = Database.open(dir)) {
      LongVec amounts = longs(db, "amounts", NumberType.U64, 1, -1, 7);
      DoubleVec prices = TestVectors.doubles(db, "prices", 1.5, 2.5, 4);
      IntVec days = u32s(db, "first_block_of_day", 0, 2);
      try (LongReader a = amounts.reader(); IntReader d = days.reader()) {
        LazyLongSource firsts = LazySources.longs(d);
        assertThat(SparseLongAgg.max("max", 0, firsts, LazySources.longs(a)).toJson(0, 2))
            .isEqualTo("[18446744073709551615,7]");
        assertThat(SparseLongAgg.min("min", 0, firsts, LazySources.longs(a)).collect()).containsExactly(1, 7);
        LazyDoubleSource p = LazySources.doubles(prices.reader());
        assertThat(SparseDoubleAgg.sum("sum", 0, firsts, p).collect()).containsExactly(4.0, 4.0);
        assertThat(SparseDoubleAgg.max("max", 0, firsts, p).collect()).containsExactly(2.5, 4.0);
        assertThat(SparseDoubleAgg.count("count", 0, firsts, p).collect()).containsExactly(2, 1);
      }
    }
  }

  @Test
  void rangesSpanningManyBlocksAgreeWithPointReads() {
    try (Database db = Database.open(dir)) {
      LongVec values = TestVectors.sequence(db, "values", 10_000);
      IntVec days = u32s(db, "first_block_of_day", 0, 100, 5_000, 9_000);
      try (LongReader v = values.reader(); IntReader d = days.reader()) {
        SparseLongAgg sum = SparseLongAgg.sum("sum", 0, LazySources.longs(d), LazySources.longs(v));
        long[] expected = {sumOf(0, 100), sumOf(100, 5_000), sumOf(5_000, 9_000), sumOf(9_000, 10_000)};
        assertThat(sum.collect()).containsExactly(expected);
        for (int i = 0; i < 4; i++) {
          assertThat(sum.get(i)).isEqualTo(expected[i]);
        }
      }
    }
  }

  @Test
  void theLastDayGrowsWithTheBlocksAndANewDayStartsEmpty() {
    try (Database db = Database.open(dir)) {
      LongVec fees = longs(db, "fees", NumberType.I64, 1, 2, 3);
      IntVec days = u32s(db, "first_block_of_day", 0, 2);
      try (LongReader f = fees.reader(); IntReader d = days.reader()) {
        SparseLongAgg sum = SparseLongAgg.sum("sum", 0, LazySources.longs(d), LazySources.longs(f));
        SparseLongAgg last = SparseLongAgg.last("last", 0, LazySources.longs(d), LazySources.longs(f));
        assertThat(sum.collect()).containsExactly(3, 3);
        fees.push(4);
        fees.write();
        assertThat(sum.collect()).containsExactly(3, 7);
        days.push(4);
        days.write();
        assertThat(sum.collect()).containsExactly(3, 7, 0);
        assertThat(last.toJson(0, 3)).isEqualTo("[2,4,null]");
        fees.push(5);
        fees.write();
        assertThat(last.toJson(0, 3)).isEqualTo("[2,4,5]");
      }
    }
  }

  private static long sumOf(long from, long to) {
    return (to * (to - 1) - from * (from - 1)) / 2;
  }
}
