package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Truncated, corrupted and random inputs only ever fail with a {@link PcoException}, never hang or crash. */
@Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PcoRobustnessTest {
  /**
   * CPU time of the decoding thread per input: a decode that returns after spinning longer fails the test, while a
   * loaded machine that leaves the thread waiting for a core (wall time) does not; a decode that never returns is
   * caught by the class's timeout.
   */
  private static final long MAX_NANOS_PER_INPUT = 2_000_000_000L;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  static Stream<Path> allFiles() {
    List<Path> files = new ArrayList<>(PcoTestData.list("official", ".pco"));
    files.addAll(PcoTestData.list("rust-1.0.2", ".pco"));
    return files.stream();
  }

  private static PcoNumberType typeOf(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("v")
        ? PcoOfficialVectors.forFile(name).type()
        : PcoTestData.typeOf(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void everyTruncatedPrefixIsInsufficientData(Path file) {
    byte[] src = PcoTestData.bytes(file);
    PcoNumberType type = typeOf(file);
    PcoDecoder dec = new PcoDecoder();
    Object dst = PcoTestData.newArray(type, 20_000);
    for (int len = 0; len < src.length; len++) {
      int l = len;
      assertThatThrownBy(() -> dec.decode(src, 0, l, type, dst, 0))
          .as("prefix of %d bytes", l)
          .isInstanceOf(PcoException.class)
          .hasMessageContaining("insufficient data");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFiles")
  void byteFlipsFailCleanlyOrDecode(Path file) {
    byte[] src = PcoTestData.bytes(file);
    PcoNumberType type = typeOf(file);
    long seed = file.getFileName().toString().hashCode();
    SplittableRandom rnd = new SplittableRandom(seed);
    PcoDecoder dec = new PcoDecoder();
    Object dst = PcoTestData.newArray(type, 20_000);
    int trials = Math.min(300, 20 * src.length);
    for (int t = 0; t < trials; t++) {
      byte[] bad = src.clone();
      int flips = 1 + rnd.nextInt(3);
      for (int f = 0; f < flips; f++) {
        int pos = rnd.nextInt(bad.length);
        bad[pos] ^= (byte) (1 << rnd.nextInt(8));
        if (rnd.nextInt(4) == 0) {
          bad[pos] = (byte) rnd.nextInt(256);
        }
      }
      decodeCleanly(dec, bad, type, dst, "seed " + seed + " trial " + t);
    }
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> encodedCases() {
    return Stream.of(PcoNumberType.values())
        .flatMap(t -> Stream.of(PcoRoundTripPropertyTest.Shape.values())
            .map(s -> org.junit.jupiter.params.provider.Arguments.of(t, s)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("encodedCases")
  void corruptedJavaEncodedBlobsFailCleanly(PcoNumberType type, PcoRoundTripPropertyTest.Shape shape) {
    long seed = type.ordinal() * 31L + shape.ordinal();
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] bits = PcoRoundTripPropertyTest.generate(type, shape, 700, rnd);
    Object values = PcoTestData.newArray(type, bits.length);
    ArrayIo.store(type, bits, bits.length, values, 0);
    byte[] src = new PcoEncoder().encode(type, values, 0, bits.length);
    PcoDecoder dec = new PcoDecoder();
    Object dst = PcoTestData.newArray(type, 2000);
    for (int len = 0; len < src.length; len += 1 + len / 64) {
      int l = len;
      assertThatThrownBy(() -> dec.decode(src, 0, l, type, dst, 0))
          .as("seed %d prefix of %d bytes", seed, l)
          .isInstanceOf(PcoException.class)
          .hasMessageContaining("insufficient data");
    }
    for (int t = 0; t < 100; t++) {
      byte[] bad = src.clone();
      int pos = rnd.nextInt(bad.length);
      bad[pos] ^= (byte) (1 << rnd.nextInt(8));
      decodeCleanly(dec, bad, type, dst, "seed " + seed + " trial " + t);
    }
  }

  @Test
  void truncatedWrappedDataIsInsufficientData() {
    byte[] src = PcoTestData.bytes(PcoTestData.dir().resolve("rust-1.0.2").resolve("wrapped_i64_pages_300_700.bin"));
    PcoDecoder dec = new PcoDecoder();
    long[] dst = new long[1000];
    for (int len = 0; len < src.length; len++) {
      MemorySegment prefix = MemorySegment.ofArray(src).asSlice(0, len);
      assertThatThrownBy(() -> dec.decodeWrapped(prefix, PcoNumberType.I64, new int[] {300, 700}, dst, 0))
          .isInstanceOf(PcoException.class)
          .hasMessageContaining("insufficient data");
    }
  }

  @Test
  void randomGarbageFailsCleanly() {
    long seed = 42;
    SplittableRandom rnd = new SplittableRandom(seed);
    PcoDecoder dec = new PcoDecoder();
    PcoNumberType[] types = PcoNumberType.values();
    for (int t = 0; t < 3000; t++) {
      PcoNumberType type = types[rnd.nextInt(types.length)];
      byte[] bad = new byte[rnd.nextInt(200)];
      for (int i = 0; i < bad.length; i++) {
        bad[i] = (byte) rnd.nextInt(256);
      }
      if (bad.length >= 8 && rnd.nextBoolean()) {
        byte[] head = {0x70, 0x63, 0x6f, 0x21, 3, (byte) (rnd.nextBoolean() ? 0 : type.code())};
        System.arraycopy(head, 0, bad, 0, head.length);
        if (rnd.nextBoolean() && bad.length > 10) {
          bad[6] = 0;
          bad[7] = 4;
          bad[8] = 1;
          bad[9] = (byte) type.code();
        }
      }
      decodeCleanly(dec, bad, type, PcoTestData.newArray(type, 1 << 12), "seed " + seed + " trial " + t);
    }
  }

  @Test
  void wrongRequestedTypeIsCorruption() {
    Path file = PcoTestData.dir().resolve("rust-1.0.2").resolve("random_u64.pco");
    byte[] src = PcoTestData.bytes(file);
    assertThatThrownBy(() -> new PcoDecoder().decode(src, 0, src.length, PcoNumberType.I64, new long[5000], 0))
        .isInstanceOf(PcoException.class);
    assertThatThrownBy(() -> new PcoDecoder().decode(src, 0, src.length, PcoNumberType.U64, new long[10], 0))
        .isInstanceOf(PcoException.class);
    assertThat(new PcoDecoder().readHeader(MemorySegment.ofArray(src)).numberType()).isEqualTo(PcoNumberType.U64);
  }

  private static void decodeCleanly(PcoDecoder dec, byte[] bad, PcoNumberType type, Object dst, String label) {
    long start = CPU.getCurrentThreadCpuTime();
    try {
      dec.decode(bad, 0, bad.length, type, dst, 0);
    } catch (PcoException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    } catch (RuntimeException | Error e) {
      fail(label + ": unexpected " + e + " for input " + Arrays.toString(bad), e);
    }
    assertThat(CPU.getCurrentThreadCpuTime() - start).as(label + ": decode CPU time").isLessThan(MAX_NANOS_PER_INPUT);
  }
}
