package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.StorageException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Another process truncates the data file while the database is open and its vectors are mapped: a read of a mapped
 * page past the new end faults in the JVM ({@code SIGBUS}, reported by the JDK as an {@link InternalError}). Every
 * read path must then fail with a {@link CorruptionException} naming the vector and the cause, or return the right
 * value (from memory it already holds); never a wrong value, never a JVM crash, and the database must still close.
 * The one exception: a point read that loads one value of a raw vector, once the JIT compiled it inline, receives the
 * JDK's {@code InternalError} itself, which HotSpot throws at its next safepoint poll after the faulting load (in the
 * caller's code, outside any handler of vecdb's); the next write then finds the truncation all the same.
 */
class TruncatedUnderMappingTest {
  private static final long LEN = 300_000;
  private static final long SUM = LEN * (LEN - 1) / 2;

  @TempDir Path dir;

  /**
   * One read through one path, and the value it must return when it returns; a point read of a raw vector loads
   * one value from the mapping, where compiled code receives the fault late (see the class comment).
   */
  private record Read(String name, ToLongFunction<LongVec> read, long expected, boolean pointRead) {
    Read(String name, ToLongFunction<LongVec> read, long expected) {
      this(name, read, expected, false);
    }
  }

  private static List<Read> reads() {
    long last = LEN - 1;
    long middle = LEN / 2;
    return List.of(
        new Read("vec.get", v -> v.get(last), last, true),
        new Read("vec.fold", v -> v.fold(0, LEN, 0L, Long::sum), SUM),
        new Read("vec.read", v -> {
          long[] out = new long[1000];
          v.read(middle, out, 0, out.length);
          return out[999];
        }, middle + 999),
        new Read("reader.get", v -> {
          try (LongReader r = v.reader()) {
            return r.get(middle + 1);
          }
        }, middle + 1, true),
        new Read("reader.fold", v -> {
          try (LongReader r = v.reader()) {
            return r.fold(0, LEN, 0L, Long::sum);
          }
        }, SUM),
        new Read("snapshot.get", v -> {
          try (LongReader r = v.reader()) {
            return r.snapshot().get(middle + 2);
          }
        }, middle + 2, true),
        new Read("snapshot.sum", v -> {
          try (LongReader r = v.reader()) {
            return r.snapshot().sum();
          }
        }, SUM),
        new Read("cursor", v -> {
          try (LongReader r = v.reader()) {
            return r.getAll(new long[] {3, middle + 3, last})[1];
          }
        }, middle + 3, true),
        new Read("vec.getAll", v -> v.getAll(new long[] {1, middle, last})[2], last, true));
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyReadFailsNamingTheVectorOrReturnsTheRightValue(Format format) throws IOException {
    List<String> failures = new ArrayList<>();
    for (Read read : reads()) {
      Path at = dir.resolve(format + "-" + read.name());
      try (Database db = Database.open(at)) {
        LongVec v = flushedThenTruncated(db, format, at);
        Throwable thrown = catchThrowable(() -> {
          long value = read.read().applyAsLong(v);
          assertThat(value).as("%s returned a value: the right one", read.name()).isEqualTo(read.expected());
        });
        if (thrown instanceof AssertionError wrong) {
          throw wrong;
        }
        boolean reported = thrown instanceof CorruptionException && thrown.getMessage().contains("vector 'v'")
            && thrown.getMessage().contains("truncated");
        // JIT-compiled single loads: HotSpot delivers the fault asynchronously, at its next safepoint poll
        boolean deliveredLate = read.pointRead() && thrown instanceof InternalError
            && thrown.getMessage().contains("unsafe memory access");
        if (thrown != null && !reported && !deliveredLate) {
          failures.add(read.name() + ": " + thrown);
        }
        if (thrown != null) {
          v.push(LEN);
          assertThatThrownBy(v::write).as("a write after %s's fault", read.name())
              .hasMessageContaining("truncated");
        }
      } catch (RuntimeException | Error closing) {
        failures.add(read.name() + " (close): " + closing);
      }
    }
    assertThat(failures).as("reads that failed without naming the vector and the cause").isEmpty();
  }

  /**
   * A truncation is caught before anything is written on top of it: the write that follows fails and fails the
   * database, so no later write can extend the file over the cut-off bytes and no read returns them as zeros.
   */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aWriteAfterTheTruncationFailsTheDatabase(Format format) throws IOException {
    try (Database db = Database.open(dir)) {
      LongVec v = flushedThenTruncated(db, format, dir);
      v.push(LEN);
      // a raw vector fails at the size check before its write, a paged one when it reads its last page to extend it
      assertThatThrownBy(v::write).isInstanceOfAny(StorageException.class, CorruptionException.class)
          .hasMessageContaining("truncated");
      assertThatThrownBy(db::flush).isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
      assertThat(Files.size(dir.resolve("data"))).as("nothing written past the truncation").isEqualTo(4096);
    }
  }

  /** A flush after the truncation fails (and the committed state, past the file's end, is reported at reopen). */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aFlushAfterTheTruncationFails(Format format) throws IOException {
    try (Database db = Database.open(dir)) {
      LongVec v = flushed(db, format);
      v.push(LEN);
      v.write();
      truncate(dir);
      assertThatThrownBy(db::flush).isInstanceOfAny(StorageException.class, CorruptionException.class)
          .hasMessageContaining("truncated");
    }
    assertThatThrownBy(() -> Database.open(dir).close()).isInstanceOf(CorruptionException.class);
  }

  /** After a read faulted, the database is failed: nothing more is written over the truncated file. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void aFaultedReadFailsTheDatabase(Format format) throws IOException {
    try (Database db = Database.open(dir)) {
      LongVec v = flushedThenTruncated(db, format, dir);
      try (LongReader r = v.reader()) {
        assertThatThrownBy(() -> r.fold(0, LEN, 0L, Long::sum)).isInstanceOf(CorruptionException.class)
            .hasMessageContaining("vector 'v'").hasMessageContaining("4096 bytes");
      }
      assertThatThrownBy(db::flush).isInstanceOf(StorageException.class).hasMessageContaining("failed earlier");
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void aReopenReportsTheTruncation(Format format) throws IOException {
    try (Database db = Database.open(dir)) {
      flushed(db, format);
    }
    truncate(dir);
    Throwable thrown = catchThrowable(() -> {
      try (Database db = Database.open(dir)) {
        LongVec v = db.longVec("v", NumberType.U64, VecOptions.of(format));
        assertThat(v.fold(0, v.len(), 0L, Long::sum)).isEqualTo(SUM);
      }
    });
    assertThat(thrown).isInstanceOf(CorruptionException.class)
        .hasMessageContaining("past the end of the 4096-byte data file");
  }

  /** Opens "v" in {@code db}, writes {@link #LEN} values (value = index) and flushes. */
  private static LongVec flushed(Database db, Format format) {
    LongVec v = db.longVec("v", NumberType.U64, VecOptions.of(format));
    for (long i = 0; i < LEN; i++) {
      v.push(i);
    }
    v.write();
    db.flush();
    return v;
  }

  /** Truncates the data file of the database in {@code directory} to one page, as another process could. */
  /** {@link #flushed}, then the data file of {@code directory} (that database's) truncated under it. */
  private static LongVec flushedThenTruncated(Database db, Format format, Path directory) throws IOException {
    LongVec v = flushed(db, format);
    truncate(directory);
    return v;
  }

  private static void truncate(Path directory) throws IOException {
    try (FileChannel data = FileChannel.open(directory.resolve("data"), StandardOpenOption.WRITE)) {
      data.truncate(4096);
    }
  }
}
