package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.TestRecords.AllTypes;
import dev.vecdb.codec.TestRecords.Candle;
import dev.vecdb.codec.TestRecords.Pair;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordSignatureTest {
  /** The same shape as {@link TestRecords.Candle}, declared elsewhere. */
  static final class Same {
    public record Candle(double open, double close, @Unsigned long volume, @FixedLength(32) byte[] hash) {}
  }

  /** One change each to {@link TestRecords.Candle}'s shape; every record keeps the simple name unless renamed. */
  static final class FloatOpen {
    public record Candle(float open, double close, @Unsigned long volume, @FixedLength(32) byte[] hash) {}
  }

  static final class SignedVolume {
    public record Candle(double open, double close, long volume, @FixedLength(32) byte[] hash) {}
  }

  static final class Swapped {
    public record Candle(double close, double open, @Unsigned long volume, @FixedLength(32) byte[] hash) {}
  }

  static final class ShortHash {
    public record Candle(double open, double close, @Unsigned long volume, @FixedLength(31) byte[] hash) {}
  }

  static final class RenamedComponent {
    public record Candle(double first, double close, @Unsigned long volume, @FixedLength(32) byte[] hash) {}
  }

  static final class Extra {
    public record Candle(double open, double close, @Unsigned long volume, @FixedLength(32) byte[] hash, byte x) {}
  }

  static final class Fewer {
    public record Candle(double open, double close, @Unsigned long volume) {}
  }

  static final class RenamedRecord {
    public record Bar(double open, double close, @Unsigned long volume, @FixedLength(32) byte[] hash) {}
  }

  static final class Nesting {
    public record Inner(int a, int b) {}

    public record Outer(Inner inner) {}
  }

  static final class SwappedNesting {
    public record Inner(int b, int a) {}

    public record Outer(Inner inner) {}
  }

  static final class Flattened {
    public record Outer(int a, int b) {}
  }

  @Test
  void descriptionListsComponentsWithTheirTypes() {
    assertThat(ValueCodec.record(Candle.class).description())
        .isEqualTo("record Candle(open: f64, close: f64, volume: u64, hash: bytes[32])");
    assertThat(ValueCodec.record(AllTypes.class).description())
        .isEqualTo("record AllTypes(i8: i8, u8: u8, i16: i16, u16: u16, i32: i32, u32: u32, i64: i64, u64: u64, "
            + "f32: f32, f64: f64, flag: bool, raw: bytes[4])");
    assertThat(ValueCodec.record(Candle.class)).hasToString(ValueCodec.record(Candle.class).description());
  }

  @Test
  void nestedRecordsAreExpandedInTheDescription() {
    assertThat(ValueCodec.record(Pair.class).description())
        .isEqualTo("record Pair(left: record Outer(head: i8, inner: record Inner(x: i16, tag: bytes[2]), tail: i64), "
            + "right: record Outer(head: i8, inner: record Inner(x: i16, tag: bytes[2]), tail: i64))");
  }

  @Test
  void recordsHaveTheirTypeCodeAndSize() {
    ValueCodec<Candle> codec = ValueCodec.record(Candle.class);
    assertThat(codec.typeCode()).isEqualTo(ValueCodec.RECORD_TYPE_CODE).isEqualTo(21);
    assertThat(codec.size()).isEqualTo(8 + 8 + 8 + 32);
  }

  @Test
  void signatureIsAPinnedFnv1aOfTheDescription() {
    assertThat(ValueCodec.record(Candle.class).signature()).isEqualTo(0x7d1a_8d7b_02df_7e07L);
  }

  @Test
  void theSameShapeHasTheSameSignature() {
    assertThat(ValueCodec.record(Same.Candle.class).signature())
        .isEqualTo(ValueCodec.record(Candle.class).signature());
  }

  @Test
  void anyChangeOfTypeSignednessOrderLengthCountOrNameChangesTheSignature() {
    List<ValueCodec<?>> codecs = List.of(
        ValueCodec.record(Candle.class),
        ValueCodec.record(FloatOpen.Candle.class),
        ValueCodec.record(SignedVolume.Candle.class),
        ValueCodec.record(Swapped.Candle.class),
        ValueCodec.record(ShortHash.Candle.class),
        ValueCodec.record(RenamedComponent.Candle.class),
        ValueCodec.record(Extra.Candle.class),
        ValueCodec.record(Fewer.Candle.class),
        ValueCodec.record(RenamedRecord.Bar.class));
    Set<Long> signatures = new HashSet<>();
    codecs.forEach(codec -> signatures.add(codec.signature()));
    assertThat(signatures).hasSameSizeAs(codecs);
  }

  @Test
  void nestedShapesCountInTheSignature() {
    ValueCodec<Nesting.Outer> nested = ValueCodec.record(Nesting.Outer.class);
    ValueCodec<Flattened.Outer> flattened = ValueCodec.record(Flattened.Outer.class);
    assertThat(flattened.size()).isEqualTo(nested.size());
    assertThat(flattened.signature()).isNotEqualTo(nested.signature());
    assertThat(ValueCodec.record(SwappedNesting.Outer.class).signature()).isNotEqualTo(nested.signature());
  }
}
