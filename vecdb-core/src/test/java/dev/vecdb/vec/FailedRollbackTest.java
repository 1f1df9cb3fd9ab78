package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.NotFoundException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A rollback that fails because a change set it needs is not stored changes nothing. */
class FailedRollbackTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Format.class)
  void aRollbackWithoutAChangeSetKeepsThePendingChanges(Format format) {
    try (Database db = Database.open(tmp.resolve("db"))) {
      LongVec vec = db.longVec("v", NumberType.I64, VecOptions.of(format).withSavedStampedChanges(3));
      for (long i = 0; i < 10; i++) {
        vec.push(i);
      }
      vec.stampedWrite(1);
      vec.update(2, 200);
      for (long i = 10; i < 15; i++) {
        vec.push(i);
      }
      assertThatThrownBy(vec::rollback).isInstanceOf(NotFoundException.class);
      assertThat(vec.len()).isEqualTo(15);
      assertThat(vec.get(2)).isEqualTo(200);
      assertThat(vec.get(14)).isEqualTo(14);
      vec.write();
      assertThat(vec.reader().get(14)).isEqualTo(14);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aRollbackBeforeABrokenChainKeepsEverything(Format format) {
    try (Database db = Database.open(tmp.resolve("db"))) {
      LongVec vec = db.longVec("v", NumberType.I64, VecOptions.of(format).withSavedStampedChanges(2));
      for (long stamp = 1; stamp <= 3; stamp++) {
        for (long i = 0; i < 5; i++) {
          vec.push(stamp * 100 + i);
        }
        vec.update(0, stamp);
        vec.stampedWriteWithChanges(stamp);
      }
      vec.push(999);
      assertThat(vec.changeStamps()).containsExactly(2L, 3L);
      assertThatThrownBy(() -> vec.rollbackBefore(1)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("stamp 1");
      assertThat(vec.stamp()).isEqualTo(3);
      assertThat(vec.len()).isEqualTo(16);
      assertThat(vec.get(0)).isEqualTo(3);
      assertThat(vec.get(15)).isEqualTo(999);
      assertThat(vec.changeStamps()).containsExactly(2L, 3L);
      assertThat(vec.rollbackBefore(2)).isEqualTo(1);
      assertThat(vec.len()).isEqualTo(5);
      assertThat(vec.get(0)).isEqualTo(1);
    }
  }
}
