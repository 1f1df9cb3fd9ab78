package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.HoleException;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.FixedLength;
import dev.vecdb.codec.Unsigned;
import dev.vecdb.codec.ValueCodec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Record and byte-array vectors on both raw formats: every component type at its extremes, nested records, holes
 * and updates in every read path, a dataset past several push-buffer growths, the reader, persistence across reopen
 * and CSV/JSON export.
 */
class RecordAndBytesVecTest {
  /** A nested component. */
  public record Inner(@Unsigned long big, boolean flag) {}

  /** One component of every supported kind. */
  public record Every(byte i8, @Unsigned byte u8, short i16, @Unsigned short u16, int i32, @Unsigned int u32,
      long i64, @Unsigned long u64, float f32, double f64, boolean yes, @FixedLength(3) byte[] tag, Inner inner) {}

  private static final Every LOW = new Every(Byte.MIN_VALUE, (byte) 0, Short.MIN_VALUE, (short) 0,
      Integer.MIN_VALUE, 0, Long.MIN_VALUE, 0, -Float.MAX_VALUE, Double.NEGATIVE_INFINITY, false, new byte[3],
      new Inner(0, false));
  private static final Every HIGH = new Every(Byte.MAX_VALUE, (byte) -1, Short.MAX_VALUE, (short) -1,
      Integer.MAX_VALUE, -1, Long.MAX_VALUE, -1, Float.MIN_VALUE, Double.NaN, true,
      new byte[] {(byte) 0xFF, 0, (byte) 0xAB}, new Inner(-1, true));
  private static final String HIGH_JSON = "{\"i8\":127,\"u8\":255,\"i16\":32767,\"u16\":65535,\"i32\":2147483647,"
      + "\"u32\":4294967295,\"i64\":9223372036854775807,\"u64\":18446744073709551615,\"f32\":1.4E-45,\"f64\":null,"
      + "\"yes\":true,\"tag\":\"ff00ab\",\"inner\":{\"big\":18446744073709551615,\"flag\":true}}";
  private static final String HIGH_CSV = "127,255,32767,65535,2147483647,4294967295,9223372036854775807,"
      + "18446744073709551615,1.4E-45,NaN,true,ff00ab,18446744073709551615,true";
  private static final ValueCodec<Every> CODEC = ValueCodec.record(Every.class);

  @TempDir Path dir;

  /** A value identity for records holding arrays: the codec's CSV text. */
  private static String text(Every value) {
    StringBuilder out = new StringBuilder();
    CODEC.appendCsv(value, out);
    return out.toString();
  }

  private static List<String> texts(List<Every> values) {
    return values.stream().map(RecordAndBytesVecTest::text).toList();
  }

