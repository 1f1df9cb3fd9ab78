package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.MismatchException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.Unsigned;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjVecTest {
  /** A candle record as an application would declare it. */
  public record Candle(double open, double close, @Unsigned long volume, @FixedLength(4) byte[] tag) {}

  /** The same layout under another shape (a component type changed). */
  public record OtherCandle(double open, double close, long volume, @FixedLength(5) byte[] tag) {}

  @TempDir Path dir;

  @Test
  void recordsAndHashesSurviveReopenWithHolesAndRollback() {
    VecOptions options = VecOptions.DEFAULT.withSavedStampedChanges(3);
    try (Database db = Database.open(dir)) {
      ObjVec<Candle> candles = db.recordVec("candles", Candle.class, options);
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 32, options);
      for (int i = 0; i < 100; i++) {
        candles.push(new Candle(i, i + 0.5, -1L, new byte[] {1, 2, 3, (byte) i}));
        byte[] hash = new byte[32];
        hash[31] = (byte) i;
        hashes.push(hash);
      }
      candles.stampedWriteWithChanges(1);
      hashes.stampedWriteWithChanges(1);
      candles.delete(3);
      candles.update(4, new Candle(-4, -4, 7, new byte[4]));
      candles.stampedWriteWithChanges(2);
      db.flush();
      assertThat(candles.tryGet(3)).isEmpty();
      assertThat(candles.get(4).open()).isEqualTo(-4);
      assertThat(candles.toJson(4, 5)).contains("\"volume\":7");
      try (ObjReader<Candle> reader = candles.reader()) {
        assertThat(reader.len()).isEqualTo(100);
        assertThat(reader.isHole(3)).isTrue();
        assertThat(reader.get(99).close()).isEqualTo(99.5);
      }
      assertThat(hashes.max().map(h -> h[31])).isEqualTo(Optional.of((byte) 99));
    }
    try (Database db = Database.open(dir)) {
      ObjVec<Candle> candles = db.recordVec("candles", Candle.class, options);
      assertThat(candles.len()).isEqualTo(100);
      assertThat(candles.holes()).containsExactly(3);
      assertThat(candles.rollback()).isEqualTo(1);
      assertThat(candles.get(3).open()).isEqualTo(3);
      assertThat(candles.get(4).open()).isEqualTo(4);
      assertThat(candles.get(4).volume()).isEqualTo(-1L);
      assertThatThrownBy(() -> db.recordVec("hashes", OtherCandle.class, VecOptions.DEFAULT))
          .isInstanceOf(MismatchException.class).hasMessageContaining("bytes[32]");
    }
  }
}
