package dev.vecdb.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.codec.TestRecords.AllTypes;
import dev.vecdb.codec.TestRecords.Candle;
import dev.vecdb.codec.TestRecords.Inner;
import dev.vecdb.codec.TestRecords.Outer;
import dev.vecdb.codec.TestRecords.Pair;
import org.junit.jupiter.api.Test;

class RecordFormatTest {
  private static final byte[] HASH = new byte[32];

  static {
    HASH[0] = (byte) 0xAB;
    HASH[31] = 0x01;
  }

  private static final String HASH_HEX = "ab" + "00".repeat(30) + "01";

  private static <T> String csv(ValueCodec<T> codec, T value) {
    StringBuilder out = new StringBuilder();
    codec.appendCsv(value, out);
    return out.toString();
  }

  private static <T> String json(ValueCodec<T> codec, T value) {
    StringBuilder out = new StringBuilder();
    codec.appendJson(value, out);
    return out.toString();
  }

  @Test
  void candleFormatsAsCsvFieldsAndAJsonObject() {
    ValueCodec<Candle> codec = ValueCodec.record(Candle.class);
    Candle candle = new Candle(1.5, 2.0, -1L, HASH);
    assertThat(csv(codec, candle)).isEqualTo("1.5,2.0,18446744073709551615," + HASH_HEX);
    assertThat(json(codec, candle))
        .isEqualTo("{\"open\":1.5,\"close\":2.0,\"volume\":18446744073709551615,\"hash\":\"" + HASH_HEX + "\"}");
  }

  @Test
  void everyComponentTypeFormats() {
    ValueCodec<AllTypes> codec = ValueCodec.record(AllTypes.class);
    AllTypes extremes = new AllTypes((byte) -128, (byte) -1, (short) -32768, (short) -1, Integer.MIN_VALUE, -1,
        Long.MIN_VALUE, -1L, 0.1f, 1e20, true, new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF});
    assertThat(csv(codec, extremes)).isEqualTo("-128,255,-32768,65535,-2147483648,4294967295,"
        + "-9223372036854775808,18446744073709551615,0.1,1.0E20,true,0001feff");
    assertThat(json(codec, extremes)).isEqualTo("{\"i8\":-128,\"u8\":255,\"i16\":-32768,\"u16\":65535,"
        + "\"i32\":-2147483648,\"u32\":4294967295,\"i64\":-9223372036854775808,\"u64\":18446744073709551615,"
        + "\"f32\":0.1,\"f64\":1.0E20,\"flag\":true,\"raw\":\"0001feff\"}");
  }

  @Test
  void nonFiniteFloatsAreSpelledOutInCsvAndNullInJson() {
    ValueCodec<AllTypes> codec = ValueCodec.record(AllTypes.class);
    AllTypes special = new AllTypes((byte) 0, (byte) 0, (short) 0, (short) 0, 0, 0, 0, 0, Float.NaN,
        Double.NEGATIVE_INFINITY, false, new byte[4]);
    assertThat(csv(codec, special)).isEqualTo("0,0,0,0,0,0,0,0,NaN,-inf,false,00000000");
    assertThat(json(codec, special)).isEqualTo("{\"i8\":0,\"u8\":0,\"i16\":0,\"u16\":0,\"i32\":0,\"u32\":0,"
        + "\"i64\":0,\"u64\":0,\"f32\":null,\"f64\":null,\"flag\":false,\"raw\":\"00000000\"}");
    AllTypes infinite = new AllTypes((byte) 0, (byte) 0, (short) 0, (short) 0, 0, 0, 0, 0,
        Float.POSITIVE_INFINITY, -0.0, false, new byte[4]);
    assertThat(csv(codec, infinite)).contains(",inf,-0.0,");
    assertThat(json(codec, infinite)).contains("\"f32\":null,\"f64\":-0.0,");
  }

  @Test
  void nestedRecordsFlattenInCsvAndNestInJson() {
    ValueCodec<Pair> codec = ValueCodec.record(Pair.class);
    Pair pair = new Pair(new Outer((byte) 1, new Inner((short) -2, new byte[] {0x0a, 0x0b}), 3),
        new Outer((byte) 4, new Inner((short) 5, new byte[] {0, (byte) 0xFF}), -6));
    assertThat(csv(codec, pair)).isEqualTo("1,-2,0a0b,3,4,5,00ff,-6");
    assertThat(json(codec, pair)).isEqualTo("{\"left\":{\"head\":1,\"inner\":{\"x\":-2,\"tag\":\"0a0b\"},\"tail\":3},"
        + "\"right\":{\"head\":4,\"inner\":{\"x\":5,\"tag\":\"00ff\"},\"tail\":-6}}");
  }

  @Test
  void formattingAppendsToWhatIsAlreadyThere() {
    ValueCodec<Outer> codec = ValueCodec.record(Outer.class);
    Outer value = new Outer((byte) 1, new Inner((short) 2, new byte[] {3, 4}), 5);
    StringBuilder out = new StringBuilder("[");
    codec.appendJson(value, out);
    out.append(',');
    codec.appendJson(value, out);
    out.append("]\n");
    codec.appendCsv(value, out);
    assertThat(out).hasToString("[{\"head\":1,\"inner\":{\"x\":2,\"tag\":\"0304\"},\"tail\":5},"
        + "{\"head\":1,\"inner\":{\"x\":2,\"tag\":\"0304\"},\"tail\":5}]\n1,2,0304,5");
  }
}
