package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** After every load the input is followed by {@link BitReader#PADDING} zero bytes, whatever was loaded before. */
class BitReaderTest {

  @Test
  void shorterInputAfterLongerOneIsFollowedByZeros() {
    BitReader r = new BitReader();
    byte[] ones = new byte[300];
    Arrays.fill(ones, (byte) -1);
    r.load(ones, 0, 300);
    assertPadded(r, 300);
    r.load(ones, 5, 40);
    assertPadded(r, 40);
    assertThat(r.read(56)).isEqualTo((1L << 56) - 1);
    r.bitPos = 40 * 8 - 8;
    assertThat(r.read(56)).as("a read past the end sees zeros").isEqualTo(0xFF);
    r.load(MemorySegment.ofArray(ones).asSlice(0, 7));
    assertPadded(r, 7);
    r.load(ones, 0, 0);
    assertPadded(r, 0);
  }

  @Test
  void inputThatOutgrowsTheBufferIsFollowedByZeros() {
    BitReader r = new BitReader();
    byte[] ones = new byte[3 * BitReader.PADDING];
    Arrays.fill(ones, (byte) -1);
    r.load(ones, 0, 100);
    r.load(ones, 0, ones.length);
    assertPadded(r, ones.length);
    r.load(ones, 0, 1);
    assertPadded(r, 1);
  }

  private static void assertPadded(BitReader r, int n) {
    for (int i = n; i < n + BitReader.PADDING; i++) {
      assertThat(r.buf[i]).as("byte %s after %s bytes of input", i, n).isZero();
    }
  }
}
