package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A warmed-up decoder allocates nothing per page; a warmed-up encoder allocates only the returned blob, and nothing
 * when it encodes into the caller's array.
 */
class PcoAllocationTest {
  private static final int PAGE = 2048;
  private static final int PAGES = 64;

  @Test
  void steadyStateAllocation() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
            && mx.isThreadAllocatedMemorySupported(),
        "per-thread allocation counters unavailable");
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] prices = new double[PAGE * PAGES];
    long[] seq = new long[PAGE * PAGES];
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    long cents = 10_000;
    for (int i = 0; i < prices.length; i++) {
      cents += rnd.nextInt(21) - 10;
      prices[i] = cents / 100.0;
      seq[i] = i;
    }
    PcoEncoder enc = new PcoEncoder();
    PcoDecoder dec = new PcoDecoder();
    MemorySegment[] blobs = new MemorySegment[PAGES];
    byte[][] seqBlobs = new byte[PAGES][];
    long blobBytes = 0;
    for (int p = 0; p < PAGES; p++) {
      blobs[p] = MemorySegment.ofArray(enc.encode(PcoNumberType.F64, prices, p * PAGE, PAGE));
      seqBlobs[p] = enc.encode(PcoNumberType.U64, seq, p * PAGE, PAGE);
      blobBytes += blobs[p].byteSize() + seqBlobs[p].length;
    }
    byte[] dst = new byte[(int) PcoEncoder.maxEncodedLength(PcoNumberType.F64, PAGE)];
    double[] out = new double[PAGE];
    long[] outSeq = new long[PAGE];
    for (int round = 0; round < 3; round++) {
      long before = mx.getCurrentThreadAllocatedBytes();
      for (int p = 0; p < PAGES; p++) {
        dec.decode(blobs[p], PcoNumberType.F64, out, 0);
        dec.decode(seqBlobs[p], 0, seqBlobs[p].length, PcoNumberType.U64, outSeq, 0);
        dec.decodeBits(seqBlobs[p], 0, seqBlobs[p].length, PcoNumberType.U64, PAGE);
      }
      long decodeBytes = mx.getCurrentThreadAllocatedBytes() - before;
      before = mx.getCurrentThreadAllocatedBytes();
      for (int p = 0; p < PAGES; p++) {
        enc.encode(PcoNumberType.F64, prices, p * PAGE, PAGE);
        enc.encode(PcoNumberType.U64, seq, p * PAGE, PAGE);
      }
      long encodeBytes = mx.getCurrentThreadAllocatedBytes() - before;
      before = mx.getCurrentThreadAllocatedBytes();
      for (int p = 0; p < PAGES; p++) {
        enc.encode(PcoNumberType.F64, prices, p * PAGE, PAGE, dst, 0);
        enc.encode(PcoNumberType.U64, seq, p * PAGE, PAGE, dst, 0);
      }
      long encodeIntoBytes = mx.getCurrentThreadAllocatedBytes() - before;
      if (round == 2) {
        assertThat(decodeBytes).as("decoder bytes allocated for %d pages", 3 * PAGES).isLessThan(3 * PAGES);
        assertThat(encodeBytes).as("encoder bytes beyond the blobs").isLessThan(blobBytes + 64L * 2 * PAGES);
        assertThat(encodeIntoBytes).as("encoder bytes allocated for %d pages into an array", 2 * PAGES)
            .isLessThan(2 * PAGES);
      }
    }
  }
}
