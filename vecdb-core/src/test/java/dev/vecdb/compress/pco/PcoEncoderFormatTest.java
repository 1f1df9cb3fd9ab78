package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Byte-level checks of the encoder against the format's worked examples and its own contract. */
class PcoEncoderFormatTest {

  @Test
  void sequentialPageIsByteIdenticalToRust() {
    long[] v = new long[2048];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    byte[] blob = new PcoEncoder().encode(PcoNumberType.U64, v, 0, v.length);
    String expected = "7063 6f21 03 00 0b0002 0401 02 ff0700 10 01 0180 00000000000000 4000"
        + " 0000000000000000 00";
    assertThat(HexFormat.of().formatHex(blob)).isEqualTo(expected.replace(" ", ""));
  }

  @Test
  void emptyInputIsTheTenByteFile() {
    byte[] blob = new PcoEncoder().encode(PcoNumberType.U32, new int[0], 0, 0);
    assertThat(HexFormat.of().formatHex(blob)).isEqualTo("7063 6f21 03 00 00 0401 00".replace(" ", ""));
    assertThat(new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.U32, new int[0], 0)).isZero();
  }

  @Test
  void spreadTableMatchesReference() {
    int[] table = new int[16];
    LatentVar.spread(new int[] {1, 1, 3, 11}, 4, 4, table);
    assertThat(table).containsExactly(0, 3, 2, 3, 2, 3, 3, 3, 3, 1, 3, 2, 3, 3, 3, 3);
  }

  @Test
  void weightQuantisationMatchesReference() {
    int[] w = new int[2];
    assertThat(Weights.quantize(new long[] {77, 100}, 2, 177, 4, w)).isEqualTo(4);
    assertThat(w).containsExactly(7, 9);
    assertThat(Weights.quantize(new long[] {77, 77}, 2, 154, 4, w)).isEqualTo(1);
    assertThat(w).containsExactly(1, 1);
    int[] five = new int[5];
    Weights.quantizeTo(new long[] {2, 3, 6, 5, 1}, 5, 17, 3, five);
    assertThat(five).containsExactly(1, 1, 3, 2, 1);
  }

  @Test
  void pricesInCentsUseFloatMult() {
    double[] v = new double[2048];
    long cents = 10_000;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    for (int i = 0; i < v.length; i++) {
      cents += rnd.nextInt(41) - 20;
      v[i] = cents / 100.0;
    }
    byte[] blob = new PcoEncoder().encode(PcoNumberType.F64, v, 0, v.length);
    int modeByte = blob[15] & 0x0F;
    assertThat(modeByte).as("mode nibble").isEqualTo(ChunkMeta.FLOAT_MULT);
    double[] out = new double[v.length];
    new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.F64, out, 0);
    assertThat(out).isEqualTo(v);
  }

  @Test
  void widenedFloatsUseFloatQuant() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(9);
    double[] v = new double[2048];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (rnd.nextDouble() * 1000);
    }
    byte[] blob = new PcoEncoder().encode(PcoNumberType.F64, v, 0, v.length);
    assertThat(blob[15] & 0x0F).as("mode nibble").isEqualTo(ChunkMeta.FLOAT_QUANT);
    assertThat(blob.length).isLessThan(2048 * 4 + 100);
    double[] out = new double[v.length];
    new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.F64, out, 0);
    assertThat(out).isEqualTo(v);
  }

  @Test
  void commonMultiplesUseIntMult() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
    long[] v = new long[2048];
    for (int i = 0; i < v.length; i++) {
      v[i] = 7 + 1000L * rnd.nextInt(1 << 20);
    }
    byte[] blob = new PcoEncoder().encode(PcoNumberType.I64, v, 0, v.length);
    assertThat(blob[15] & 0x0F).as("mode nibble").isEqualTo(ChunkMeta.INT_MULT);
    assertThat(blob.length).isLessThan(2048 * 21 / 8 + 100);
    long[] out = new long[v.length];
    new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.I64, out, 0);
    assertThat(out).isEqualTo(v);
  }

  @Test
  void mostlyCommonMultiplesUseIntMult() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(13);
    long[] v = new long[2048];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1000L * rnd.nextInt(1 << 20) + (rnd.nextInt(20) == 0 ? rnd.nextInt(1000) : 0);
    }
    byte[] blob = new PcoEncoder().encode(PcoNumberType.U64, v, 0, v.length);
    assertThat(blob[15] & 0x0F).as("mode nibble").isEqualTo(ChunkMeta.INT_MULT);
    long[] out = new long[v.length];
    new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.U64, out, 0);
    assertThat(out).isEqualTo(v);
  }

  @Test
  void encodingIntoAnArrayGivesTheSameBytesWithinTheBound() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    int n = PcoEncoder.MAX_CHUNK + 3;
    long[] sequential = new long[n];
    long[] random = new long[n];
    double[] prices = new double[n];
    long cents = 10_000;
    for (int i = 0; i < n; i++) {
      sequential[i] = i;
      random[i] = rnd.nextLong();
      cents += rnd.nextInt(21) - 10;
      prices[i] = cents / 100.0;
    }
    PcoEncoder enc = new PcoEncoder();
    for (int count : new int[] {0, 1, 2048, n}) {
      checkEncodeInto(enc, PcoNumberType.U64, sequential, count);
      checkEncodeInto(enc, PcoNumberType.U64, random, count);
      checkEncodeInto(enc, PcoNumberType.F64, prices, count);
    }
  }

  private static void checkEncodeInto(PcoEncoder enc, PcoNumberType type, Object values, int count) {
    byte[] expected = enc.encode(type, values, 0, count);
    assertThat((long) expected.length).isLessThanOrEqualTo(PcoEncoder.maxEncodedLength(type, count));
    byte[] dst = new byte[expected.length + 5];
    dst[0] = 42;
    assertThat(enc.encode(type, values, 0, count, dst, 3)).isEqualTo(expected.length);
    assertThat(java.util.Arrays.copyOfRange(dst, 3, 3 + expected.length)).isEqualTo(expected);
    assertThat(dst[0]).isEqualTo((byte) 42);
    byte[] small = new byte[expected.length + 2];
    assertThatThrownBy(() -> enc.encode(type, values, 0, count, small, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(small).containsOnly(0);
  }

  @Test
  void arrayMustMatchTheType() {
    assertThatThrownBy(() -> new PcoEncoder().encode(PcoNumberType.U64, new int[4], 0, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PcoEncoder().encode(PcoNumberType.U32, new int[4], 1, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
