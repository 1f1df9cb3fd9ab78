package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader's hot paths allocate nothing per value: a point read of a raw vector allocates nothing at all; a scan
 * (fold, bulk read) allocates per operation (its snapshot, a scratch buffer, a page decoder lease), never in
 * proportion to the values it reads, on every format. Measured with the thread's allocation counter, best of several
 * rounds so that warm-up and compilation do not count.
 */
class ReaderAllocationTest {
  private static final int LEN = 200_000;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @TempDir Path dir;
  private long sink;

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void pointReadsOfARawVectorAllocateNothing(Format format) {
    try (Database db = Database.open(dir); LongReader reader = filled(db, format).reader()) {
      assertThat(bytesPer(LEN, round -> {
        long sum = 0;
        for (long i = 0; i < LEN; i++) {
          sum += reader.get((i * 7919) % LEN);
        }
        return sum;
      })).as("bytes per get").isLessThan(0.01);
      assertThat(bytesPer(LEN, round -> {
        long sum = 0;
        for (long i = 0; i < LEN; i++) {
          sum += reader.getOrDefault(i, 0);
        }
        return sum;
      })).as("bytes per getOrDefault").isLessThan(0.01);
    }
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void scansAllocateNothingPerValue(Format format) {
    try (Database db = Database.open(dir); LongReader reader = filled(db, format).reader()) {
      long[] dst = new long[LEN];
      assertThat(bytesPer(LEN, round -> reader.fold(0, LEN, 0L, Long::sum))).as("bytes per folded value")
          .isLessThan(0.5);
      assertThat(bytesPer(LEN, round -> reader.read(0, dst, 0, LEN))).as("bytes per value read").isLessThan(0.5);
    }
  }

  private static LongVec filled(Database db, Format format) {
    LongVec v = db.longVec("v", NumberType.I64, VecOptions.of(format));
    for (long i = 0; i < LEN; i++) {
      v.push(i * 3);
    }
    v.write();
    return v;
  }

  /** Allocated bytes per value of the best of several rounds of {@code op}, each over {@code values} values. */
  private double bytesPer(long values, LongUnaryOperator op) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 12; round++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      sink += op.applyAsLong(round);
      best = Math.min(best, (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) values);
    }
    return best;
  }
}
