package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A {@code write()} that fails part-way must not be committed in part by a later flush. The write below appends more
 * than one push chunk and creates the hole set, so it makes several file writes that do not overwrite visible bytes
 * (a failure there does not fail the database). Each of its file operations fails in turn; when the database stays
 * usable, the application flushes (as another vector's flush or a periodic flush would) without retrying the write.
 * After a reopen the vector must show the last completed flush or the whole write: never a part of it.
 */
class FailedWriteNotCommittedTest {
  private static final String VECTOR = "values";
  private static final int FIRST = 10;
  private static final int PUSHED = 300_000;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(Format.class)
  void aFlushAfterAFailedWriteCommitsAllOfItOrNothing(Format format) {
    List<Long> before = null;
    List<Long> after = null;
    long calls = Long.MAX_VALUE;
    List<String> mixes = new ArrayList<>();
    for (long k = 0; k <= calls; k++) {
      Path dir = tmp.resolve(format + "-" + k);
      FaultyIo io = new FaultyIo();
      try (Database db = Database.open(dir, io)) {
        LongVec vec = db.longVec(VECTOR, NumberType.I64, VecOptions.of(format));
        for (long i = 0; i < FIRST; i++) {
          vec.push(i);
        }
        vec.flush();
        for (long i = 0; i < PUSHED; i++) {
          vec.push(1_000 + i);
        }
        vec.delete(3);
        long armed = io.calls();
        if (k > 0) {
          long failing = armed + k;
          io.failWhen(call -> call.number() == failing, FaultyIo::typical);
        }
        boolean failed = false;
        try {
          vec.write();
        } catch (StorageException e) {
          failed = true;
        }
        if (k == 0) {
          calls = io.calls() - armed;
        }
        if (failed) {
          try {
            db.flush();
          } catch (StorageException refused) {
            // the database is in its failed state: nothing more is committed
          }
        } else if (k == 0) {
          db.flush();
        }
      }
      List<Long> reopened;
      try {
        reopened = values(dir, format);
      } catch (CorruptionException e) {
        mixes.add("failing call " + k + " of the write: the reopen fails: " + e.getMessage());
        continue;
      }
      if (k == 0) {
        after = reopened;
        before = new ArrayList<>();
        for (long i = 0; i < FIRST; i++) {
          before.add(i);
        }
        assertThat(after).hasSize(FIRST + PUSHED);
      } else if (!reopened.equals(before) && !reopened.equals(after)) {
        mixes.add("failing call " + k + " of the write: " + describe(reopened));
      }
    }
    assertThat(calls).as("file operations of the write").isGreaterThan(2);
    assertThat(mixes).as("reopened states that are neither the last flush nor the whole write").isEmpty();
  }

  private static List<Long> values(Path dir, Format format) {
    try (Database db = Database.open(dir)) {
      LongVec vec = db.longVec(VECTOR, NumberType.I64, VecOptions.of(format));
      List<Long> values = new ArrayList<>();
      for (long i = 0; i < vec.len(); i++) {
        values.add(vec.isHole(i) ? null : vec.get(i));
      }
      return values;
    }
  }

  private static String describe(List<Long> values) {
    return values.size() + " values, " + values.stream().filter(v -> v == null).count() + " holes";
  }
}
