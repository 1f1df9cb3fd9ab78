package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pushed values that span several chunks of the push buffer ({@link PushChunks}): every read path of the writer,
 * updates, truncations into and exactly onto chunk boundaries followed by more pushes (which reuse the chunks'
 * stale bytes), bulk pushes that straddle chunks, rollback that re-pushes a large truncated tail, and a value size
 * that does not divide a MiB, checked against a model array before the write, after it, and after a reopen, on every
 * format.
 */
class PushChunksTest {
  /** u64 values per chunk. */
  private static final int PER_CHUNK = (int) (new PushChunks(8).chunkBytes / 8);

  @TempDir Path dir;

  private static long value(long i) {
    return i * 0x9E3779B97F4A7C15L;
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void pushesAcrossChunksReadTruncateUpdateAndWrite(Format format) {
    VecOptions options = VecOptions.of(format);
    long[] model;
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.U64, options);
      for (long i = 0; i < 5; i++) {
        v.push(value(i));
      }
      v.write();
      // 5 stored, then 2.5 chunks pushed one by one and in a bulk that straddles a boundary
      long[] bulk = LongStream.range(5 + PER_CHUNK, 5 + 2L * PER_CHUNK + PER_CHUNK / 2).map(PushChunksTest::value)
          .toArray();
      for (long i = 5; i < 5 + PER_CHUNK; i++) {
        v.push(value(i));
      }
      v.pushAll(bulk, 0, bulk.length);
      model = LongStream.range(0, 5 + 2L * PER_CHUNK + PER_CHUNK / 2).map(PushChunksTest::value).toArray();
      assertMatches(v, model);
      try (LongReader reader = v.reader()) {
        assertThat(reader.len()).as("pushed values are invisible to readers").isEqualTo(5);
      }

      // updates of pushed values in the first and a later chunk
      int inFirst = 7;
      int inThird = 5 + 2 * PER_CHUNK + 3;
      v.update(inFirst, -1);
      v.update(inThird, -3);
      model[inFirst] = -1;
      model[inThird] = -3;
      assertMatches(v, model);

      // truncate into the second chunk, push again over the stale bytes
      int cut = 5 + PER_CHUNK + 11;
      v.truncate(cut);
      model = Arrays.copyOf(model, cut + PER_CHUNK);
      for (int i = cut; i < model.length; i++) {
        model[i] = ~value(i);
        v.push(model[i]);
      }
      assertMatches(v, model);

      // truncate exactly onto a chunk boundary, then bulk push across the next one
      int boundary = 5 + PER_CHUNK;
      v.truncate(boundary);
      long[] again = LongStream.range(0, PER_CHUNK + 17).map(i -> value(i) ^ 0x55).toArray();
      v.pushAll(again);
      model = Arrays.copyOf(model, boundary + again.length);
      System.arraycopy(again, 0, model, boundary, again.length);
      assertMatches(v, model);

      assertThat(v.write()).isTrue();
      assertMatches(v, model);
      try (LongReader reader = v.reader()) {
        assertMatches(reader, model);
      }

      // a second cycle after the write reuses the kept chunk and allocates new ones
      model = Arrays.copyOf(model, model.length + PER_CHUNK + 1);
      for (int i = model.length - PER_CHUNK - 1; i < model.length; i++) {
        model[i] = value(i) + 1;
        v.push(model[i]);
      }
      assertMatches(v, model);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.U64, options);
      assertMatches(v, model);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void rollbackRestoresATruncatedTailOfSeveralChunks(Format format) {
    VecOptions options = VecOptions.of(format).withSavedStampedChanges(3);
    long[] model = LongStream.range(0, 2L * PER_CHUNK + 99).map(PushChunksTest::value).toArray();
    try (Database db = Database.open(dir)) {
      LongVec v = db.longVec("v", NumberType.U64, options);
      v.pushAll(model);
      v.stampedWriteWithChanges(1);
      v.truncate(10);
      for (int i = 0; i < 3; i++) {
        v.push(-i - 1);
      }
      v.stampedWriteWithChanges(2);
      assertThat(v.len()).isEqualTo(13);
      assertThat(v.rollback()).isEqualTo(1);
      assertThat(v.storedLen()).isEqualTo(10);
      assertMatches(v, model);
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      assertMatches(db.longVec("v", NumberType.U64, options), model);
    }
  }

