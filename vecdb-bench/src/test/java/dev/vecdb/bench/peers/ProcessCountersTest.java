package dev.vecdb.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class ProcessCountersTest {

  @Test
  void touchingFreshMemoryCountsMinorFaults() {
    assumeTrue(ProcessCounters.minorFaults() >= 0, "no /proc/self/stat on this system");
    long size = 16 << 20;
    try (Arena arena = Arena.ofConfined()) {
      ProcessCounters.Mark mark = ProcessCounters.Mark.now();
      MemorySegment fresh = arena.allocate(size); // zero-filled: every page is touched
      fresh.set(java.lang.foreign.ValueLayout.JAVA_BYTE, size - 1, (byte) 1);
      // at least one fault per 2 MiB even where transparent huge pages back the allocation, one per 4 KiB otherwise
      assertThat(mark.faultsSince()).isGreaterThanOrEqualTo(size >> 21);
      assertThat(mark.elapsedNanos()).isPositive();
    }
    assertThat(ProcessCounters.load1()).isGreaterThanOrEqualTo(0);
  }
}
