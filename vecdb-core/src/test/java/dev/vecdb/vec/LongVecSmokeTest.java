package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.MismatchException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongVecSmokeTest {
  @TempDir Path dir;

  @Test
  void pushWriteReopenWithHolesAndUpdates() {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("prices", NumberType.U64, VecOptions.DEFAULT);
      for (long i = 0; i < 10_000; i++) {
        v.push(i);
      }
      assertThat(v.get(9_999)).isEqualTo(9_999);
      assertThat(v.write()).isTrue();
      v.push(10_000);
      v.update(5, -1);
      v.delete(7);
      assertThat(v.get(5)).isEqualTo(-1);
      assertThatThrownBy(() -> v.get(7)).isInstanceOf(HoleException.class);
      assertThat(v.max()).hasValue(-1);
      try (LongReader r = v.reader()) {
        assertThat(r.len()).isEqualTo(10_000);
        assertThat(r.get(5)).isEqualTo(5);
        v.flush();
        assertThat(r.len()).isEqualTo(10_001);
        assertThat(r.get(5)).isEqualTo(-1);
        assertThat(r.isHole(7)).isTrue();
      }
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("prices", NumberType.U64, VecOptions.DEFAULT);
      assertThat(v.len()).isEqualTo(10_001);
      assertThat(v.get(5)).isEqualTo(-1);
      assertThat(v.holes()).containsExactly(7);
      assertThat(v.sum()).isEqualTo(10_000L * 10_001 / 2 - 5 - 7 - 1);
      assertThat(v.collect(0, 10)).containsExactly(0, 1, 2, 3, 4, -1, 6, 8, 9);
      assertThat(v.toJson(4, 9)).isEqualTo("[4,18446744073709551615,6,null,8]");
      assertThatThrownBy(() -> db.longVec("prices", NumberType.I64, VecOptions.DEFAULT))
          .isInstanceOf(MismatchException.class);
    }
    try (Database db = Database.open(dir)) {
      assertThatThrownBy(() -> db.longVec("prices", NumberType.U64, VecOptions.of(Format.ZERO_COPY)))
          .isInstanceOf(MismatchException.class).hasMessageContaining("format BYTES");
      LongVec v = db.longVec("prices", NumberType.U64, VecOptions.of(Format.ZERO_COPY).withResetOnMismatch(true));
      assertThat(v.len()).isZero();
    }
  }
}
