package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader's point read of a raw value that the writer is overwriting at that instant is never torn. The writer
 * rewrites one value between all-zero and all-one bits as fast as it can; a reader thread reads it in a loop. A file
 * write is not atomic per value (on Linux x86-64 a load racing the kernel's copy was seen to read
 * {@code ffffffffffff0000} about once per 10^9 reads), so the reader must take the value from the copy the writer
 * kept ({@link Lineage}) when its load raced the overwrite. {@code -Dvecdb.tear.seconds=N} runs longer (2 s per
 * format by default). A snapshot's point reads, racing the same overwrites, are
 * never torn and always return the same value, its state's.
 */
class RawPointReadTearTest {
  private static final long SECONDS = Long.getLong("vecdb.tear.seconds", 2);

  @TempDir Path tmp;

  /** One read of the reader thread: null when right, else what was wrong. */
  private interface RacingRead {
    String read(LongReader reader);
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void aPointReadRacingAnOverwriteIsNeverTorn(Format format) throws InterruptedException {
    raceOverwrites(format, reader -> {
      long v = reader.get(5);
      return v != 0L && v != -1L ? Long.toHexString(v) : null;
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void aSnapshotPointReadRacingOverwritesKeepsItsStatesValue(Format format) throws InterruptedException {
    raceOverwrites(format, reader -> {
      LongReadable snapshot = reader.snapshot();
      long first = snapshot.get(5);
      long again = snapshot.get(5);
      return (first != 0L && first != -1L) || again != first
          ? Long.toHexString(first) + " then " + Long.toHexString(again) : null;
    });
  }

  /**
   * The writer flips value 5 between all-zero and all-one bits, writing each time, for {@link #SECONDS}, while a
   * reader thread runs {@code read} in a loop; asserts that the race happened and that no read was wrong.
   */
  private void raceOverwrites(Format format, RacingRead read) throws InterruptedException {
    try (Database db = Database.open(tmp.resolve("db"))) {
      LongVec vec = db.longVec("v", NumberType.I64, VecOptions.of(format));
      for (int i = 0; i < 64; i++) {
        vec.push(0L);
      }
      vec.write();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong reads = new AtomicLong();
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      try (LongReader reader = vec.reader()) {
        Thread thread = new Thread(() -> {
          long n = 0;
          while (!stop.get()) {
            String error = read.read(reader);
            if (error != null) {
              wrong.add(error);
            }
            n++;
          }
          reads.set(n);
        });
        thread.start();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        long writes = 0;
        while (System.nanoTime() < end) {
          vec.update(5, (writes & 1) == 0 ? -1L : 0L);
          vec.write();
          writes++;
        }
        stop.set(true);
        thread.join();
        assertThat(writes).isGreaterThan(1_000);
        assertThat(reads.get()).isGreaterThan(writes);
        assertThat(wrong).as("wrong reads in " + reads.get() + " reads over " + writes + " overwrites").isEmpty();
      }
    }
  }
}
