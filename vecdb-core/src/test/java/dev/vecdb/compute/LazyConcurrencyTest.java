package dev.vecdb.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy and cached vectors read on other threads while the writer appends to their sources. */
class LazyConcurrencyTest {
  private static final int BATCHES = 200;
  private static final int BATCH = 500;

  @TempDir Path dir;

  @Test
  void readersOnOtherThreadsSeeConsistentPrefixes() throws Exception {
    try (Database db = Database.open(dir)) {
      LongVec a = db.longVec("a", NumberType.I64, VecOptions.DEFAULT);
      LongVec b = db.longVec("b", NumberType.I64, VecOptions.DEFAULT);
      try (LongReader ra = a.reader(); LongReader rb = b.reader();
          ExecutorService threads = Executors.newFixedThreadPool(2)) {
        LazyLongFrom sum = LazyLongFrom.plus("sum", 0, LazyLongSource.of(ra), LazyLongSource.of(rb));
        CachedLongVec cached = CachedLongVec.wrap(sum);
        Future<Long> lazyReads = threads.submit(() -> readUntilComplete(sum));
        Future<Long> cachedReads = threads.submit(() -> readUntilComplete(cached));
        try {
          for (int batch = 0; batch < BATCHES; batch++) {
            for (int k = 0; k < BATCH; k++) {
              long i = (long) batch * BATCH + k;
              a.push(i);
              b.push(2 * i);
            }
            a.write();
            b.write();
          }
        } catch (RuntimeException | Error e) {
          lazyReads.cancel(true);
          cachedReads.cancel(true);
          throw e;
        }
        assertThat(lazyReads.get()).isPositive();
        assertThat(cachedReads.get()).isPositive();
        assertThat(cached.collect()).hasSize(BATCHES * BATCH);
      }
    }
  }

  /**
   * Reads every value until the whole series is there (or the writer failed); each read must be a prefix of
   * {@code 3 * i}.
   */
  private static long readUntilComplete(LazyLongVec vector) {
    long reads = 0;
    long seen = 0;
    while (seen < BATCHES * BATCH && !Thread.currentThread().isInterrupted()) {
      long[] values = vector.collect();
      assertThat((long) values.length).as("the length never shrinks").isGreaterThanOrEqualTo(seen);
      for (int i = 0; i < values.length; i++) {
        if (values[i] != 3L * i) {
          throw new AssertionError("value " + values[i] + " at " + i + " of " + values.length);
        }
      }
      seen = values.length;
      reads++;
    }
    return reads;
  }
}
