package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteArrayCodecTest {
  private final ValueCodec<byte[]> codec = ValueCodec.bytes(32);

  private static byte[] counting(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 37 + 200);
    }
    return bytes;
  }

  @Test
  void describesItself() {
    assertThat(codec.size()).isEqualTo(32);
    assertThat(codec.typeCode()).isEqualTo(ValueCodec.BYTES_TYPE_CODE).isEqualTo(20);
    assertThat(codec.description()).isEqualTo("bytes[32]");
    assertThat(codec).hasToString("bytes[32]");
  }

  @Test
  void signatureIsFnv1aOfTheDescriptionAndDependsOnlyOnTheSize() {
    assertThat(codec.signature()).isEqualTo(0x7aa3_481c_36b4_e69fL);
    assertThat(ValueCodec.bytes(32).signature()).isEqualTo(codec.signature());
    assertThat(ValueCodec.bytes(33).signature()).isNotEqualTo(codec.signature());
  }

  @ParameterizedTest
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 65_537})
  void rejectsSizesOutside1To65536(int size) {
    assertThatThrownBy(() -> ValueCodec.bytes(size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 65536")
        .hasMessageContaining(String.valueOf(size));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 65_536})
  void acceptsTheExtremeSizes(int size) {
    ValueCodec<byte[]> extreme = ValueCodec.bytes(size);
    MemorySegment segment = MemorySegment.ofArray(new byte[size]);
    extreme.write(counting(size), segment, 0, ByteOrder.LITTLE_ENDIAN);
    assertThat(extreme.read(segment, 0, ByteOrder.LITTLE_ENDIAN)).isEqualTo(counting(size));
  }

  @Test
  void storesTheBytesAsIsAtAnyOffsetInEitherOrder() {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] backing = new byte[40];
      codec.write(counting(32), MemorySegment.ofArray(backing), 5, order);
      assertThat(Arrays.copyOfRange(backing, 5, 37)).isEqualTo(counting(32));
      assertThat(codec.read(MemorySegment.ofArray(backing), 5, order)).isEqualTo(counting(32));
    }
  }

  @Test
  void worksOnNativeMemory() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment segment = arena.allocate(64);
      codec.write(counting(32), segment, 31, ByteOrder.nativeOrder());
      assertThat(codec.read(segment, 31, ByteOrder.nativeOrder())).isEqualTo(counting(32));
    }
  }

  @Test
  void rejectsWrongLengthsAndNullWithoutWriting() {
    byte[] backing = new byte[32];
    Arrays.fill(backing, (byte) 0x55);
    MemorySegment segment = MemorySegment.ofArray(backing);
    assertThatThrownBy(() -> codec.write(new byte[31], segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value has 31 bytes; expected 32");
    assertThatThrownBy(() -> codec.write(new byte[33], segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 32");
    assertThatThrownBy(() -> codec.write(null, segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null")
        .hasMessageContaining("32");
    assertThat(backing).containsOnly(0x55);
  }

  @Test
  void outOfBoundsAccessFails() {
    MemorySegment segment = MemorySegment.ofArray(new byte[40]);
    assertThatThrownBy(() -> codec.read(segment, 9, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> codec.write(new byte[32], segment, 9, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void comparesUnsignedLexicographically() {
    ValueCodec<byte[]> two = ValueCodec.bytes(2);
    assertThat(two.compare(new byte[] {1, 0}, new byte[] {(byte) 0xFF, 0})).isNegative();
    assertThat(two.compare(new byte[] {(byte) 0x80, 0}, new byte[] {0x7F, (byte) 0xFF})).isPositive();
    assertThat(two.compare(new byte[] {5, 1}, new byte[] {5, (byte) 0xFE})).isNegative();
    assertThat(two.compare(new byte[] {5, 6}, new byte[] {5, 6})).isZero();
  }

  @Test
  void formatsAsLowercaseHex() {
    ValueCodec<byte[]> three = ValueCodec.bytes(3);
    StringBuilder csv = new StringBuilder();
    three.appendCsv(new byte[] {0, (byte) 0xFF, 0x1A}, csv);
    assertThat(csv).hasToString("00ff1a");
    StringBuilder json = new StringBuilder();
    three.appendJson(new byte[] {0, (byte) 0xFF, 0x1A}, json);
    assertThat(json).hasToString("\"00ff1a\"");
  }
}
