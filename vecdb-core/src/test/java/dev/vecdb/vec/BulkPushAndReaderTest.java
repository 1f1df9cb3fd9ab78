package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.ClosedException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.OutOfRangeException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code pushAll} and the reader's view of the published state: growth, truncation, holes, close. */
class BulkPushAndReaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Format.class)
  void pushAllAppendsLikePushesAcrossBufferGrowthAndReopen(Format format) {
    long[] batch = LongStream.range(0, 5_000).map(i -> i * 3 - 7).toArray();
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("bulk", NumberType.I64, VecOptions.of(format));
      v.push(42);
      v.pushAll(batch, 10, 4_990);
      v.pushAll(new long[0]);
      assertThat(v.len()).isEqualTo(4_991);
      assertThat(v.get(1)).isEqualTo(batch[10]);
      v.write();
      v.pushAll(batch);
      assertThat(v.get(4_991 + 4_999)).isEqualTo(batch[4_999]);
      assertThatThrownBy(() -> v.pushAll(batch, 4_000, 1_001)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThat(v.len()).isEqualTo(9_991);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("bulk", NumberType.I64, VecOptions.of(format));
      assertThat(v.len()).isEqualTo(9_991);
      assertThat(v.get(0)).isEqualTo(42);
      assertThat(v.get(4_990)).isEqualTo(batch[4_999]);
      assertThat(v.get(9_990)).isEqualTo(batch[4_999]);
      assertThat(v.sum()).isEqualTo(42 + LongStream.of(batch).skip(10).sum() + LongStream.of(batch).sum());
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void readerSeesOnlyPublishedStateAndShrinksAtOnce(Format format) {
    try (Database db = Database.open(dir)) {
      DoubleVec v = db.doubleVec("prices", VecOptions.of(format));
      v.pushAll(new double[] {1.5, 2.5, 3.5, 4.5});
      try (DoubleReader r = v.reader()) {
        assertThat(r.len()).isZero();
        assertThatThrownBy(() -> r.get(0)).isInstanceOf(OutOfRangeException.class)
            .hasMessageContaining("'prices'").hasMessageContaining("written length is 0");
        v.write();
        assertThat(r.get(3)).isEqualTo(4.5);
        v.delete(1);
        assertThat(r.get(1)).isEqualTo(2.5);
        v.write();
        assertThatThrownBy(() -> r.get(1)).isInstanceOf(HoleException.class);
        assertThat(r.isHole(1)).isTrue();
        v.truncate(2);
        assertThat(r.len()).isEqualTo(2);
        assertThatThrownBy(() -> r.get(3)).isInstanceOf(OutOfRangeException.class);
        v.write();
        assertThat(r.fold(0, Long.MAX_VALUE, 0.0, Double::sum)).isEqualTo(1.5);
      }
      DoubleReader open = v.reader();
      db.close();
      assertThatThrownBy(() -> open.get(0)).isInstanceOf(ClosedException.class).hasMessageContaining("'prices'");
      assertThatThrownBy(() -> open.fold(0, 2, 0.0, Double::sum)).isInstanceOf(ClosedException.class);
    }
  }
}