  @Test
  void aValueSizeThatDoesNotDivideTheChunkNeverStraddlesTwoChunks() {
    int size = 3;
    int perChunk = (int) (new PushChunks(size).chunkBytes / size);
    assertThat(new PushChunks(size).chunkBytes % size).isZero();
    int n = 2 * perChunk + 5;
    try (Database db = Database.open(dir)) {
      var v = db.bytesVec("b", size, VecOptions.of(Format.BYTES));
      for (int i = 0; i < n; i++) {
        v.push(bytes(i));
      }
      for (int i : List.of(0, perChunk - 1, perChunk, perChunk + 1, 2 * perChunk, n - 1)) {
        assertThat(v.get(i)).as("pushed value %d", i).isEqualTo(bytes(i));
      }
      v.update(perChunk, bytes(-1));
      v.write();
      assertThat(v.get(perChunk)).isEqualTo(bytes(-1));
      assertThat(v.get(perChunk - 1)).isEqualTo(bytes(perChunk - 1));
      assertThat(v.get(n - 1)).isEqualTo(bytes(n - 1));
      v.flush();
    }
    try (Database db = Database.open(dir)) {
      var v = db.bytesVec("b", size, VecOptions.of(Format.BYTES));
      assertThat(v.len()).isEqualTo(n);
      assertThat(v.get(2 * perChunk)).isEqualTo(bytes(2 * perChunk));
    }
  }

  @Test
  void aWriteFreesEveryChunkButTheFirstAtOnce() {
    PushChunks chunks = new PushChunks(8);
    MemorySegment first = chunks.ensure(0, chunks.chunkBytes, 0);
    MemorySegment second = chunks.ensure(1, chunks.chunkBytes, 0);
    assertThat(chunks.ensure(1, 8, 0)).as("an existing chunk is reused").isSameAs(second);
    chunks.releaseAllButFirst();
    assertThat(second.scope().isAlive()).as("the later chunk is freed").isFalse();
    assertThat(first.scope().isAlive()).isTrue();
    assertThat(chunks.chunk(0)).isSameAs(first);
    MemorySegment again = chunks.ensure(1, chunks.chunkBytes, 0);
    assertThat(again.scope().isAlive()).as("a new chunk after the release").isTrue();
  }

  @Test
  void theFirstChunkStartsSmallAndDoublesUpToTheChunkSizeKeepingItsBytes() {
    PushChunks chunks = new PushChunks(8);
    MemorySegment small = chunks.ensure(0, 8, 0);
    assertThat(small.byteSize()).isEqualTo(PushChunks.FIRST_BYTES);
    small.set(ValueLayout.JAVA_LONG, 0, 42);
    MemorySegment grown = chunks.ensure(0, PushChunks.FIRST_BYTES + 8, 8);
    assertThat(grown.byteSize()).isEqualTo(2 * PushChunks.FIRST_BYTES);
    assertThat(grown.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(42);
    assertThat(chunks.ensure(0, chunks.chunkBytes, 8).byteSize()).isEqualTo(chunks.chunkBytes);
  }

  private static byte[] bytes(int i) {
    return new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)};
  }

  private static void assertMatches(LongReadable v, long[] model) {
    assertMatches(v, model, v instanceof LongVec vec ? vec.storedLen() : 0);
  }

  /**
   * Every read path agrees with {@code model}, with windows that straddle each chunk boundary of values pushed from
   * {@code origin} on.
   */
  private static void assertMatches(LongReadable v, long[] model, long origin) {
    assertThat(v.len()).isEqualTo(model.length);
    assertThat(v.collect()).isEqualTo(model);
    assertThat(v.fold(0L, Long::sum)).isEqualTo(Arrays.stream(model).sum());
    for (long boundary = origin; boundary - 6 < model.length; boundary += PER_CHUNK) {
      int from = (int) Math.max(0, boundary - 6);
      int to = (int) Math.min(model.length, boundary + 6);
      long[] window = new long[to - from];
      assertThat(v.read(from, window, 0, window.length)).isEqualTo(window.length);
      assertThat(window).isEqualTo(Arrays.copyOfRange(model, from, to));
      assertThat(v.fold(from, to, 0L, Long::sum)).isEqualTo(Arrays.stream(model, from, to).sum());
      for (int i = from; i < to; i++) {
        assertThat(v.get(i)).as("index %d", i).isEqualTo(model[i]);
      }
    }
  }
}
