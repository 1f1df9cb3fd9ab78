package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.Internals;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PagedVecTest {
  /** Values of the first page that {@link #writesLargerThanTheBufferKeepEveryValue} sets to 0. */
  private static final int ZEROED = 2048;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void pagesSurviveAppendsTruncationUpdatesRollbackAndReopen(Format format) {
    VecOptions options = VecOptions.of(format).withSavedStampedChanges(4);
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, options);
      for (int i = 0; i < 10; i++) {
        v.push(i);
      }
      assertThat(v.write()).isTrue();
      assertThat(v.write()).isFalse();
      for (int i = 10; i < 20; i++) {
        v.push(i);
      }
      long pageStart = Internals.regions(db).get("v").start();
      assertThat(v.write()).isTrue();
      assertThat(Internals.regions(db).get("v").length()).as("raw tail appended in place").isEqualTo(64 + 20 * 4);
      assertThat(Internals.regions(db).get("v").start()).isEqualTo(pageStart);
      assertThat(v.collect()).hasSize(20).endsWith(19);
      for (int i = 20; i < 4096; i++) {
        v.push(i);
      }
      v.write();
      for (int i = 4096; i < 10_000; i++) {
        v.push(i);
      }
      v.stampedWriteWithChanges(1);
      assertThat(v.sum()).isEqualTo(LongStream.range(0, 10_000).sum());
      v.truncate(5000);
      v.update(100, -100);
      v.push(42);
      v.stampedWriteWithChanges(2);
      db.flush();
      assertThat(v.len()).isEqualTo(5001);
      assertThat(v.get(100)).isEqualTo(-100);
      assertThat(v.get(4999)).isEqualTo(4999);
      assertThat(v.get(5000)).isEqualTo(42);
      try (IntReader r = v.reader()) {
        assertThat(r.len()).isEqualTo(5001);
        assertThat(r.fold(0, 5001, 0, Integer::sum)).isEqualTo(v.fold(0, 5001, 0, Integer::sum));
      }
    }
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, options);
      assertThat(v.len()).isEqualTo(5001);
      assertThat(v.collect(95, 105)).containsExactly(95, 96, 97, 98, 99, -100, 101, 102, 103, 104);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.len()).isEqualTo(10_000);
      assertThat(v.get(100)).isEqualTo(100);
      assertThat(v.get(9999)).isEqualTo(9999);
      v.write();
      db.flush();
      PageTable stored = PageTableFormat.decode(Internals.regions(db).get("v@pages").readAll(), "v", 4096, 4,
          Internals.regions(db).get("v").length());
      assertThat(stored.size()).as("pages in the stored table").isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void corruptPageIsReportedNeverServed(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(format));
      for (long i = 0; i < 5000; i++) {
        v.push(i * 3);
      }
      v.write();
      long offset = Internals.regions(db).get("v").start() + 100;
      db.flush();
      db.close();
      try (var channel = java.nio.channels.FileChannel.open(dir.resolve("data"),
          java.nio.file.StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(new byte[] {0x55}), offset);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(format));
      assertThatThrownBy(() -> v.get(0)).isInstanceOf(CorruptionException.class)
          .hasMessageContaining("vector 'v': page 0");
      assertThat(v.get(4500)).isEqualTo(4500 * 3);
    }
  }

  /**
   * Writes of more pages than the rewrite's 1 MiB buffer holds (incompressible values, about 16 KiB stored per page):
   * a rewrite of every old page whose first page shrinks (the buffer grows past 1 MiB), then pushed pages that go out a
   * buffer at a time. Every value reads back before and after reopening.
   */
  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void writesLargerThanTheBufferKeepEveryValue(Format format) {
    int pages = 150;
    long first = (long) pages * Paged.INTS + 17;
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      pushNoise(v, 0, first);
      v.write();
      for (long i = 0; i < ZEROED; i++) {
        v.update(i, 0);
      }
      v.write();
      assertNoise(v, first);
      pushNoise(v, first, 2 * first);
      v.write();
      db.flush();
      assertNoise(v, 2 * first);
    }
    try (Database db = Database.open(dir)) {
      assertNoise(db.intVec("v", NumberType.I32, VecOptions.of(format)), 2 * first);
    }
  }

  private static int noise(long index) {
    return (int) ((index + 1) * 0x9E3779B97F4A7C15L >>> 29);
  }

  private static void pushNoise(IntVec v, long from, long to) {
    for (long i = from; i < to; i++) {
      v.push(noise(i));
    }
  }

  /** Checks that {@code v} holds {@link #noise} of {@code [0, len)}, with 0 in {@code [0, ZEROED)}. */
  private static void assertNoise(IntVec v, long len) {
    assertThat(v.len()).isEqualTo(len);
    int[] actual = v.collect();
    int[] expected = new int[actual.length];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = i < ZEROED ? 0 : noise(i);
    }
    assertThat(java.util.Arrays.mismatch(actual, expected)).as("first differing index").isEqualTo(-1);
  }
}
