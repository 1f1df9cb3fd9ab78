package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded datasets of every number type and shape survive encode then strict decode bit-exactly. */
class PcoRoundTripPropertyTest {
  private static final int[] SIZES = {0, 1, 2, 3, 4, 7, 8, 9, 255, 256, 257, 511, 513, 1000, 2048, 4096, 16384};
  private static final int SEEDS = 4;

  enum Shape {
    RANDOM,
    SEQUENTIAL,
    SMALL_RANGE,
    CONSTANT,
    EXTREMES,
    RANDOM_WALK,
    MULTIPLES,
    PRICES_WITH_SPECIALS
  }

  static Stream<Arguments> cases() {
    return Stream.of(PcoNumberType.values())
        .flatMap(t -> Stream.of(Shape.values()).map(s -> Arguments.of(t, s)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void roundTrips(PcoNumberType type, Shape shape) {
    PcoEncoder enc = new PcoEncoder();
    PcoDecoder dec = new PcoDecoder();
    for (int size : SIZES) {
      for (int s = 0; s < SEEDS; s++) {
        long seed = ((long) type.ordinal() << 40) ^ ((long) shape.ordinal() << 32) ^ ((long) size << 8) ^ s;
        long[] bits = generate(type, shape, size, new SplittableRandom(seed));
        String label = type + " " + shape + " n=" + size + " seed=" + seed;
        assertRoundTrip(enc, dec, type, bits, label);
      }
    }
  }

  @Test
  void multiChunkAndOffHeapInput() {
    PcoNumberType type = PcoNumberType.I32;
    int n = PcoEncoder.MAX_CHUNK + 1234;
    long[] bits = generate(type, Shape.RANDOM_WALK, n, new SplittableRandom(7));
    byte[] blob = assertRoundTrip(new PcoEncoder(), new PcoDecoder(), type, bits, "multi-chunk seed=7");
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment seg = arena.allocate(blob.length);
      MemorySegment.copy(blob, 0, seg, ValueLayout.JAVA_BYTE, 0, blob.length);
      int[] out = new int[n + 5];
      assertThat(new PcoDecoder().decode(seg, type, out, 5)).isEqualTo(n);
      assertThat(PcoTestData.bits(type, java.util.Arrays.copyOfRange(out, 5, n + 5), n)).isEqualTo(bits);
      assertThat(new PcoDecoder().readHeader(seg)).isEqualTo(new PcoHeader(type, n));
    }
  }

  private static byte[] assertRoundTrip(PcoEncoder enc, PcoDecoder dec, PcoNumberType type, long[] bits, String label) {
    int n = bits.length;
    Object values = PcoTestData.newArray(type, n);
    ArrayIo.store(type, bits, n, values, 0);
    byte[] blob = enc.encode(type, values, 0, n);
    assertThat(new PcoEncoder().encode(type, values, 0, n))
        .as(label + ": deterministic, whatever the encoder encoded before").isEqualTo(blob);
    long rawBytes = (long) n * type.bits() / 8;
    assertThat((long) blob.length).as(label + ": size bound")
        .isLessThanOrEqualTo(rawBytes + 40L * (1 + n / PcoEncoder.MAX_CHUNK));
    Object out = PcoTestData.newArray(type, n);
    assertThat(dec.decode(blob, 0, blob.length, type, out, 0)).as(label).isEqualTo(n);
    assertThat(dec.lastInputLength()).as(label).isEqualTo(blob.length);
    assertThat(PcoTestData.bits(type, out, n)).as(label).isEqualTo(bits);
    return blob;
  }

  /** Raw bit patterns, masked to the type width. */
  static long[] generate(PcoNumberType type, Shape shape, int n, SplittableRandom rnd) {
    int bits = type.bits();
    long mask = Latents.mask(bits);
    long[] out = new long[n];
    long start = rnd.nextLong();
    for (int i = 0; i < n; i++) {
      out[i] = switch (shape) {
        case RANDOM -> rnd.nextLong();
        case SEQUENTIAL -> type.isFloat() ? Latents.fromDouble(start % 1000 + i, type) : start + i;
        case SMALL_RANGE -> type.isFloat()
            ? Latents.fromDouble(rnd.nextInt(16) / 4.0, type)
            : start + rnd.nextInt(100);
        case CONSTANT -> start;
        case EXTREMES -> extreme(type, rnd);
        case RANDOM_WALK -> {
          start += (long) (rnd.nextDouble() * 200 - 100);
          yield type.isFloat() ? Latents.fromDouble(start / 1e3, type) : start;
        }
        case MULTIPLES -> type.isFloat()
            ? Latents.fromDouble(rnd.nextInt(1000) * 0.25, type)
            : (start & 0xF) + 1000L * rnd.nextInt(50);
        case PRICES_WITH_SPECIALS -> {
          start = Math.floorMod(start + rnd.nextInt(11) - 5, 100_000L);
          yield rnd.nextInt(50) == 0 ? extreme(type, rnd)
              : type.isFloat() ? Latents.fromDouble(start / 100.0, type) : start;
        }
      } & mask;
    }
    return out;
  }

  private static long extreme(PcoNumberType type, SplittableRandom rnd) {
    int bits = type.bits();
    long mid = Latents.mid(bits);
    if (!type.isFloat()) {
      long[] ints = {0, 1, -1, mid, mid - 1, mid + 1, Latents.mask(bits)};
      return ints[rnd.nextInt(ints.length)];
    }
    int exp = switch (bits) {
      case 16 -> 5;
      case 32 -> 8;
      default -> 11;
    };
    int man = type.mantissaBits();
    long expAll = ((1L << exp) - 1) << man;
    long sign = rnd.nextBoolean() ? mid : 0;
    return switch (rnd.nextInt(7)) {
      case 0 -> sign | expAll | (1 + rnd.nextLong((1L << man) - 1));
      case 1 -> sign | expAll;
      case 2 -> sign;
      case 3 -> sign | (1 + rnd.nextLong((1L << man) - 1));
      case 4 -> sign | (expAll - (1L << man)) | ((1L << man) - 1);
      case 5 -> sign | 1;
      default -> Latents.fromDouble(rnd.nextDouble() * 1e6 - 5e5, type);
    };
  }
}
