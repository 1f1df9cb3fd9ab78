package dev.vecdb.compute;

import static dev.vecdb.compute.TestVectors.longs;
import static dev.vecdb.compute.TestVectors.u32s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vecdb.Database;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LazyDeltaTest {
  @TempDir Path dir;

  @Test
  void rollingSumAndAverageFromACumulative() {
    try (Database db = Database.open(dir)) {
      LongVec cumulative = longs(db, "cum", NumberType.U64, 1, 3, 6, 10, 15, 21);
      IntVec starts = u32s(db, "starts", 0, 0, 0, 1, 2, 3);
      try (LongReader cum = cumulative.reader(); IntReader ws = starts.reader()) {
        LazyLongDelta sum = LazyDeltas.rollingSum("sum3", 0, LazySources.longs(cum), LazySources.longs(ws));
        assertThat(sum.collect()).containsExactly(1, 3, 6, 9, 12, 15);
        assertThat(sum.type()).isEqualTo(NumberType.U64);
        assertThat(sum.version()).isEqualTo(cumulative.version() + starts.version());
        LazyDoubleDelta avg = LazyDeltas.average("avg3", 0, LazySources.doubles(cum), LazySources.longs(ws));
        assertThat(avg.collect()).containsExactly(1, 1.5, 2, 3, 4, 5);
        assertThat(LazyDeltas.rollingSum("sum3_f", 0, LazySources.doubles(cum), LazySources.longs(ws)).collect())
            .containsExactly(1, 3, 6, 9, 12, 15);
      }
    }
  }

  @Test
  void changeAndRateOverWindowStarts() {
    try (Database db = Database.open(dir)) {
      LongVec values = longs(db, "values", NumberType.I64, 1, 2, 3, 4, 5, 6);
      IntVec starts = u32s(db, "starts", 0, 0, 0, 1, 2, 3);
      try (LongReader v = values.reader(); IntReader ws = starts.reader()) {
        LazyLongSource windowStarts = LazySources.longs(ws);
        assertThat(LazyDeltas.change("change", 0, LazySources.longs(v), windowStarts).collect())
            .containsExactly(0, 1, 2, 2, 2, 2);
        assertThat(LazyDeltas.change("change_f", 0, LazySources.doubles(v), windowStarts).collect())
            .containsExactly(0, 1, 2, 2, 2, 2);
        double[] rate = LazyDeltas.rate("rate", 0, LazySources.doubles(v), windowStarts).collect();
        assertThat(rate).containsExactly(new double[] {0, 1, 2, 1, 2.0 / 3, 0.5}, within(1e-12));
      }
    }
  }

  @Test
  void rateFromZeroIsZeroAndUnderflowGivesZero() {
    try (Database db = Database.open(dir)) {
      DoubleVec prices = TestVectors.doubles(db, "prices", 0, 5, 10);
      LongVec notCumulative = longs(db, "cum", NumberType.U64, 5, 3, 4);
      IntVec starts = u32s(db, "starts", 0, 0, 1);
      try (IntReader ws = starts.reader(); LongReader cum = notCumulative.reader()) {
        assertThat(LazyDeltas.rate("rate", 0, LazySources.doubles(prices.reader()), LazySources.longs(ws)).collect())
            .containsExactly(0, 0, 1);
        assertThat(LazyDeltas.rollingSum("sum", 0, LazySources.longs(cum), LazySources.longs(ws)).collect())
            .as("4 - 5 underflows in u64").containsExactly(5, 3, 0);
      }
    }
  }

  @Test
  void holesAndWindowsStartingLaterAreHoles() {
    try (Database db = Database.open(dir)) {
      LongVec values = longs(db, "values", NumberType.I64, 10, 20, 30, 40, 50);
      values.delete(1);
      values.write();
      IntVec starts = u32s(db, "starts", 0, 0, 1, 5, 2);
      try (LongReader v = values.reader(); IntReader ws = starts.reader()) {
        LazyLongDelta change = LazyDeltas.change("change", 0, LazySources.longs(v), LazySources.longs(ws));
        assertThat(change.collectHoled(0, 5)).containsExactly(OptionalLong.of(0), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(20));
        LazyLongDelta sum = LazyDeltas.rollingSum("sum", 0, LazySources.longs(v), LazySources.longs(ws));
        assertThat(sum.toJson(0, 5)).as("the value before the window starting at 2 is the hole at 1")
            .isEqualTo("[10,null,20,null,null]");
      }
    }
  }

  @Test
  void followsBothSourcesAsTheyGrow() {
    try (Database db = Database.open(dir)) {
      LongVec cumulative = longs(db, "cum", NumberType.I64, 1, 3, 6);
      IntVec starts = u32s(db, "starts", 0, 0);
      try (LongReader cum = cumulative.reader(); IntReader ws = starts.reader()) {
        LazyLongDelta sum = LazyDeltas.rollingSum("sum", 0, LazySources.longs(cum), LazySources.longs(ws));
        assertThat(sum.collect()).as("as long as the shorter source").containsExactly(1, 3);
        starts.push(1);
        starts.push(2);
        starts.write();
        assertThat(sum.collect()).containsExactly(1, 3, 5);
        cumulative.push(10);
        cumulative.write();
        assertThat(sum.collect()).containsExactly(1, 3, 5, 7);
      }
    }
  }
}
