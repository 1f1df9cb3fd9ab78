package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Sizes read from the input (count hint, chunk size, dictionary length, lookback state) never drive an allocation
 * beyond what the input or the destination bounds: blobs that claim huge sizes fail fast and allocate little.
 */
class PcoUntrustedSizeTest {
  /** Far below any of the claimed sizes (2^24 values, 2^25 dictionary entries, 2^15 state latents). */
  private static final long ALLOCATION_CAP = 256 * 1024;

  @Test
  void hugeCountHintIsOnlyReported() {
    byte[] empty = new PcoBlobWriter().header(-1L).bits(0, 8).bytes();
    assertThat(new PcoDecoder().readHeader(MemorySegment.ofArray(empty))).isEqualTo(new PcoHeader(null, -1L));
    assertThat(new PcoDecoder().decode(empty, 0, empty.length, PcoNumberType.U64, new long[0], 0)).isZero();
    assertDecodeFails(new PcoBlobWriter().header(-1L).bytes(), "insufficient data");
  }

  @Test
  void chunkLargerThanTheDestinationIsRefusedBeforeDecoding() {
    byte[] blob = new PcoBlobWriter().header(1 << 24).chunk(PcoNumberType.U64, 1 << 24).bytes();
    assertDecodeFails(blob, "does not fit the destination");
  }

  @Test
  void hugeDictionaryWithoutTheBytesIsInsufficientData() {
    byte[] blob = new PcoBlobWriter().header(10).chunk(PcoNumberType.U64, 10)
        .bits(ChunkMeta.DICT, 4).bits((1 << 25) - 1, 25).align().bytes();
    assertDecodeFails(blob, "insufficient data");
  }

  @Test
  void hugeLookbackStateWithoutTheBytesIsInsufficientData() {
    byte[] blob = new PcoBlobWriter().header(10).chunk(PcoNumberType.U64, 10)
        .bits(ChunkMeta.CLASSIC, 4).bits(ChunkMeta.DELTA_LOOKBACK, 4).bits(23, 5).bits(15, 4).bits(0, 1)
        .singleBin(32, 1, 0).singleBin(64, 0, 0).align().bytes();
    assertDecodeFails(blob, "insufficient data");
  }

  private static void assertDecodeFails(byte[] blob, String message) {
    com.sun.management.ThreadMXBean mx = threadMx();
    PcoDecoder decoder = new PcoDecoder();
    long[] dst = new long[16];
    for (int round = 0; round < 3; round++) {
      long before = mx.getCurrentThreadAllocatedBytes();
      assertThatThrownBy(() -> decoder.decode(blob, 0, blob.length, PcoNumberType.U64, dst, 0))
          .isInstanceOf(PcoException.class)
          .hasMessageContaining(message);
      assertThat(mx.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(ALLOCATION_CAP);
    }
  }

  private static com.sun.management.ThreadMXBean threadMx() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
            && mx.isThreadAllocatedMemorySupported(),
        "per-thread allocation counters unavailable");
    return (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  }
}
