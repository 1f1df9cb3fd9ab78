package dev.vecdb.compress.pco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every official and Rust-made test vector decodes bit-exactly and consumes the whole file. */
class PcoDecoderVectorsTest {

  static Stream<Path> officialFiles() {
    return PcoTestData.list("official", ".pco").stream();
  }

  static Stream<Path> rustFiles() {
    return PcoTestData.list("rust-1.0.2", ".pco").stream();
  }

  @Test
  void everyTestVectorIsPresentWithItsExpectedValues() {
    assertThat(officialFiles().map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrderElementsOf(PcoOfficialVectors.FILES);
    List<Path> rust = rustFiles().toList();
    assertThat(rust).as("Rust 1.0.2 files").hasSizeGreaterThanOrEqualTo(24);
    assertThat(rust).allSatisfy(p -> assertThat(p.resolveSibling(p.getFileName().toString().replace(".pco", ".txt")))
        .as("expected values of %s", p.getFileName()).isRegularFile());
    Stream<PcoNumberType> officialTypes =
        PcoOfficialVectors.FILES.stream().map(f -> PcoOfficialVectors.forFile(f).type());
    assertThat(Stream.concat(officialTypes, rust.stream().map(PcoTestData::typeOf)).distinct())
        .as("number types covered").containsExactlyInAnyOrder(PcoNumberType.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("officialFiles")
  void officialFileDecodesExactly(Path file) {
    PcoOfficialVectors.Expected exp = PcoOfficialVectors.forFile(file.getFileName().toString());
    assertDecodes(PcoTestData.bytes(file), exp.type(), exp.bits());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rustFiles")
  void rustFileDecodesExactly(Path file) {
    PcoNumberType type = PcoTestData.typeOf(file);
    Path txt = file.resolveSibling(file.getFileName().toString().replace(".pco", ".txt"));
    assertDecodes(PcoTestData.bytes(file), type, PcoTestData.expected(txt, type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rustFiles")
  void roundTripOfDecodedValues(Path file) {
    PcoNumberType type = PcoTestData.typeOf(file);
    byte[] src = PcoTestData.bytes(file);
    PcoDecoder dec = new PcoDecoder();
    Object values = PcoTestData.newArray(type, 20_000);
    int n = dec.decode(src, 0, src.length, type, values, 0);
    byte[] again = new PcoEncoder().encode(type, values, 0, n);
    Object back = PcoTestData.newArray(type, n);
    assertThat(dec.decode(again, 0, again.length, type, back, 0)).isEqualTo(n);
    assertThat(PcoTestData.bits(type, back, n)).isEqualTo(PcoTestData.bits(type, values, n));
  }

  @Test
  void wrappedPagesDecode() {
    Path dir = PcoTestData.dir().resolve("rust-1.0.2");
    byte[] src = PcoTestData.bytes(dir.resolve("wrapped_i64_pages_300_700.bin"));
    long[] expected = PcoTestData.expected(dir.resolve("wrapped_i64_pages_300_700.txt"), PcoNumberType.I64);
    long[] out = new long[1000];
    PcoDecoder dec = new PcoDecoder();
    int n = dec.decodeWrapped(MemorySegment.ofArray(src), PcoNumberType.I64, new int[] {300, 700}, out, 0);
    assertThat(n).isEqualTo(1000);
    assertThat(out).isEqualTo(expected);
    assertThat(dec.lastInputLength()).isEqualTo(src.length);
  }

  private static void assertDecodes(byte[] src, PcoNumberType type, long[] expected) {
    PcoDecoder dec = new PcoDecoder();
    Object out = PcoTestData.newArray(type, expected.length + 10);
    int n = dec.decode(src, 0, src.length, type, out, 0);
    assertThat(n).isEqualTo(expected.length);
    assertThat(PcoTestData.bits(type, out, n)).isEqualTo(expected);
    assertThat(dec.lastInputLength()).as("consumed bytes").isEqualTo(src.length);
    assertThat(dec.readHeader(MemorySegment.ofArray(src)).numberType()).isIn(type, null);
    assertDecodesLittleEndian(dec, src, type, expected);
    assertThat(dec.decodeBits(src, 0, src.length, type, expected.length)).isEqualTo(expected.length);
    assertThat(Arrays.copyOf(dec.bits(), expected.length)).as("decodeBits").isEqualTo(expected);
  }

  /** A decoder that merged the chunks of one blob decodes the next blob's single chunk in place, and back. */
  @Test
  void decodeBitsAlternatesBetweenSeveralChunksAndOne() {
    Path dir = PcoTestData.dir().resolve("rust-1.0.2");
    byte[] multi = PcoTestData.bytes(dir.resolve("multichunk_u32.pco"));
    long[] multiValues = PcoTestData.expected(dir.resolve("multichunk_u32.txt"), PcoNumberType.U32);
    byte[] single = PcoTestData.bytes(dir.resolve("intmult_u32.pco"));
    long[] singleValues = PcoTestData.expected(dir.resolve("intmult_u32.txt"), PcoNumberType.U32);
    PcoDecoder dec = new PcoDecoder();
    for (int round = 0; round < 2; round++) {
      assertThat(dec.decodeBits(multi, 0, multi.length, PcoNumberType.U32, multiValues.length))
          .isEqualTo(multiValues.length);
      assertThat(Arrays.copyOf(dec.bits(), multiValues.length)).isEqualTo(multiValues);
      assertThat(dec.decodeBits(single, 0, single.length, PcoNumberType.U32, singleValues.length))
          .isEqualTo(singleValues.length);
      assertThat(Arrays.copyOf(dec.bits(), singleValues.length)).isEqualTo(singleValues);
    }
    assertThatThrownBy(() -> dec.decodeBits(multi, 0, multi.length, PcoNumberType.U32, multiValues.length - 1))
        .isInstanceOf(PcoException.class)
        .hasMessageContaining("does not fit the destination");
  }

  /** {@link PcoDecoder#decodeLittleEndian} writes the same values as little-endian numbers of the type's width. */
  private static void assertDecodesLittleEndian(PcoDecoder dec, byte[] src, PcoNumberType type, long[] expected) {
    int width = type.bits() / 8;
    byte[] out = new byte[expected.length * width + 3];
    int n = dec.decodeLittleEndian(src, 0, src.length, type, MemorySegment.ofArray(out));
    assertThat(n).isEqualTo(expected.length);
    byte[] want = new byte[out.length];
    for (int i = 0; i < n; i++) {
      for (int b = 0; b < width; b++) {
        want[i * width + b] = (byte) (expected[i] >>> (8 * b));
      }
    }
    assertThat(out).as("little-endian values, nothing written past them").isEqualTo(want);
    if (n > 0) {
      MemorySegment tooSmall = MemorySegment.ofArray(new byte[(n - 1) * width + width - 1]);
      assertThatThrownBy(() -> dec.decodeLittleEndian(src, 0, src.length, type, tooSmall))
          .isInstanceOf(PcoException.class)
          .hasMessageContaining("does not fit the destination");
    }
  }
}
