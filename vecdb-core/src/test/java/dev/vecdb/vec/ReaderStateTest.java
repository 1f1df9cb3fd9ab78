package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.codec.ValueCodec;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader's multi-value read that is in progress while the writer changes the vector finishes on the state it
 * started with: deterministic interleavings (the read is paused at a chosen index while the writer truncates into
 * the next page, rewrites pages, updates, appends and writes), on every format.
 */
class ReaderStateTest {
  /** {@code u64} values per page of a paged vector. */
  private static final int PER_PAGE = Paging.PAGE_BYTES / 8;
  private static final long LEN = 3_000;
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** Issue 13 item 1: the read must end, and read the values it started with. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void forEachPausedAtAPageEndSurvivesATruncationIntoTheNextPage(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = filled(db, format);
      try (LongReader reader = v.reader()) {
        PausedRead read = new PausedRead(PER_PAGE - 1);
        List<Long> seen = read.run(() -> reader.forEach(0, LEN, read::record), () -> {
          v.truncate(PER_PAGE + 2);
          v.write();
        });
        assertThat(seen).as("every value of the state the read started with").containsExactlyElementsOf(state(0));
        assertThat(reader.len()).isEqualTo(PER_PAGE + 2);
      }
    }
  }

  /** Issue 13 item 2: a rewrite of every page, an update and new values over truncated ones are not seen. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void rangedReadsFinishOnTheirStateWhateverTheWriterDoes(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = filled(db, format);
      try (LongReader reader = v.reader()) {
        PausedRead forEach = new PausedRead(5);
        assertThat(forEach.run(() -> reader.forEach(0, LEN, forEach::record), () -> rewriteEverything(v, 1)))
            .containsExactlyElementsOf(state(0));
        PausedRead fold = new PausedRead(PER_PAGE + 7);
        assertThat(fold.run(() -> reader.fold(0, LEN, 0L, (acc, x) -> {
          fold.record(Tagged.index(x), x);
          return acc;
        }), () -> rewriteEverything(v, 2))).as("fold of the state before the second rewrite")
            .containsExactlyElementsOf(state(1));
        assertThat(reader.collect()).containsExactly(state(2).stream().mapToLong(Long::longValue).toArray());
      }
    }
  }

  /** Cursors, streams, snapshots and exports outlive any number of writes and keep reading their state. */
  @ParameterizedTest
  @EnumSource(Format.class)
  void cursorsStreamsAndSnapshotsReadOneState(Format format) {
    try (Database db = Database.open(dir)) {
      LongVec v = filled(db, format);
      try (LongReader reader = v.reader()) {
        LongCursor cursor = reader.cursor(0, LEN);
        PrimitiveIterator.OfLong stream = reader.stream().iterator();
        LongReadable snapshot = reader.snapshot();
        String json = reader.toJson(0, LEN);
        String csv = reader.toCsv(0, LEN);
        List<Long> fromCursor = new ArrayList<>();
        List<Long> fromStream = new ArrayList<>();
        for (int round = 1; cursor.hasNext(); round++) {
          for (int k = 0; k < 700 && cursor.hasNext(); k++) {
            fromCursor.add(cursor.nextLong());
            fromStream.add(stream.nextLong());
          }
          rewriteEverything(v, round);
        }
        assertThat(fromCursor).containsExactlyElementsOf(state(0));
        assertThat(fromStream).containsExactlyElementsOf(state(0));
        assertThat(stream.hasNext()).isFalse();
        assertThat(snapshot.len()).isEqualTo(LEN);
        assertThat(snapshot.toJson(0, LEN)).as("export of the snapshot after the writes").isEqualTo(json);
        assertThat(snapshot.toCsv(0, LEN)).isEqualTo(csv);
        assertThat(json).startsWith("[" + Long.toUnsignedString(Tagged.of(0, 0)) + ",");
        assertThat(snapshot.collect()).containsExactly(state(0).stream().mapToLong(Long::longValue).toArray());
        assertThat(reader.toJson(0, 2)).as("a new read sees the latest state")
            .isEqualTo("[" + Long.toUnsignedString(v.get(0)) + "," + Long.toUnsignedString(v.get(1)) + "]");
        assertThat(v.get(0)).isNotEqualTo(Tagged.of(0, 0));
      }
    }
  }

  /** The object readers too: a paused forEach and an export of byte arrays keep their state through rewrites. */
  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY", "LZ4", "ZSTD"})
  void objectReadersReadOneState(Format format) {
    try (Database db = Database.open(dir)) {
      ObjVec<byte[]> v = db.objVec("bytes", ValueCodec.bytes(16), VecOptions.of(format));
      int perPage = Paging.PAGE_BYTES / 16;
      long len = perPage + 500;
      for (long i = 0; i < len; i++) {
        v.push(bytes(i, 0));
      }
      v.write();
      try (ObjReader<byte[]> reader = v.reader()) {
        ObjReadable<byte[]> snapshot = reader.snapshot();
        String json = reader.toJson(0, len);
        PausedRead read = new PausedRead(perPage - 1);
        List<Long> seen = read.run(
            () -> reader.forEach(0, len, (i, x) -> read.record(i, ByteBuffer.wrap(x).getLong(8))), () -> {
              v.update(0, bytes(0, 1));
              v.truncate(perPage + 3);
              for (long i = v.len(); i < len; i++) {
                v.push(bytes(i, 1));
              }
              v.write();
            });
        assertThat(seen).containsExactlyElementsOf(LongStream.range(0, len).map(i -> i * 1_000).boxed().toList());
        assertThat(snapshot.toJson(0, len)).isEqualTo(json);
        assertThat(ByteBuffer.wrap(reader.get(0)).getLong(8)).as("a new read sees the update").isEqualTo(1);
      }
    }
  }

  /** 16 bytes: the index, then {@code index * 1000 + generation}. */
  private static byte[] bytes(long index, long generation) {
    return ByteBuffer.allocate(16).putLong(index).putLong(index * 1_000 + generation).array();
  }

  /**
   * A read on another thread that pauses when it delivers a chosen index, while this thread changes the vector; it
   * must then finish within the deadline (a read that spins fails the test).
   */
  private static final class PausedRead {
    private final long pauseAt;
    private final List<Long> seen = new ArrayList<>();
    private final CountDownLatch paused = new CountDownLatch(1);
    private final CountDownLatch resume = new CountDownLatch(1);

    PausedRead(long pauseAt) {
      this.pauseAt = pauseAt;
    }

    /** Called by the read for every value it delivers. */
    void record(long index, long value) {
      seen.add(value);
      if (index == pauseAt) {
        paused.countDown();
        try {
          if (!resume.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("never resumed");
          }
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
    }

    /** Runs {@code read} on another thread and {@code writer} here while it is paused; returns what it read. */
    List<Long> run(Runnable read, Runnable writer) {
      Thread reader = Thread.ofPlatform().daemon().name("paused-read").start(read);
      return assertTimeoutPreemptively(DEADLINE, () -> {
        assertThat(paused.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("the read reached its pause").isTrue();
        writer.run();
        resume.countDown();
        reader.join();
        return seen;
      }, () -> "the read did not end: " + Arrays.toString(reader.getStackTrace()));
    }
  }

  private static LongVec filled(Database db, Format format) {
    LongVec v = db.longVec("v", NumberType.U64, VecOptions.of(format).withSavedStampedChanges(2));
    for (long i = 0; i < LEN; i++) {
      v.push(Tagged.of(i, 0));
    }
    v.write();
    return v;
  }

  /** The values after {@code rewriteEverything(v, generation)} (0: as filled). */
  private static List<Long> state(long generation) {
    return LongStream.range(0, LEN)
        .mapToObj(i -> Tagged.of(i, i == 0 || i >= PER_PAGE - 1 ? generation : 0)).toList();
  }

  /**
   * Updates index 0 (a paged vector rewrites every page), truncates into the second page, pushes new values over
   * the truncated ones back to {@link #LEN}, writes.
   */
  private static void rewriteEverything(LongVec v, long generation) {
    v.update(0, Tagged.of(0, generation));
    v.truncate(PER_PAGE - 1);
    for (long i = v.len(); i < LEN; i++) {
      v.push(Tagged.of(i, generation));
    }
    v.write();
  }
}
