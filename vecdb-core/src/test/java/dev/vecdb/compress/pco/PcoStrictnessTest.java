package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each corruption check of the reference decoder (pco-format.md section 3.9) on a hand-made blob that violates
 * exactly that rule: the decoder reports it as corrupt data (not as insufficient data, not as a wrong decode).
 */
class PcoStrictnessTest {
  private static final long F64_MID = Long.MIN_VALUE;
  private static final long CONV_ZERO_BIAS = Long.MIN_VALUE;
  private static final long CONV_ZERO_WEIGHT = 0x8000_0000L;

  @Test
  void theUnalteredHandMadeBlobDecodes() {
    byte[] blob = classicU64(new PcoBlobWriter().header(4).chunk(PcoNumberType.U64, 4), 0).bytes();
    long[] out = new long[4];
    assertThat(new PcoDecoder().decode(blob, 0, blob.length, PcoNumberType.U64, out, 0)).isEqualTo(4);
    assertThat(out).containsExactly(1, 2, 3, 4);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        violation("bad magic", PcoNumberType.U64, withByte(valid(), 0, 'q'), "magic header"),
        violation("standalone version 4", PcoNumberType.U64, w(4, 0, 4).bytes(), "standalone version 4"),
        violation("format major 5", PcoNumberType.U64, new PcoBlobWriter().header(3, 0, 4, 5).bytes(),
            "format version 5"),
        violation("unknown uniform type", PcoNumberType.U64, w(3, 12, 4).bytes(), "unknown uniform number type"),
        violation("unknown chunk type", PcoNumberType.U64,
            new PcoBlobWriter().header(4).bits(12, 8).bits(3, 24).bytes(), "unknown number type byte 12"),
        violation("chunk type differs from uniform type", PcoNumberType.U64,
            w(3, PcoNumberType.U32.code(), 4).chunk(PcoNumberType.U64, 4).bytes(), "differs from the uniform type"),
        violation("other type than requested", PcoNumberType.I64, valid(), "requested I64"),
        violation("mode 5", PcoNumberType.U64, u64().bits(5, 4).bytes(), "unknown mode 5"),
        violation("IntMult on a float", PcoNumberType.F64, f64().bits(1, 4).bits(7, 64).bytes(),
            "IntMult mode is invalid"),
        violation("IntMult base 0", PcoNumberType.U64, u64().bits(1, 4).bits(0, 64).bytes(), "base must be positive"),
        violation("FloatMult on an integer", PcoNumberType.U64, u64().bits(2, 4).bits(F64_MID + 7, 64).bytes(),
            "FloatMult mode is invalid"),
        violation("FloatMult base +0", PcoNumberType.F64, f64().bits(2, 4).bits(F64_MID, 64).bytes(),
            "must be a normal float"),
        violation("FloatMult base subnormal", PcoNumberType.F64, f64().bits(2, 4).bits(F64_MID | 1, 64).bytes(),
            "must be a normal float"),
        violation("FloatMult base infinite", PcoNumberType.F64,
            f64().bits(2, 4).bits(0x7ff0_0000_0000_0000L ^ F64_MID, 64).bytes(), "must be a normal float"),
        violation("FloatQuant k above the mantissa", PcoNumberType.F64, f64().bits(3, 4).bits(53, 8).bytes(),
            "FloatQuant k 53"),
        violation("FloatQuant on an integer", PcoNumberType.U32,
            new PcoBlobWriter().header(4).chunk(PcoNumberType.U32, 4).bits(3, 4).bits(1, 8).bytes(),
            "FloatQuant mode is invalid"),
        violation("delta variant 4", PcoNumberType.U64, u64().bits(0, 4).bits(4, 4).bytes(),
            "unknown delta encoding 4"),
        violation("consecutive order 0", PcoNumberType.U64, u64().bits(0, 4).bits(1, 4).bits(0, 3).bytes(),
            "order must not be 0"),
        violation("lookback state above the window", PcoNumberType.U64,
            lookback(u64(), 3, 5).bits(0, 1).bytes(), "exceeds window"),
        violation("lookback window above 2^24", PcoNumberType.U64, lookback(u64(), 25, 0).bits(0, 1).bytes(),
            "exceeds 24"),
        violation("conv1 on 64-bit latents", PcoNumberType.U64, conv1(u64(), 0, 1, CONV_ZERO_WEIGHT).bytes(),
            "invalid for 64-bit latents"),
        violation("conv1 quantization too large", PcoNumberType.U8, conv1(u8(), 16, 1, CONV_ZERO_WEIGHT).bytes(),
            "conv1 quantization 16"),
        violation("conv1 accumulator overflow", PcoNumberType.U8, conv1(u8(), 0, 1, CONV_ZERO_WEIGHT + 200).bytes(),
            "could overflow"),
        violation("ANS size log 15", PcoNumberType.U64, classic(u64()).bits(15, 4).bits(2, 15).bytes(),
            "exceeds 14"),
        violation("more bins than ANS states", PcoNumberType.U64, classic(u64()).bits(1, 4).bits(3, 15).bytes(),
            "too small for 3 bins"),
        violation("one bin with a nonzero ANS size log", PcoNumberType.U64,
            classic(u64()).bits(1, 4).bits(1, 15).bytes(), "only 1 bin"),
        violation("offset bits above the latent width", PcoNumberType.U64,
            classic(u64()).singleBin(64, 0, 65).bytes(), "offset bits 65"),
        violation("weights not summing to the table size", PcoNumberType.U64,
            classic(u64()).bits(2, 4).bits(2, 15).bits(0, 2).bits(0, 64).bits(0, 7).bits(0, 2).bits(9, 64)
                .bits(0, 7).bytes(), "weights sum to 2, expected 4"),
        violation("lookback bin lower 0", PcoNumberType.U64,
            lookback(u64(), 3, 0).bits(0, 1).singleBin(32, 0, 0).bytes(), "lookback bin lower 0"),
        violation("lookback beyond the window", PcoNumberType.U64, lookbackBeyondWindow(), "lookback 32 outside"),
        violation("latents without bins", PcoNumberType.U64,
            classic(u64()).bits(0, 4).bits(0, 15).align().align().bits(0, 8).bytes(), "no bins"),
        violation("dictionary index past the dictionary", PcoNumberType.U64, dictIndexPastEnd(),
            "dictionary index 5 >= dictionary length 2"),
        violation("nonzero padding after the size hint", PcoNumberType.U64, withByte(valid(), 7, 0x03),
            "nonzero padding bits after size hint"),
        violation("nonzero padding after the chunk metadata", PcoNumberType.U64,
            classic(u64()).singleBin(64, 0, 64).bits(1, 1).bytes(), "nonzero padding bits after chunk metadata"),
        violation("nonzero padding after the page body", PcoNumberType.U64,
            classicU64(new PcoBlobWriter().header(4).chunk(PcoNumberType.U64, 4), 1).bytes(),
            "nonzero padding bits after page body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void violationIsCorruptData(String rule, PcoNumberType type, byte[] blob, String message) {
    assertThatThrownBy(() -> new PcoDecoder().decode(blob, 0, blob.length, type, PcoTestData.newArray(type, 16), 0))
        .as(rule)
        .isInstanceOf(PcoException.class)
        .hasMessageContaining("corrupt data")
        .hasMessageContaining(message);
  }

  private static Arguments violation(String rule, PcoNumberType type, byte[] blob, String message) {
    return Arguments.of(rule, type, blob, message);
  }

  /** Four u64 values 1..4 in Classic mode, one bin of 3 offset bits; {@code padding} goes into the body padding. */
  private static PcoBlobWriter classicU64(PcoBlobWriter w, int padding) {
    classic(w).singleBin(64, 0, 3).align().align();
    for (int v = 1; v <= 4; v++) {
      w.bits(v, 3);
    }
    return w.bits(padding, 1).align().bits(0, 8);
  }

  private static byte[] valid() {
    return classicU64(new PcoBlobWriter().header(4).chunk(PcoNumberType.U64, 4), 0).bytes();
  }

  private static byte[] withByte(byte[] blob, int index, int value) {
    blob[index] = (byte) value;
    return blob;
  }

  private static PcoBlobWriter w(int version, int uniformType, long countHint) {
    return new PcoBlobWriter().header(version, uniformType, countHint, 4);
  }

  private static PcoBlobWriter u64() {
    return new PcoBlobWriter().header(4).chunk(PcoNumberType.U64, 4);
  }

  private static PcoBlobWriter u8() {
    return new PcoBlobWriter().header(4).chunk(PcoNumberType.U8, 4);
  }

  private static PcoBlobWriter f64() {
    return new PcoBlobWriter().header(4).chunk(PcoNumberType.F64, 4);
  }

  /** Classic mode, no delta encoding. */
  private static PcoBlobWriter classic(PcoBlobWriter w) {
    return w.bits(ChunkMeta.CLASSIC, 4).bits(ChunkMeta.DELTA_NONE, 4);
  }

  /** Classic mode, lookback delta of window 2^windowLog and state 2^stateLog (flag bit not written). */
  private static PcoBlobWriter lookback(PcoBlobWriter w, int windowLog, int stateLog) {
    return w.bits(ChunkMeta.CLASSIC, 4).bits(ChunkMeta.DELTA_LOOKBACK, 4).bits(windowLog - 1, 5).bits(stateLog, 4);
  }

  /** Classic mode, conv1 delta with zero bias and {@code order} copies of the given stored weight. */
  private static PcoBlobWriter conv1(PcoBlobWriter w, int quantization, int order, long weight) {
    w.bits(ChunkMeta.CLASSIC, 4).bits(ChunkMeta.DELTA_CONV1, 4).bits(quantization, 5).bits(CONV_ZERO_BIAS, 64);
    w.bits(order - 1, 5);
    for (int i = 0; i < order; i++) {
      w.bits(weight, 32);
    }
    return w;
  }

  /** Window 16, one state latent; the first stored lookback is 1 + 31 = 32. */
  private static byte[] lookbackBeyondWindow() {
    PcoBlobWriter w = lookback(u64(), 4, 0).bits(0, 1).singleBin(32, 1, 5).singleBin(64, 0, 0).align();
    w.bits(7, 64).align();
    return w.bits(31, 5).bits(0, 5).bits(0, 5).align().bits(0, 8).bytes();
  }

  /** A dictionary of 2 values and every index 5. */
  private static byte[] dictIndexPastEnd() {
    PcoBlobWriter w = u64().bits(ChunkMeta.DICT, 4).bits(2, 25).align().bits(10, 64).bits(20, 64);
    return w.bits(ChunkMeta.DELTA_NONE, 4).singleBin(32, 5, 0).align().align().align().bits(0, 8).bytes();
  }
}