  /** A record that encodes {@code i} in several components. */
  private static Every numbered(long i) {
    return new Every((byte) i, (byte) (i >> 8), (short) i, (short) -i, (int) i, (int) -i, i, -i, i / 2f, i / 4.0,
        i % 2 == 0, new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16)}, new Inner(i * 3, i % 3 == 0));
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void recordsOfEveryComponentTypeKeepTheirExtremesThroughHolesUpdatesAndReopen(Format format) {
    VecOptions options = VecOptions.of(format);
    int n = 12_000;
    try (Database db = Database.open(dir)) {
      ObjVec<Every> vec = db.recordVec("every", Every.class, options);
      for (int i = 0; i < n / 2; i++) {
        vec.push(numbered(i));
      }
      vec.write();
      for (int i = n / 2; i < n; i++) {
        vec.checkedPush(i, numbered(i));
      }
      vec.update(10, HIGH);
      vec.update(n - 10, LOW);
      vec.delete(11);
      vec.delete(n - 11);
      assertThat(vec.take(12).map(RecordAndBytesVecTest::text)).hasValue(text(numbered(12)));
      assertThat(vec.fillFirstHoleOrPush(HIGH)).isEqualTo(11);
      assertThat(vec.holes()).containsExactly(12, n - 11);
      assertThat(vec.toJson(10, 13)).isEqualTo("[" + HIGH_JSON + "," + HIGH_JSON + ",null]");
      assertThat(vec.toCsv(10, 13)).isEqualTo(HIGH_CSV + "\n" + HIGH_CSV + "\n\n");
      try (ObjReader<Every> reader = vec.reader()) {
        assertThat(reader.len()).as("the reader sees only written values").isEqualTo(n / 2);
        assertThat(text(reader.get(10))).isEqualTo(text(numbered(10)));
        vec.write();
        assertThat(reader.len()).isEqualTo(n);
        assertThat(text(reader.get(10))).isEqualTo(text(HIGH));
        assertThatThrownBy(() -> reader.get(12)).isInstanceOf(HoleException.class);
      }
      db.flush();
    }
    try (Database db = Database.open(dir)) {
      ObjVec<Every> vec = db.recordVec("every", Every.class, options);
      assertThat(vec.len()).isEqualTo(n);
      assertThat(vec.holes()).containsExactly(12, n - 11);
      assertThat(text(vec.get(n - 10))).isEqualTo(text(LOW));
      assertThat(text(vec.get(n - 1))).isEqualTo(text(numbered(n - 1)));
      assertThat(texts(vec.collect(9, 14))).containsExactly(text(numbered(9)), text(HIGH), text(HIGH),
          text(numbered(13)));
      assertThat(vec.collectHoled(11, 13)).map(v -> v.map(RecordAndBytesVecTest::text))
          .containsExactly(Optional.of(text(HIGH)), Optional.empty());
      assertThat(texts(vec.collectSigned(-11, -9))).containsExactly(text(LOW));
      assertThat(texts(vec.getAll(0, 10, n - 1))).containsExactly(text(numbered(0)), text(HIGH),
          text(numbered(n - 1)));
      assertThat(vec.stream().count()).as("stream skips holes").isEqualTo(n - 2);
      assertThat(vec.fold(0, n, 0L, (acc, v) -> acc + 1)).isEqualTo(n - 2);
      assertThat(text(vec.max().orElseThrow())).as("i8 127 first, then u8 255").isEqualTo(text(HIGH));
      assertThat(text(vec.min().orElseThrow())).isEqualTo(text(LOW));
      assertThat(text(vec.first().orElseThrow())).isEqualTo(text(numbered(0)));
      assertThat(text(vec.last().orElseThrow())).isEqualTo(text(numbered(n - 1)));
      ObjCursor<Every> cursor = vec.cursor(11, 14);
      assertThat(text(cursor.next())).isEqualTo(text(HIGH));
      assertThat(cursor.next().i64()).isEqualTo(13);
      assertThat(cursor.index()).isEqualTo(13);
      assertThat(cursor.hasNext()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void hashesOrderUnsignedAndExportAsHex(Format format) {
    byte[] zeros = new byte[32];
    byte[] ones = new byte[32];
    Arrays.fill(ones, (byte) 0xFF);
    byte[] mixed = new byte[32];
    mixed[0] = (byte) 0x80;
    mixed[31] = 1;
    try (Database db = Database.open(dir)) {
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 32, VecOptions.of(format));
      hashes.push(mixed);
      hashes.push(ones);
      hashes.push(zeros);
      hashes.push(mixed);
      hashes.delete(3);
      hashes.flush();
    }
    try (Database db = Database.open(dir)) {
      ObjVec<byte[]> hashes = db.bytesVec("hashes", 32, VecOptions.of(format));
      assertThat(hashes.get(1)).isEqualTo(ones);
      assertThat(hashes.max()).as("0xff > 0x80 unsigned").hasValueSatisfying(h -> assertThat(h).isEqualTo(ones));
      assertThat(hashes.min()).hasValueSatisfying(h -> assertThat(h).isEqualTo(zeros));
      assertThat(hashes.toCsv(0, 4)).isEqualTo("80" + "00".repeat(30) + "01\n" + "ff".repeat(32) + "\n"
          + "00".repeat(32) + "\n\n");
      assertThat(hashes.toJson(2, 4)).isEqualTo("[\"" + "00".repeat(32) + "\",null]");
      assertThatThrownBy(() -> hashes.push(new byte[31])).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("32");
      assertThat(hashes.len()).as("a rejected value is not pushed").isEqualTo(4);
      try (ObjReader<byte[]> reader = hashes.reader()) {
        assertThat(reader.collect()).hasSize(3);
        assertThat(reader.get(0)).isEqualTo(mixed);
      }
    }
  }
}
