package dev.vecdb.codec.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.function.Consumer;
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
    byte[] empty = blob(-1L, w -> w.write(0, 8));
    assertThat(new PcoDecoder().readHeader(MemorySegment.ofArray(empty))).isEqualTo(new PcoHeader(null, -1L));
    assertThat(new PcoDecoder().decode(empty, 0, empty.length, PcoNumberType.U64, new long[0], 0)).isZero();
    assertDecodeFails(blob(-1L, w -> {}), "insufficient data");
  }

  @Test
  void chunkLargerThanTheDestinationIsRefusedBeforeDecoding() {
    byte[] blob = blob(1 << 24, w -> chunkStart(w, 1 << 24));
    assertDecodeFails(blob, "does not fit the destination");
  }

  @Test
  void hugeDictionaryWithoutTheBytesIsInsufficientData() {
    byte[] blob = blob(10, w -> {
      chunkStart(w, 10);
      w.write(ChunkMeta.DICT, 4);
      w.write((1 << 25) - 1, 25);
    });
    assertDecodeFails(blob, "insufficient data");
  }

  @Test
  void hugeLookbackStateWithoutTheBytesIsInsufficientData() {
    byte[] blob = blob(10, w -> {
      chunkStart(w, 10);
      w.write(ChunkMeta.CLASSIC, 4);
      w.write(ChunkMeta.DELTA_LOOKBACK, 4);
      w.write(23, 5);
      w.write(15, 4);
      w.write(0, 1);
      singleBinVar(w, 32, 1);
      singleBinVar(w, 64, 0);
      w.alignZero();
    });
    assertDecodeFails(blob, "insufficient data");
  }

  /** A standalone header with the given count hint and format 4.1, then {@code body}, without termination. */
  private static byte[] blob(long countHint, Consumer<BitWriter> body) {
    BitWriter w = new BitWriter();
    w.reset();
    w.write(0x216f6370L, 32);
    w.write(3, 8);
    w.write(0, 8);
    int p = Math.max(1, 64 - Long.numberOfLeadingZeros(countHint));
    w.write(p - 1, 6);
    w.write(countHint, p);
    w.alignZero();
    w.write(4, 8);
    w.write(1, 8);
    body.accept(w);
    w.alignZero();
    return w.toByteArray();
  }

  private static void chunkStart(BitWriter w, int n) {
    w.write(PcoNumberType.U64.code(), 8);
    w.write(n - 1, 24);
  }

  /** A latent variable with one bin of zero offset bits at {@code lower}. */
  private static void singleBinVar(BitWriter w, int bits, long lower) {
    w.write(0, 4);
    w.write(1, LatentVar.BITS_N_BINS);
    w.write(lower, bits);
    w.write(0, Latents.bitsForOffsetBits(bits));
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
