package dev.vecdb.vec;

import static dev.vecdb.vec.Paged.INTS;
import static dev.vecdb.vec.Paged.pushTo;
import static dev.vecdb.vec.Paged.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Readers on other threads while the writer rewrites pages in place (updates of the first page rewrite every page):
 * a reader never fails and never sees a value that was not written; it sees either the old or the new page.
 */
class PagedConcurrentReadTest {
  private static final long LEN = 3L * INTS + 40;
  private static final int REWRITES = 300;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"LZ4", "ZSTD", "PCO"})
  void readersNeverFailWhileTheWriterRewritesPages(Format format) throws Exception {
    try (Database db = Database.open(dir)) {
      IntVec v = db.intVec("v", NumberType.I32, VecOptions.of(format));
      pushTo(v, LEN);
      v.write();
      AtomicBoolean done = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Long>> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          readers.add(pool.submit(() -> readUntil(v, done)));
        }
        for (int round = 1; round <= REWRITES; round++) {
          v.update(0, -round);
          v.update(2L * INTS + 5, -round);
          v.write();
        }
        done.set(true);
        for (Future<Long> reader : readers) {
          assertThat(reader.get()).as("reads made").isPositive();
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** Reads until {@code done}, checking every value against what the writer may have written there. */
  private static long readUntil(IntVec v, AtomicBoolean done) {
    long reads = 0;
    try (IntReader r = v.reader()) {
      while (!done.get() || reads == 0) {
        for (long i : new long[] {0, INTS + 1, 2L * INTS + 5, LEN - 1}) {
          int x = r.get(i);
          boolean rewritten = i == 0 || i == 2L * INTS + 5;
          assertThat(x == value(i) || (rewritten && x < 0 && x >= -REWRITES)).as("value at %d: %d", i, x).isTrue();
        }
        assertThat(r.fold(INTS, 2L * INTS, 0, Integer::sum)).isEqualTo(sum(INTS, 2L * INTS));
        reads++;
      }
    }
    return reads;
  }

  private static int sum(long from, long to) {
    int total = 0;
    for (long i = from; i < to; i++) {
      total += value(i);
    }
    return total;
  }
}
