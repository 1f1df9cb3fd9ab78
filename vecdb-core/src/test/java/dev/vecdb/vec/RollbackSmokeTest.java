package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.NotFoundException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollbackSmokeTest {
  @TempDir Path dir;

  @Test
  void chainOfRollbacks() {
    VecOptions opts = VecOptions.DEFAULT.withSavedStampedChanges(10);
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, opts);
      for (int i = 0; i < 5; i++) {
        v.push(i);
      }
      v.stampedWriteWithChanges(1);
      long[] s1 = v.collect();
      v.update(2, 20);
      v.push(5);
      v.delete(0);
      v.stampedWriteWithChanges(2);
      long[] s2 = v.collect();
      v.truncate(1);
      v.push(100);
      v.stampedWriteWithChanges(3);
      db.flush();
      assertThat(v.collect()).containsExactly(100);
      assertThat(v.rollback()).isEqualTo(2);
      assertThat(v.collect()).containsExactly(s2);
      assertThat(v.holes()).containsExactly(0);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.collect()).containsExactly(s1);
      assertThat(v.holes()).isEmpty();
      v.delete(2);
      v.stampedWriteWithChanges(2);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.collect()).containsExactly(0, 1, 2, 3, 4);
      v.stampedWriteWithChanges(1);
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, opts);
      assertThat(v.collect()).containsExactly(0, 1, 2, 3, 4);
      assertThat(v.stamp()).isEqualTo(1);
      assertThat(v.rollbackBefore(1)).isEqualTo(0);
      assertThat(v.len()).isZero();
      assertThatThrownBy(v::rollback).isInstanceOf(NotFoundException.class).hasMessageContaining("stamp 0");
    }
  }
}
