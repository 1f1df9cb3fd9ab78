package dev.vecdb.store;

import static dev.vecdb.TestFiles.crashCopy;
import static dev.vecdb.TestFiles.filled;
import static dev.vecdb.TestFiles.pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.StorageException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13 item 4: every way a journal append can fail — a full disk on the record, on its seal, a failed
 * {@code fsync}, an {@link OutOfMemoryError} or any runtime error from underneath — fails the store for good. The
 * range is never marked as journaled, a retry is refused instead of overwriting flushed bytes without an undo record,
 * a later flush cannot commit the failed write, and a crash (of the process or of the machine) or a reopen shows
 * exactly the last flush.
 */
class JournalFailureTest {
  private static final int FLUSHED = 300_000;

  @TempDir Path tmp;

  static Stream<Arguments> failures() {
    Function<FaultyIo.Call, Throwable> noSpace = FaultyIo::noSpace;
    Function<FaultyIo.Call, Throwable> ioError = FaultyIo::ioError;
    Function<FaultyIo.Call, Throwable> outOfMemory = call -> new OutOfMemoryError("Java heap space (injected)");
    Function<FaultyIo.Call, Throwable> arithmetic = call -> new ArithmeticException("integer overflow (injected)");
    return Stream.of(
        Arguments.of("ENOSPC on the record's payload", "write", 1, noSpace),
        Arguments.of("ENOSPC on the record's header", "write", 2, noSpace),
        Arguments.of("EIO from the record's fsync", "force", 1, ioError),
        Arguments.of("ENOSPC on the seal", "write", 3, noSpace),
        Arguments.of("OutOfMemoryError", "write", 1, outOfMemory),
        Arguments.of("ArithmeticException", "write", 1, arithmetic));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFailedAppendFailsTheStoreAndNothingUnflushedSurvives(String what, String kind, int nth,
      Function<FaultyIo.Call, Throwable> failure) {
    Path db = tmp.resolve("db");
    FaultyIo io = new FaultyIo();
    byte[] flushed = pattern(FLUSHED, 1);
    RegionStore store = RegionStore.open(db, io);
    try {
      Region values = store.createIfNeeded("values");
      values.append(flushed);
      store.flush();
      int[] seen = new int[1];
      io.failWhen(call -> call.file().getFileName().toString().equals("journal") && call.kind().equals(kind)
          && ++seen[0] == nth, failure);

      Throwable first = catchAny(() -> values.writeAt(0, filled(200_000, 0x77)));
      assertThat(io.failed()).as("the fault was injected").isNotNull();
      assertThat(first).isNotNull();
      if (!(first instanceof Error)) {
        assertThat(first).isInstanceOf(StorageException.class).hasMessageContaining(db.toString());
      }
      assertThatThrownBy(() -> values.writeAt(0, filled(200_000, 0x77))).as("the retry is refused")
          .isInstanceOf(StorageException.class).hasMessageContaining("failed earlier")
          .hasMessageContaining(first.getMessage());
      assertThatThrownBy(() -> values.writeAt(10, new byte[] {1})).isInstanceOf(StorageException.class);
      assertThatThrownBy(store::flush).as("a flush cannot commit the failed write")
          .isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
      assertThat(regionAfterOpen(crashCopy(db, tmp.resolve("process-crash")))).as("process crash")
          .isEqualTo(flushed);
      assertThat(regionAfterOpen(io.powerLossCopy(db, tmp.resolve("power-loss")))).as("power loss")
          .isEqualTo(flushed);
    } finally {
      store.close();
    }
    assertThat(regionAfterOpen(db)).as("reopen").isEqualTo(flushed);
  }

  private static byte[] regionAfterOpen(Path dir) {
    try (RegionStore store = RegionStore.open(dir)) {
      return store.get("values").readAll();
    }
  }

  private static Throwable catchAny(Runnable action) {
    try {
      action.run();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }
}
