package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.TestRecords.Inner;
import dev.vecdb.codec.TestRecords.Outer;
import org.junit.jupiter.api.Test;

class RecordCompareTest {
  public record Unsigneds(@Unsigned byte u8, @Unsigned short u16, @Unsigned int u32, @Unsigned long u64) {}

  public record Signeds(byte i8, short i16, int i32, long i64) {}

  public record Floats(float f32, double f64) {}

  public record Mixed(boolean flag, @FixedLength(2) byte[] key, int rank) {}

  private static final ValueCodec<Unsigneds> UNSIGNED = ValueCodec.record(Unsigneds.class);
  private static final ValueCodec<Signeds> SIGNED = ValueCodec.record(Signeds.class);
  private static final ValueCodec<Floats> FLOATS = ValueCodec.record(Floats.class);
  private static final ValueCodec<Mixed> MIXED = ValueCodec.record(Mixed.class);

  @Test
  void unsignedComponentsCompareUnsigned() {
    assertThat(UNSIGNED.compare(new Unsigneds((byte) -1, (short) 0, 0, 0), new Unsigneds((byte) 1, (short) 0, 0, 0)))
        .isPositive();
    assertThat(UNSIGNED.compare(new Unsigneds((byte) 0, (short) -1, 0, 0), new Unsigneds((byte) 0, (short) 1, 0, 0)))
        .isPositive();
    assertThat(UNSIGNED.compare(new Unsigneds((byte) 0, (short) 0, -1, 0), new Unsigneds((byte) 0, (short) 0, 1, 0)))
        .isPositive();
    assertThat(UNSIGNED.compare(new Unsigneds((byte) 0, (short) 0, 0, -1), new Unsigneds((byte) 0, (short) 0, 0, 1)))
        .isPositive();
    assertThat(UNSIGNED.compare(new Unsigneds((byte) 0, (short) 0, 0, Long.MIN_VALUE),
        new Unsigneds((byte) 0, (short) 0, 0, Long.MAX_VALUE))).isPositive();
  }

  @Test
  void signedComponentsCompareSigned() {
    assertThat(SIGNED.compare(new Signeds((byte) -1, (short) 0, 0, 0), new Signeds((byte) 1, (short) 0, 0, 0)))
        .isNegative();
    assertThat(SIGNED.compare(new Signeds((byte) 0, (short) -1, 0, 0), new Signeds((byte) 0, (short) 1, 0, 0)))
        .isNegative();
    assertThat(SIGNED.compare(new Signeds((byte) 0, (short) 0, -1, 0), new Signeds((byte) 0, (short) 0, 1, 0)))
        .isNegative();
    assertThat(SIGNED.compare(new Signeds((byte) 0, (short) 0, 0, Long.MIN_VALUE),
        new Signeds((byte) 0, (short) 0, 0, Long.MAX_VALUE))).isNegative();
  }

  @Test
  void floatsCompareInTheTotalOrderOfDoubleCompare() {
    assertThat(FLOATS.compare(new Floats(-0.0f, 0), new Floats(0.0f, 0))).isNegative();
    assertThat(FLOATS.compare(new Floats(Float.NaN, 0), new Floats(Float.POSITIVE_INFINITY, 0))).isPositive();
    assertThat(FLOATS.compare(new Floats(Float.NEGATIVE_INFINITY, 0), new Floats(-Float.MAX_VALUE, 0))).isNegative();
    assertThat(FLOATS.compare(new Floats(1, -0.0), new Floats(1, 0.0))).isNegative();
    assertThat(FLOATS.compare(new Floats(1, Double.NaN), new Floats(1, Double.POSITIVE_INFINITY))).isPositive();
    assertThat(FLOATS.compare(new Floats(1, -2.5), new Floats(1, -1.5))).isNegative();
    assertThat(FLOATS.compare(new Floats(Float.NaN, Double.NaN), new Floats(Float.NaN, Double.NaN))).isZero();
  }

  @Test
  void componentsDecideInDeclarationOrder() {
    Mixed low = new Mixed(false, new byte[] {(byte) 0xFF, (byte) 0xFF}, 99);
    Mixed high = new Mixed(true, new byte[] {0, 0}, -99);
    assertThat(MIXED.compare(low, high)).isNegative();
    assertThat(MIXED.compare(high, low)).isPositive();

    Mixed smallKey = new Mixed(true, new byte[] {0x7F, (byte) 0xFF}, 99);
    Mixed bigKey = new Mixed(true, new byte[] {(byte) 0x80, 0}, -99);
    assertThat(MIXED.compare(smallKey, bigKey)).isNegative();

    Mixed lowRank = new Mixed(true, new byte[] {1, 2}, -1);
    Mixed highRank = new Mixed(true, new byte[] {1, 2}, 1);
    assertThat(MIXED.compare(lowRank, highRank)).isNegative();
    assertThat(MIXED.compare(highRank, new Mixed(true, new byte[] {1, 2}, 1))).isZero();
  }

  @Test
  void nestedRecordsCompareComponentWise() {
    ValueCodec<Outer> codec = ValueCodec.record(Outer.class);
    Outer a = new Outer((byte) 1, new Inner((short) 5, new byte[] {0, (byte) 0x90}), 100);
    Outer b = new Outer((byte) 1, new Inner((short) 5, new byte[] {0, 0x10}), -100);
    Outer c = new Outer((byte) 1, new Inner((short) 6, new byte[] {0, 0}), -100);
    assertThat(codec.compare(a, b)).isPositive();
    assertThat(codec.compare(a, c)).isNegative();
    assertThat(codec.compare(b, c)).isNegative();
    assertThat(codec.compare(a, new Outer((byte) 1, new Inner((short) 5, new byte[] {0, (byte) 0x90}), 100)))
        .isZero();
  }
}
