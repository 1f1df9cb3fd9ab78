package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.CorruptionException;
import dev.vecdb.codec.TestRecords.AllTypes;
import dev.vecdb.codec.TestRecords.Candle;
import dev.vecdb.codec.TestRecords.Flag;
import dev.vecdb.codec.TestRecords.Inner;
import dev.vecdb.codec.TestRecords.IntLong;
import dev.vecdb.codec.TestRecords.Outer;
import dev.vecdb.codec.TestRecords.Pair;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCodecRoundTripTest {
  private static final ValueCodec<AllTypes> ALL = ValueCodec.record(AllTypes.class);
  private static final int OFFSET = 3;

  /** A record whose compact constructor rejects some values. */
  public record Positive(int value) {
    public Positive {
      if (value < 0) {
        throw new IllegalStateException("negative: " + value);
      }
    }
  }

  static List<ByteOrder> orders() {
    return List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN);
  }

  static Stream<Arguments> extremes() {
    List<AllTypes> values = List.of(
        new AllTypes((byte) 0, (byte) 0, (short) 0, (short) 0, 0, 0, 0, 0, 0f, 0d, false, new byte[4]),
        new AllTypes(Byte.MIN_VALUE, (byte) -1, Short.MIN_VALUE, (short) -1, Integer.MIN_VALUE, -1, Long.MIN_VALUE,
            -1L, -0.0f, -0.0, true, new byte[] {-1, -1, -1, -1}),
        new AllTypes(Byte.MAX_VALUE, Byte.MAX_VALUE, Short.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE,
            Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE, Double.MAX_VALUE, true,
            new byte[] {1, 2, 3, 4}),
        new AllTypes((byte) 1, (byte) 0x80, (short) 1, (short) 0x8000, 1, 0x8000_0000, 1, Long.MIN_VALUE,
            Float.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, false, new byte[] {0, (byte) 0x80, 0x7f, 1}),
        new AllTypes((byte) -2, (byte) 2, (short) -2, (short) 2, -2, 2, -2, 2, Float.NEGATIVE_INFINITY,
            Double.POSITIVE_INFINITY, true, new byte[] {9, 8, 7, 6}),
        new AllTypes((byte) 5, (byte) 6, (short) 7, (short) 8, 9, 10, 11, 12, Float.MIN_VALUE, Double.MIN_VALUE, false,
            new byte[] {0, 0, 0, 1}),
        new AllTypes((byte) 5, (byte) 6, (short) 7, (short) 8, 9, 10, 11, 12, Float.intBitsToFloat(0x0040_0001),
            Double.longBitsToDouble(0x000f_ffff_ffff_ffffL), false, new byte[4]),
        new AllTypes((byte) 5, (byte) 6, (short) 7, (short) 8, 9, 10, 11, 12, Float.intBitsToFloat(0x7fc1_2345),
            Double.longBitsToDouble(0x7ff8_dead_beef_0001L), true, new byte[4]),
        new AllTypes((byte) 5, (byte) 6, (short) 7, (short) 8, 9, 10, 11, 12, Float.intBitsToFloat(0xffc0_0007),
            Double.longBitsToDouble(0xfff8_0000_0000_0042L), false, new byte[4]));
    return orders().stream().flatMap(order -> values.stream().map(value -> Arguments.of(order, value)));
  }

  private static void assertSameBits(AllTypes actual, AllTypes expected) {
    assertThat(actual.i8()).isEqualTo(expected.i8());
    assertThat(actual.u8()).isEqualTo(expected.u8());
    assertThat(actual.i16()).isEqualTo(expected.i16());
    assertThat(actual.u16()).isEqualTo(expected.u16());
    assertThat(actual.i32()).isEqualTo(expected.i32());
    assertThat(actual.u32()).isEqualTo(expected.u32());
    assertThat(actual.i64()).isEqualTo(expected.i64());
    assertThat(actual.u64()).isEqualTo(expected.u64());
    assertThat(Float.floatToRawIntBits(actual.f32())).isEqualTo(Float.floatToRawIntBits(expected.f32()));
    assertThat(Double.doubleToRawLongBits(actual.f64())).isEqualTo(Double.doubleToRawLongBits(expected.f64()));
    assertThat(actual.flag()).isEqualTo(expected.flag());
    assertThat(actual.raw()).isEqualTo(expected.raw());
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  @ParameterizedTest
  @MethodSource("extremes")
  void everyComponentTypeRoundTripsBitExactAtAnUnalignedOffset(ByteOrder order, AllTypes value) {
    MemorySegment segment = MemorySegment.ofArray(new byte[OFFSET + ALL.size() + 5]);
    ALL.write(value, segment, OFFSET, order);
    assertSameBits(ALL.read(segment, OFFSET, order), value);
  }

  @Test
  void packsComponentsInDeclarationOrderWithoutPadding() {
    assertThat(ALL.size()).isEqualTo(1 + 1 + 2 + 2 + 4 + 4 + 8 + 8 + 4 + 8 + 1 + 4);
    ValueCodec<IntLong> codec = ValueCodec.record(IntLong.class);
    assertThat(codec.size()).isEqualTo(12);

    byte[] little = new byte[12];
    codec.write(new IntLong(1, 2), MemorySegment.ofArray(little), 0, ByteOrder.LITTLE_ENDIAN);
    assertThat(little).isEqualTo(bytes("01000000 0200000000000000"));

    byte[] big = new byte[12];
    codec.write(new IntLong(1, 2), MemorySegment.ofArray(big), 0, ByteOrder.BIG_ENDIAN);
    assertThat(big).isEqualTo(bytes("00000001 0000000000000002"));
  }

  @Test
  void storesEveryTypeInTheRequestedOrder() {
    AllTypes value = new AllTypes((byte) 0x81, (byte) 0xFE, (short) 0x0102, (short) 0xFFFE, 0x01020304, -2,
        0x0102030405060708L, -2L, 1.0f, 1.0, true, new byte[] {1, 2, 3, 4});
    byte[] little = new byte[ALL.size()];
    ALL.write(value, MemorySegment.ofArray(little), 0, ByteOrder.LITTLE_ENDIAN);
    assertThat(little).isEqualTo(bytes(
        "81 fe 0201 feff 04030201 feffffff 0807060504030201 feffffffffffffff 0000803f 000000000000f03f 01 01020304"));
    byte[] big = new byte[ALL.size()];
    ALL.write(value, MemorySegment.ofArray(big), 0, ByteOrder.BIG_ENDIAN);
    assertThat(big).isEqualTo(bytes(
        "81 fe 0102 fffe 01020304 fffffffe 0102030405060708 fffffffffffffffe 3f800000 3ff0000000000000 01 01020304"));
  }

  @Test
  void nestedRecordsAreInlined() {
    ValueCodec<Outer> codec = ValueCodec.record(Outer.class);
    assertThat(codec.size()).isEqualTo(1 + 2 + 2 + 8);
    byte[] backing = new byte[13];
    codec.write(new Outer((byte) 7, new Inner((short) 0x0102, new byte[] {9, 10}), 3L),
        MemorySegment.ofArray(backing), 0, ByteOrder.LITTLE_ENDIAN);
    assertThat(backing).isEqualTo(bytes("07 0201 090a 0300000000000000"));

    Outer read = codec.read(MemorySegment.ofArray(backing), 0, ByteOrder.LITTLE_ENDIAN);
    assertThat(read.head()).isEqualTo((byte) 7);
    assertThat(read.inner().x()).isEqualTo((short) 0x0102);
    assertThat(read.inner().tag()).containsExactly(9, 10);
    assertThat(read.tail()).isEqualTo(3L);
  }

  @Test
  void recordsNestedTwiceRoundTrip() {
    ValueCodec<Pair> codec = ValueCodec.record(Pair.class);
    Pair value = new Pair(new Outer((byte) 1, new Inner((short) -1, new byte[] {1, 2}), Long.MIN_VALUE),
        new Outer((byte) -1, new Inner(Short.MAX_VALUE, new byte[] {3, 4}), Long.MAX_VALUE));
    for (ByteOrder order : orders()) {
      MemorySegment segment = MemorySegment.ofArray(new byte[OFFSET + 26]);
      codec.write(value, segment, OFFSET, order);
      assertThat(codec.read(segment, OFFSET, order)).usingRecursiveComparison().isEqualTo(value);
    }
  }

  @Test
  void writeRejectsWrongLengthArraysNamingComponentAndLengthAndWritesNothing() {
    ValueCodec<Candle> codec = ValueCodec.record(Candle.class);
    byte[] backing = new byte[codec.size()];
    Arrays.fill(backing, (byte) 0x55);
    MemorySegment segment = MemorySegment.ofArray(backing);
    assertThatThrownBy(() -> codec.write(new Candle(1, 2, 3, new byte[31]), segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component hash of record Candle has 31 bytes; expected 32");
    assertThatThrownBy(() -> codec.write(new Candle(1, 2, 3, null), segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component hash of record Candle is null; expected 32 bytes");
    assertThat(backing).containsOnly(0x55);
  }

  @Test
  void writeRejectsNullValuesAndNullOrInvalidNestedRecords() {
    ValueCodec<Outer> codec = ValueCodec.record(Outer.class);
    byte[] backing = new byte[codec.size()];
    MemorySegment segment = MemorySegment.ofArray(backing);
    assertThatThrownBy(() -> codec.write(null, segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value is null; expected a record Outer");
    assertThatThrownBy(() -> codec.write(new Outer((byte) 1, null, 2), segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component inner of record Outer is null; expected a record Inner");
    Outer badTag = new Outer((byte) 1, new Inner((short) 2, new byte[3]), 4);
    assertThatThrownBy(() -> codec.write(badTag, segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("component tag of record Inner has 3 bytes; expected 2");
    assertThat(backing).containsOnly(0);
  }

  @Test
  void aBooleanByteOtherThan0Or1IsCorrupt() {
    ValueCodec<Flag> codec = ValueCodec.record(Flag.class);
    byte[] backing = {0, 1, 2, (byte) 0xFF};
    MemorySegment segment = MemorySegment.ofArray(backing);
    assertThat(codec.read(segment, 0, ByteOrder.LITTLE_ENDIAN).value()).isFalse();
    assertThat(codec.read(segment, 1, ByteOrder.BIG_ENDIAN).value()).isTrue();
    assertThatThrownBy(() -> codec.read(segment, 2, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(CorruptionException.class)
        .hasMessage("component value of record Flag: stored byte 0x02 at offset 2 is not a boolean (0 or 1)");
    assertThatThrownBy(() -> ALL.read(MemorySegment.ofArray(new byte[ALL.size()]).fill((byte) 0xFF), 0,
            ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(CorruptionException.class)
        .hasMessageContaining("component flag of record AllTypes")
        .hasMessageContaining("0xff at offset 42");
  }

  @Test
  void writingBooleansStoresOneAndZero() {
    ValueCodec<Flag> codec = ValueCodec.record(Flag.class);
    byte[] backing = new byte[2];
    codec.write(new Flag(true), MemorySegment.ofArray(backing), 0, ByteOrder.LITTLE_ENDIAN);
    codec.write(new Flag(false), MemorySegment.ofArray(backing), 1, ByteOrder.LITTLE_ENDIAN);
    assertThat(backing).containsExactly(1, 0);
  }

  @Test
  void readFailsOutsideTheSegment() {
    ValueCodec<IntLong> codec = ValueCodec.record(IntLong.class);
    MemorySegment segment = MemorySegment.ofArray(new byte[12]);
    assertThatThrownBy(() -> codec.read(segment, 1, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> codec.write(new IntLong(1, 2), segment, 1, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theCanonicalConstructorsExceptionsPropagateOnRead() {
    ValueCodec<Positive> codec = ValueCodec.record(Positive.class);
    MemorySegment segment = MemorySegment.ofArray(new byte[] {-1, -1, -1, -1});
    assertThatThrownBy(() -> codec.read(segment, 0, ByteOrder.LITTLE_ENDIAN))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("negative: -1");
  }

  @Test
  void codecsAreCachedPerClass() {
    assertThat(ValueCodec.record(AllTypes.class)).isSameAs(ALL);
    assertThat(ValueCodec.record(Candle.class)).isSameAs(ValueCodec.record(Candle.class));
  }
}
