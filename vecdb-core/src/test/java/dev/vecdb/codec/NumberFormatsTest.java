package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NumberFormatsTest {
  private static String format(Consumer<StringBuilder> append) {
    StringBuilder out = new StringBuilder();
    append.accept(out);
    return out.toString();
  }

  private static <V> String format(BiConsumer<StringBuilder, V> append, V value) {
    return format(out -> append.accept(out, value));
  }

  @Test
  void signedIsPlainDecimal() {
    assertThat(format(NumberFormats::appendSigned, 0L)).isEqualTo("0");
    assertThat(format(NumberFormats::appendSigned, -1L)).isEqualTo("-1");
    assertThat(format(NumberFormats::appendSigned, Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(format(NumberFormats::appendSigned, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
  }

  @Test
  void unsignedPrintsTheBitsAsU64() {
    assertThat(format(NumberFormats::appendUnsigned, -1L)).isEqualTo("18446744073709551615");
    assertThat(format(NumberFormats::appendUnsigned, Long.MIN_VALUE)).isEqualTo("9223372036854775808");
    assertThat(format(NumberFormats::appendUnsigned, Long.MAX_VALUE)).isEqualTo("9223372036854775807");
    assertThat(format(NumberFormats::appendUnsigned, 0L)).isEqualTo("0");
    assertThat(format(NumberFormats::appendUnsigned, -10L)).isEqualTo("18446744073709551606");
  }

  @Test
  void unsignedMatchesTheJdkForRandomBits() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      long bits = random.nextLong();
      assertThat(format(NumberFormats::appendUnsigned, bits)).isEqualTo(Long.toUnsignedString(bits));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "I8, 255, -1", "U8, 255, 255", "U8, 511, 255", "I8, 128, -128",
    "I16, 65535, -1", "U16, 65535, 65535", "I16, 32768, -32768",
    "I32, 4294967295, -1", "U32, 4294967295, 4294967295", "U32, -1, 4294967295", "I32, 2147483648, -2147483648",
    "I64, -1, -1", "U64, -1, 18446744073709551615", "U64, -9223372036854775808, 9223372036854775808",
  })
  void integerWidensPerType(NumberType type, long bits, String expected) {
    assertThat(format(out -> NumberFormats.appendInteger(out, type, bits))).isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(value = NumberType.class, names = {"F32", "F64"})
  void integerRejectsFloatTypes(NumberType type) {
    assertThatThrownBy(() -> NumberFormats.appendInteger(new StringBuilder(), type, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(type.label());
  }

  @Test
  void doublesAreShortestRoundTrip() {
    assertThat(format(NumberFormats::appendDouble, 1.0)).isEqualTo("1.0");
    assertThat(format(NumberFormats::appendDouble, 0.1)).isEqualTo("0.1");
    assertThat(format(NumberFormats::appendDouble, 1e20)).isEqualTo("1.0E20");
    assertThat(format(NumberFormats::appendDouble, 1e-5)).isEqualTo("1.0E-5");
    assertThat(format(NumberFormats::appendDouble, 123.456)).isEqualTo("123.456");
    assertThat(format(NumberFormats::appendDouble, 2e-323)).isEqualTo("2.0E-323");
    assertThat(format(NumberFormats::appendDouble, -0.0)).isEqualTo("-0.0");
    assertThat(format(NumberFormats::appendDouble, Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(format(NumberFormats::appendDouble, Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
  }

  @Test
  void floatsAreShortestRoundTripAsFloats() {
    assertThat(format(NumberFormats::appendFloat, 1.0f)).isEqualTo("1.0");
    assertThat(format(NumberFormats::appendFloat, 0.1f)).isEqualTo("0.1");
    assertThat(format(NumberFormats::appendFloat, 1e20f)).isEqualTo("1.0E20");
    assertThat(format(NumberFormats::appendFloat, -0.0f)).isEqualTo("-0.0");
    assertThat(format(NumberFormats::appendFloat, Float.MIN_VALUE)).isEqualTo("1.4E-45");
    assertThat(format(NumberFormats::appendFloat, Float.MAX_VALUE)).isEqualTo("3.4028235E38");
  }

  @Test
  void nonFiniteValuesUseTheOriginalsSpellingInTextAndNullInJson() {
    assertThat(format(NumberFormats::appendDouble, Double.NaN)).isEqualTo("NaN");
    assertThat(format(NumberFormats::appendDouble, Double.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(format(NumberFormats::appendDouble, Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(format(NumberFormats::appendFloat, Float.NaN)).isEqualTo("NaN");
    assertThat(format(NumberFormats::appendFloat, Float.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(format(NumberFormats::appendFloat, Float.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(format(NumberFormats::appendFloat, Float.intBitsToFloat(0xffc0_0001))).isEqualTo("NaN");

    assertThat(format(NumberFormats::appendJsonDouble, Double.NaN)).isEqualTo("null");
    assertThat(format(NumberFormats::appendJsonDouble, Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(format(NumberFormats::appendJsonDouble, Double.NEGATIVE_INFINITY)).isEqualTo("null");
    assertThat(format(NumberFormats::appendJsonFloat, Float.NaN)).isEqualTo("null");
    assertThat(format(NumberFormats::appendJsonFloat, Float.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(format(NumberFormats::appendJsonFloat, Float.NEGATIVE_INFINITY)).isEqualTo("null");
  }

  @Test
  void finiteJsonNumbersAreTheTextForm() {
    for (double value : new double[] {1.0, 0.1, 1e20, -0.0, -2.5e-300, Double.MIN_VALUE}) {
      assertThat(format(NumberFormats::appendJsonDouble, value)).isEqualTo(format(NumberFormats::appendDouble, value));
    }
    for (float value : new float[] {1.0f, 0.1f, 1e20f, -0.0f, Float.MIN_VALUE}) {
      assertThat(format(NumberFormats::appendJsonFloat, value)).isEqualTo(format(NumberFormats::appendFloat, value));
    }
  }

  @Test
  void finiteDoublesParseBackBitExact() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(value)) {
        String text = format(NumberFormats::appendDouble, value);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
            .as(text)
            .isEqualTo(Double.doubleToRawLongBits(value));
      }
    }
  }

  @Test
  void finiteFloatsParseBackBitExact() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (Float.isFinite(value)) {
        String text = format(NumberFormats::appendFloat, value);
        assertThat(Float.floatToRawIntBits(Float.parseFloat(text)))
            .as(text)
            .isEqualTo(Float.floatToRawIntBits(value));
      }
    }
  }

  @Test
  void hexIsLowercaseTwoDigitsPerByte() {
    assertThat(format(NumberFormats::appendHex, new byte[] {0, -1, 0x0a, (byte) 0xA0, 0x7f})).isEqualTo("00ff0aa07f");
    assertThat(format(NumberFormats::appendHex, new byte[0])).isEmpty();
  }

  @Test
  void appendsAfterExistingText() {
    StringBuilder out = new StringBuilder("x=");
    NumberFormats.appendUnsigned(out, -1L);
    out.append(',');
    NumberFormats.appendDouble(out, Double.NEGATIVE_INFINITY);
    assertThat(out).hasToString("x=18446744073709551615,-inf");
  }
}
