package dev.vecdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.codec.NumberType;
import dev.vecdb.store.FaultyIo;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction of issue 13 item 4 on a vector: 300 000 values flushed, the disk full when the undo record of an
 * update of 200 000 of them is appended. The failed {@code write()} fails the database: a second {@code write()}
 * and a later update + write + flush are refused instead of overwriting flushed values without undo records or
 * committing the failed write, and a crash shows the flushed values.
 */
class FullDiskOverwriteTest {
  private static final int FLUSHED = 300_000;
  private static final int UPDATED = 200_000;

  @TempDir Path tmp;

  @Test
  void aWriteWhoseJournalAppendFailsCannotBeRetriedNorCommitted() {
    Path dir = tmp.resolve("db");
    FaultyIo io = new FaultyIo();
    try (Database db = Database.open(dir, io)) {
      LongVec values = db.longVec("values", NumberType.I64, VecOptions.DEFAULT);
      for (long i = 0; i < FLUSHED; i++) {
        values.push(i);
      }
      values.flush();
      io.failWhen(call -> call.file().getFileName().toString().equals("journal"), FaultyIo::noSpace);
      for (long i = 0; i < UPDATED; i++) {
        values.update(i, -i - 1);
      }
      assertThatThrownBy(values::write).isInstanceOf(StorageException.class)
          .hasMessageContaining("No space left on device");
      assertThatThrownBy(values::write).as("the retry").isInstanceOf(StorageException.class)
          .hasMessageContaining("failed earlier");
      values.update(UPDATED, 42);
      assertThatThrownBy(values::write).as("a later update + write").isInstanceOf(StorageException.class);
      assertThatThrownBy(db::flush).isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
      assertValues(TestFiles.crashCopy(dir, tmp.resolve("process-crash")));
      assertValues(io.powerLossCopy(dir, tmp.resolve("power-loss")));
    }
    assertValues(dir);
  }

  private static void assertValues(Path dir) {
    try (Database db = Database.open(dir)) {
      LongVec values = db.longVec("values", NumberType.I64, VecOptions.DEFAULT);
      assertThat(values.len()).isEqualTo(FLUSHED);
      for (long i = 0; i < FLUSHED; i++) {
        if (values.get(i) != i) {
          throw new AssertionError("value " + i + " is " + values.get(i) + " after the crash, flushed was " + i);
        }
      }
    }
  }
}
