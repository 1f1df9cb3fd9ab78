package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.ShortVec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every primitive vector, reader and eager vector serves as a source, widened per its type. */
class ComputeSourceTest {
  @TempDir Path dir;

  @Test
  void intFamilySourcesWidenPerTheirType() {
    try (Database db = Database.open(dir)) {
      IntVec u32 = db.intVec("u32", NumberType.U32, VecOptions.DEFAULT);
      u32.push(-1);
      u32.push(1);
      u32.write();
      ShortVec i16 = db.shortVec("i16", NumberType.I16, VecOptions.DEFAULT);
      i16.push((short) -2);
      i16.push((short) 3);
      i16.write();
      ByteVec u8 = db.byteVec("u8", NumberType.U8, VecOptions.DEFAULT);
      u8.push((byte) -1);
      u8.push((byte) 4);
      u8.write();
      EagerLongVec sum = ComputeFixture.longOut(db, "sum");
      sum.computeSumOfOthers(0, List.of(ComputeSource.of(u32), ComputeSource.of(i16),
          ComputeSource.of(u8)));
      assertThat(sum.collect()).containsExactly(4_294_967_295L - 2 + 255, 1 + 3 + 4);
      EagerDoubleVec asDouble = ComputeFixture.doubleOut(db, "asDouble");
      asDouble.computeTransform(0, ComputeSource.of(u32), v -> v / 2);
      assertThat(asDouble.collect()).containsExactly(4_294_967_295.0 / 2, 0.5);
    }
  }

  @Test
  void floatSourcesReadAsDoublesAndTruncateAsLongs() {
    try (Database db = Database.open(dir)) {
      FloatVec f32 = db.floatVec("f32", VecOptions.DEFAULT);
      f32.push(1.5f);
      f32.push(-2.75f);
      f32.write();
      EagerDoubleVec doubles = ComputeFixture.doubleOut(db, "doubles");
      doubles.computeCumulative(0, ComputeSource.of(f32));
      assertThat(doubles.collect()).containsExactly(1.5, -1.25);
      EagerLongVec longs = ComputeFixture.longOut(db, "longs");
      longs.computeTransform(0, ComputeSource.of(f32), v -> v);
      assertThat(longs.collect()).containsExactly(1, -2);
    }
  }

  @Test
  void readersAndEagerVectorsAreSources() {
    try (Database db = Database.open(dir)) {
      EagerLongVec counts = ComputeFixture.longOut(db, "counts");
      counts.computeTo(0, 5, 1, i -> i + 1);
      EagerLongVec cumulative = ComputeFixture.longOut(db, "cumulative");
      cumulative.computeCumulative(0, counts);
      assertThat(cumulative.collect()).containsExactly(1, 3, 6, 10, 15);
      assertThat(cumulative.version()).as("its user version 1 + the computed version of its source")
          .isEqualTo(1 + counts.version());
      try (LongReader reader = cumulative.vec().reader()) {
        EagerDoubleVec sma = ComputeFixture.doubleOut(db, "sma");
        sma.computeSma(0, ComputeSource.of(reader), 2);
        assertThat(sma.collect()).containsExactly(1, 2, 4.5, 8, 12.5);
        assertThat(reader.version()).isEqualTo(cumulative.vec().version());
      }
      assertThat(cumulative.get(4)).isEqualTo(15);
      assertThat(cumulative.sum()).isEqualTo(35);
      assertThat(cumulative.max()).hasValue(15);
      assertThat(cumulative.toJson(0, 2)).isEqualTo("[1,3]");
    }
  }
}
