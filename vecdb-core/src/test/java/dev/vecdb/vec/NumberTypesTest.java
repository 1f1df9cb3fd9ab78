package dev.vecdb.vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every numeric value type on both raw formats: extremes survive write, flush and reopen; unsigned types compare,
 * sum and print as unsigned ({@code u8}/{@code u16} widened zero-extended wherever the API hands out an {@code int});
 * floats print their shortest round-trip form, NaN and infinities as the original spells them.
 */
class NumberTypesTest {
  @TempDir Path dir;

  /**
   * Pushes through {@code push}, writes, flushes, reopens, and hands the reopened vector and a reader of it to
   * {@code check}.
   */
  private <V extends StoredVec> void roundTrip(Format format, BiFunction<Database, VecOptions, V> open,
      Consumer<V> push, Consumer<V> check) {
    VecOptions options = VecOptions.of(format);
    try (Database db = Database.open(dir)) {
      V vec = open.apply(db, options);
      push.accept(vec);
      vec.flush();
    }
    try (Database db = Database.open(dir)) {
      V vec = open.apply(db, options);
      check.accept(vec);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void u64AndI64(Format format) {
    roundTrip(format, (db, o) -> db.longVec("u64", NumberType.U64, o), v -> {
      v.push(-1);
      v.push(Long.MIN_VALUE);
      v.push(5);
      v.push(0);
    }, v -> {
      assertThat(v.collect()).containsExactly(-1, Long.MIN_VALUE, 5, 0);
      assertThat(v.max()).as("u64 max is 2^64-1").hasValue(-1);
      assertThat(v.min()).hasValue(0);
      assertThat(v.max(1, 3)).as("2^63 > 5 unsigned").hasValue(Long.MIN_VALUE);
      assertThat(v.sum(1, 3)).as("sums wrap modulo 2^64").isEqualTo(Long.MIN_VALUE + 5);
      assertThat(v.toCsv(0, 4)).isEqualTo("18446744073709551615\n9223372036854775808\n5\n0\n");
      assertThat(v.toJson(0, 2)).isEqualTo("[18446744073709551615,9223372036854775808]");
      try (LongReader r = v.reader()) {
        assertThat(r.max()).hasValue(-1);
        assertThat(r.toCsv(0, 1)).isEqualTo("18446744073709551615\n");
      }
    });
    roundTrip(format, (db, o) -> db.longVec("i64", NumberType.I64, o), v -> {
      v.push(Long.MAX_VALUE);
      v.push(Long.MIN_VALUE);
      v.push(-1);
    }, v -> {
      assertThat(v.min()).hasValue(Long.MIN_VALUE);
      assertThat(v.max()).hasValue(Long.MAX_VALUE);
      assertThat(v.sum()).isEqualTo(-2);
      assertThat(v.toJson(0, 3)).isEqualTo("[9223372036854775807,-9223372036854775808,-1]");
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void u32AndI32(Format format) {
    roundTrip(format, (db, o) -> db.intVec("u32", NumberType.U32, o), v -> {
      v.push(-1);
      v.push(Integer.MIN_VALUE);
      v.push(7);
    }, v -> {
      assertThat(v.get(0)).as("the int carries the bits").isEqualTo(-1);
      assertThat(v.max()).as("u32 max compares highest").hasValue(-1);
      assertThat(v.min()).hasValue(7);
      assertThat(v.sum()).as("summed unsigned in a long").isEqualTo(0xFFFF_FFFFL + 0x8000_0000L + 7);
      assertThat(v.toCsv(0, 3)).isEqualTo("4294967295\n2147483648\n7\n");
    });
    roundTrip(format, (db, o) -> db.intVec("i32", NumberType.I32, o), v -> {
      v.push(Integer.MAX_VALUE);
      v.push(Integer.MIN_VALUE);
    }, v -> {
      assertThat(v.min()).hasValue(Integer.MIN_VALUE);
      assertThat(v.sum()).as("no int overflow").isEqualTo(-1);
      assertThat(v.toJson(0, 2)).isEqualTo("[2147483647,-2147483648]");
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void u16AndI16(Format format) {
    roundTrip(format, (db, o) -> db.shortVec("u16", NumberType.U16, o), v -> {
      v.push((short) -1);
      v.push(Short.MIN_VALUE);
      v.push((short) 1);
    }, v -> {
      assertThat(v.get(0)).isEqualTo((short) -1);
      assertThat(v.tryGet(0)).as("widened zero-extended").hasValue(65_535);
      assertThat(v.collectHoled(0, 1)[0]).hasValue(65_535);
      assertThat(v.stream().toArray()).containsExactly(65_535, 32_768, 1);
      assertThat(v.fold(0, 3, 0, Math::max)).isEqualTo(65_535);
      assertThat(v.max()).hasValue(65_535);
      assertThat(v.min()).hasValue(1);
      assertThat(v.sum()).isEqualTo(65_535 + 32_768 + 1);
      assertThat(v.toCsv(0, 3)).isEqualTo("65535\n32768\n1\n");
    });
    roundTrip(format, (db, o) -> db.shortVec("i16", NumberType.I16, o), v -> {
      v.push(Short.MIN_VALUE);
      v.push(Short.MAX_VALUE);
    }, v -> {
      assertThat(v.tryGet(0)).hasValue(-32_768);
      assertThat(v.stream().toArray()).containsExactly(-32_768, 32_767);
      assertThat(v.sum()).isEqualTo(-1);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void u8AndI8(Format format) {
    roundTrip(format, (db, o) -> db.byteVec("u8", NumberType.U8, o), v -> {
      v.push((byte) 0xFF);
      v.push((byte) 0x80);
      v.push((byte) 0);
    }, v -> {
      assertThat(v.collect()).containsExactly((byte) 0xFF, (byte) 0x80, (byte) 0);
      assertThat(v.tryGet(0)).hasValue(255);
      assertThat(v.first()).hasValue(255);
      assertThat(v.last()).hasValue(0);
      assertThat(v.max()).hasValue(255);
      assertThat(v.min()).hasValue(0);
      assertThat(v.sum()).isEqualTo(383);
      assertThat(v.toJson(0, 3)).isEqualTo("[255,128,0]");
      try (ByteReader r = v.reader()) {
        assertThat(r.stream().toArray()).containsExactly(255, 128, 0);
      }
    });
    roundTrip(format, (db, o) -> db.byteVec("i8", NumberType.I8, o), v -> {
      v.push(Byte.MIN_VALUE);
      v.push(Byte.MAX_VALUE);
      v.push((byte) -1);
    }, v -> {
      assertThat(v.tryGet(0)).hasValue(-128);
      assertThat(v.max()).hasValue(127);
      assertThat(v.sum()).isEqualTo(-2);
      assertThat(v.toCsv(0, 3)).isEqualTo("-128\n127\n-1\n");
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void f64PrintsShortestRoundTripAndNonFiniteAsTheOriginal(Format format) {
    double[] values = {0.1, 1.0, -0.0, 1e-7, Double.MAX_VALUE, Double.MIN_VALUE, 123456.789, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    roundTrip(format, (db, o) -> db.doubleVec("f64", o), v -> {
      for (double d : values) {
        v.push(d);
      }
    }, v -> {
      assertThat(v.collect()).containsExactly(values);
      String[] lines = v.toCsv(0, values.length).split("\n", -1);
      assertThat(lines).startsWith("0.1", "1.0", "-0.0").contains("NaN", "inf", "-inf");
      for (int i = 0; i < 7; i++) {
        assertThat(Double.parseDouble(lines[i])).as("round trip of %s", lines[i]).isEqualTo(values[i]);
        assertThat(lines[i]).isEqualTo(Double.toString(values[i]));
      }
      assertThat(v.toJson(6, 10)).isEqualTo("[123456.789,null,null,null]");
      assertThat(v.min(0, 7)).hasValue(-0.0);
      assertThat(v.max(0, 7)).hasValue(Double.MAX_VALUE);
      assertThat(v.min(8, 10)).hasValue(Double.NEGATIVE_INFINITY);
      assertThat(v.sum(0, 2)).isEqualTo(1.1);
    });
  }

  @ParameterizedTest
  @EnumSource(value = Format.class, names = {"BYTES", "ZERO_COPY"})
  void f32PrintsItsOwnShortestForm(Format format) {
    float[] values = {0.1f, 16_777_216f, Float.MIN_VALUE, -3.4028235e38f, Float.NaN, Float.POSITIVE_INFINITY};
    roundTrip(format, (db, o) -> db.floatVec("f32", o), v -> {
      for (float f : values) {
        v.push(f);
      }
    }, v -> {
      assertThat(v.collect()).containsExactly(values);
      assertThat(v.toCsv(0, values.length)).as("float text, not the widened double's")
          .isEqualTo("0.1\n1.6777216E7\n1.4E-45\n-3.4028235E38\nNaN\ninf\n");
      assertThat(v.toJson(0, values.length)).isEqualTo("[0.1,1.6777216E7,1.4E-45,-3.4028235E38,null,null]");
      assertThat(v.tryGet(0)).as("widened to double exactly").hasValue((double) 0.1f);
      assertThat(v.min(0, 4)).hasValue((double) -3.4028235e38f);
      assertThat(v.stream(0, 2).toArray()).containsExactly(0.1f, 16_777_216f);
    });
  }
}
