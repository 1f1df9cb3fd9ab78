package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/**
 * Once compiled, a record codec allocates nothing to write, compare or format a value, and nothing but the record to
 * read one. Measured with the thread's allocation counter; the best of several rounds is taken so that warm-up and
 * compilation do not count.
 */
class AllocationTest {
  public record Tick(double price, @Unsigned long volume, int venue, short kind, byte flags, boolean buy, float fee) {}

  private static final ValueCodec<Tick> CODEC = ValueCodec.record(Tick.class);
  private static final int OPS = 200_000;
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Tick tick = new Tick(1.5, -1L, 7, (short) 3, (byte) 1, true, 0.25f);
  private final MemorySegment segment = Arena.ofAuto().allocate(CODEC.size() * 1024L);
  private final StringBuilder out = new StringBuilder(1024);
  private long sink;

  private static long offset(int i) {
    return (i & 1023) * (long) CODEC.size();
  }

  private static double bytesPerOp(IntConsumer op) {
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < OPS; i++) {
        op.accept(i);
      }
      best = Math.min(best, (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) OPS);
    }
    return best;
  }

  @Test
  void writeCompareAndFormatAllocateNothing() {
    assertThat(bytesPerOp(i -> CODEC.write(tick, segment, offset(i), ByteOrder.LITTLE_ENDIAN))).isLessThan(0.1);
    assertThat(bytesPerOp(i -> sink += CODEC.compare(tick, tick))).isLessThan(0.1);
    assertThat(bytesPerOp(i -> {
      out.setLength(0);
      CODEC.appendCsv(tick, out);
      CODEC.appendJson(tick, out);
    })).isLessThan(0.1);
  }

  @Test
  void readAllocatesOnlyTheRecord() {
    CODEC.write(tick, segment, 0, ByteOrder.LITTLE_ENDIAN);
    double perRead = bytesPerOp(i -> sink += CODEC.read(segment, 0, ByteOrder.LITTLE_ENDIAN).venue());
    assertThat(perRead).isLessThanOrEqualTo(56);
  }
}
