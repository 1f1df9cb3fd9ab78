package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.NotFoundException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The original's rollback scenarios, on every format. */
class RollbackTest {
  @TempDir Path dir;

  /** What a vector shows: its values with holes kept, and its stamp. */
  record State(List<String> values, long stamp) {
    static State of(LongVec v) {
      return new State(Arrays.stream(v.collectHoled(0, v.len())).map(String::valueOf).toList(), v.stamp());
    }
  }

  private static VecOptions options(Format format, int kept) {
    return VecOptions.of(format).withSavedStampedChanges(kept);
  }

  /** Opens vector "v" in a fresh database, runs {@code body}, closes. */
  private void withVec(Format format, int kept, Consumer<LongVec> body) {
    try (Database db = Database.open(dir)) {
      body.accept(db.longVec("v", NumberType.I64, options(format, kept)));
      db.flush();
    }
  }

  private static void pushAll(LongVec v, long... values) {
    for (long value : values) {
      v.push(value);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackOfPushesUpdatesHolesAndTruncation(Format format) {
    withVec(format, 10, v -> {
      pushAll(v, 0, 1, 2, 3, 4, 5);
      v.stampedWriteWithChanges(1);
      State one = State.of(v);
      pushAll(v, 6, 7);
      v.stampedWriteWithChanges(2);
      State two = State.of(v);
      v.update(1, 100);
      v.update(6, 600);
      v.stampedWriteWithChanges(3);
      State three = State.of(v);
      v.delete(2);
      v.take(5);
      v.stampedWriteWithChanges(4);
      State four = State.of(v);
      v.truncate(3);
      v.stampedWriteWithChanges(5);
      v.truncate(1);
      pushAll(v, 70, 71, 72, 73, 74, 75, 76, 77, 78);
      v.stampedWriteWithChanges(6);

      assertThat(v.rollback()).isEqualTo(5);
      assertThat(v.collect()).containsExactly(0, 100);
      assertThat(v.rollback()).isEqualTo(4);
      assertThat(State.of(v)).isEqualTo(four);
      assertThat(v.rollback()).isEqualTo(3);
      assertThat(State.of(v)).as("holes rolled back: their values reappear").isEqualTo(three);
      assertThat(v.rollback()).isEqualTo(2);
      assertThat(State.of(v)).as("updates rolled back").isEqualTo(two);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(State.of(v)).as("pushes rolled back").isEqualTo(one);
      assertThat(v.rollback()).isZero();
      assertThat(v.len()).as("rolled back to empty").isZero();
      v.write();
    });
    withVec(format, 10, v -> assertThat(v.len()).isZero());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackBeforeWalksTheChainAndReportsGaps(Format format) {
    withVec(format, 10, v -> {
      for (long stamp = 1; stamp <= 5; stamp++) {
        v.push(stamp * 10);
        v.stampedWriteWithChanges(stamp);
      }
      assertThat(v.changeStamps()).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(v.rollbackBefore(4)).isEqualTo(3);
      assertThat(v.collect()).containsExactly(10, 20, 30);
      assertThat(v.rollbackBefore(1)).isZero();
      assertThat(v.len()).isZero();
      assertThatThrownBy(() -> v.rollbackBefore(0)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("vector 'v'").hasMessageContaining("stamp 0");
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void retentionKeepsTheLastChangeSetsAndWritingAStampDropsNewerOnes(Format format) {
    withVec(format, 3, v -> {
      for (long stamp = 1; stamp <= 5; stamp++) {
        v.push(stamp);
        v.stampedWriteWithChanges(stamp);
      }
      assertThat(v.changeStamps()).containsExactly(3L, 4L, 5L);
      assertThatThrownBy(() -> v.rollbackBefore(2)).isInstanceOf(NotFoundException.class)
          .hasMessageContaining("stamp 2").hasMessageContaining("stored: [3, 4, 5]");
      assertThat(v.stamp()).as("a walk that cannot reach its stamp changes nothing").isEqualTo(5);
      assertThat(v.changeStamps()).containsExactly(3L, 4L, 5L);
      assertThat(v.len()).isEqualTo(5);
      assertThat(v.rollbackBefore(3)).as("the walk as far as the chain reaches").isEqualTo(2);
      v.push(99);
      v.stampedWriteWithChanges(2);
      assertThat(v.changeStamps()).as("newer change sets dropped; none leads from stamp 2 to an earlier one")
          .isEmpty();
      assertThatThrownBy(v::rollback).isInstanceOf(NotFoundException.class);
      v.push(100);
      v.stampedWriteWithChanges(3);
      assertThat(v.changeStamps()).containsExactly(3L);
      assertThat(v.rollback()).isEqualTo(2);
      assertThat(v.last()).hasValue(99);
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void deepChainMixingOperationsRollsBackToEveryCheckpoint(Format format) {
    withVec(format, 12, v -> {
      SplittableRandom random = new SplittableRandom(42);
      List<State> checkpoints = new ArrayList<>();
      checkpoints.add(State.of(v));
      for (long stamp = 1; stamp <= 10; stamp++) {
        for (int op = 0; op < 30; op++) {
          int kind = random.nextInt(4);
          long len = v.len();
          if (kind == 0 || len == 0) {
            v.push(random.nextLong(1000));
          } else if (kind == 1) {
            v.update(random.nextLong(len), random.nextLong(1000));
          } else if (kind == 2) {
            v.take(random.nextLong(len));
          } else {
            v.truncate(len - 1 - random.nextLong(Math.min(len, 3)));
          }
        }
        v.stampedWriteWithChanges(stamp);
        checkpoints.add(State.of(v));
      }
      for (int stamp = 9; stamp >= 0; stamp--) {
        assertThat(v.rollback()).isEqualTo(stamp);
        assertThat(State.of(v)).as("state at stamp %d", stamp).isEqualTo(checkpoints.get(stamp));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void sameIndexUpdatedThreeTimes(Format format) {
    withVec(format, 5, v -> {
      pushAll(v, 1, 2, 3);
      v.stampedWriteWithChanges(1);
      for (long stamp = 2; stamp <= 4; stamp++) {
        v.update(1, stamp * 100);
        v.update(1, stamp * 100 + 1);
        v.stampedWriteWithChanges(stamp);
      }
      assertThat(v.get(1)).isEqualTo(401);
      assertThat(v.rollback()).isEqualTo(3);
      assertThat(v.get(1)).isEqualTo(301);
      assertThat(v.rollback()).isEqualTo(2);
      assertThat(v.get(1)).isEqualTo(201);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.get(1)).isEqualTo(2);
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void deleteOfAValueAnEarlierRollbackRestoredIsUndoable(Format format) {
    withVec(format, 5, v -> {
      pushAll(v, 10, 11, 12);
      v.stampedWriteWithChanges(1);
      v.update(1, 111);
      v.stampedWriteWithChanges(2);
      v.rollback();
      assertThat(v.get(1)).isEqualTo(11);
      v.delete(1);
      v.stampedWriteWithChanges(2);
      assertThat(v.isHole(1)).isTrue();
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.isHole(1)).isFalse();
      assertThat(v.get(1)).isEqualTo(11);
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackThenNewWritesAtTheSameStampThenReopen(Format format) {
    withVec(format, 5, v -> {
      pushAll(v, 1, 2);
      v.stampedWriteWithChanges(1);
      pushAll(v, 3);
      v.stampedWriteWithChanges(2);
      v.rollback();
      pushAll(v, 30, 31);
      v.stampedWriteWithChanges(2);
      assertThat(v.collect()).containsExactly(1, 2, 30, 31);
    });
    withVec(format, 5, v -> {
      assertThat(v.collect()).containsExactly(1, 2, 30, 31);
      assertThat(v.stamp()).isEqualTo(2);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.collect()).containsExactly(1, 2);
      v.stampedWrite(1);
    });
    withVec(format, 5, v -> {
      assertThat(v.collect()).containsExactly(1, 2);
      assertThat(v.stamp()).isEqualTo(1);
    });
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackThreeStampsThenRedoGivesTheCheckpointsAcrossReopen(Format format) {
    List<State> checkpoints = new ArrayList<>();
    withVec(format, 10, v -> {
      for (long stamp = 1; stamp <= 6; stamp++) {
        for (long i = 0; i < 50; i++) {
          v.push(stamp * 1000 + i);
        }
        v.update(stamp, -stamp);
        v.delete(stamp * 3);
        v.stampedWriteWithChanges(stamp);
        checkpoints.add(State.of(v));
      }
    });
    withVec(format, 10, v -> {
      assertThat(v.rollbackBefore(4)).isEqualTo(3);
      v.stampedWrite(3);
    });
    withVec(format, 10, v -> {
      assertThat(State.of(v)).isEqualTo(checkpoints.get(2));
      for (long stamp = 4; stamp <= 5; stamp++) {
        for (long i = 0; i < 50; i++) {
          v.push(stamp * 1000 + i);
        }
        v.update(stamp, -stamp);
        v.delete(stamp * 3);
        v.stampedWriteWithChanges(stamp);
      }
    });
    withVec(format, 10, v -> assertThat(State.of(v)).isEqualTo(checkpoints.get(4)));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "LZ4"})
  void removingTheVectorRemovesItsChangeSets(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, options(format, 5));
      v.push(1);
      v.stampedWriteWithChanges(1);
      v.delete(0);
      v.stampedWriteWithChanges(2);
      assertThat(v.regionNames()).contains("v@change.1", "v@change.2", "v@holes");
      db.removeVector("v");
      assertThat(Internals.regions(db).ids()).isEmpty();
    }
  }
}
