package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Compression at vecdb's page size (16 KiB of values per standalone blob) against Rust pco 1.0.2's measured bits
 * per value (pco-format.md section 8.2): every dataset must be within 3%.
 */
class PcoCompressionTest {
  private static final int VALUES = 1 << 20;
  private static final double TOLERANCE = 1.03;

  @Test
  void sequentialU64() {
    assertWithin("a sequential u64", PcoNumberType.U64, 0.145, (r, n) -> {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        v[i] = i;
      }
      return v;
    });
  }

  @Test
  void monotoneU64WithGaps() {
    assertWithin("d monotone u64, gaps 1..20", PcoNumberType.U64, 4.54, (r, n) -> {
      long[] v = new long[n];
      long x = 0;
      for (int i = 0; i < n; i++) {
        x += 1 + r.nextInt(20);
        v[i] = x;
      }
      return v;
    });
  }

  @Test
  void f64PricesInCents() {
    assertWithin("b1 f64 prices in cents", PcoNumberType.F64, 5.48, (r, n) -> {
      double[] v = new double[n];
      long cents = 10_000;
      for (int i = 0; i < n; i++) {
        cents += Math.round(r.nextGaussian() * 5);
        v[i] = cents / 100.0;
      }
      return v;
    });
  }

  @Test
  void f64FullPrecisionRandomWalk() {
    assertWithin("b2 f64 random walk", PcoNumberType.F64, 44.15, (r, n) -> {
      double[] v = new double[n];
      double x = 100;
      for (int i = 0; i < n; i++) {
        x += r.nextGaussian() * 0.05;
        v[i] = x;
      }
      return v;
    });
  }

  @Test
  void f32PricesInCents() {
    assertWithin("b3 f32 prices in cents", PcoNumberType.F32, 5.75, (r, n) -> {
      float[] v = new float[n];
      long cents = 10_000;
      for (int i = 0; i < n; i++) {
        cents += Math.round(r.nextGaussian() * 5);
        v[i] = (float) (cents / 100.0);
      }
      return v;
    });
  }

  @Test
  void smallRangeI64() {
    assertWithin("c2 i64 in [-1000, 1000)", PcoNumberType.I64, 11.11, (r, n) -> {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextInt(2000) - 1000;
      }
      return v;
    });
  }

  @Test
  void smallRangeU32() {
    assertWithin("c1 u32 in [0, 100)", PcoNumberType.U32, 6.73, (r, n) -> {
      int[] v = new int[n];
      for (int i = 0; i < n; i++) {
        v[i] = r.nextInt(100);
      }
      return v;
    });
  }

  @Test
  void smallRangeU16() {
    assertWithin("c3 u16 in [0, 16)", PcoNumberType.U16, 4.021, (r, n) -> {
      short[] v = new short[n];
      for (int i = 0; i < n; i++) {
        v[i] = (short) r.nextInt(16);
      }
      return v;
    });
  }

  @Test
  void tenMillionSequentialU64FitIn400Kb() {
    long[] v = new long[10_000_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    PcoEncoder enc = new PcoEncoder();
    long total = 0;
    for (int p = 0; p + 2048 <= v.length; p += 2048) {
      total += enc.encode(PcoNumberType.U64, v, p, 2048).length;
    }
    assertThat(total).isLessThanOrEqualTo(400_000);
  }

  private static void assertWithin(
      String name, PcoNumberType type, double rustBitsPerValue, BiFunction<Random, Integer, Object> gen) {
    Object data = gen.apply(new Random(12345), VALUES);
    int page = 16384 / (type.bits() / 8);
    PcoEncoder enc = new PcoEncoder();
    PcoDecoder dec = new PcoDecoder();
    Object out = PcoTestData.newArray(type, page);
    long bytes = 0;
    for (int p = 0; p < VALUES; p += page) {
      byte[] blob = enc.encode(type, data, p, page);
      bytes += blob.length;
      dec.decode(blob, 0, blob.length, type, out, 0);
      long[] expected = new long[page];
      ArrayIo.load(type, data, p, page, expected);
      assertThat(PcoTestData.bits(type, out, page)).isEqualTo(expected);
    }
    double bitsPerValue = bytes * 8.0 / VALUES;
    System.out.printf("pco compression %-28s %.3f bits/value (Rust 1.0.2: %.3f)%n", name, bitsPerValue,
        rustBitsPerValue);
    assertThat(bitsPerValue).as(name).isLessThanOrEqualTo(rustBitsPerValue * TOLERANCE);
  }
}
