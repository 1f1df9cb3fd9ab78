package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.ByteReadable;
import dev.vecdb.vec.DoubleReadable;
import dev.vecdb.vec.Exportable;
import dev.vecdb.vec.FloatReadable;
import dev.vecdb.vec.IndexedIntConsumer;
import dev.vecdb.vec.IntReadable;
import dev.vecdb.vec.LongReadable;
import dev.vecdb.vec.ShortReadable;
import java.util.function.IntSupplier;
import java.util.function.LongPredicate;
import java.util.function.LongToIntFunction;
import java.util.function.Supplier;

/**
 * Sources for lazy vectors from vectors of any primitive type: {@code longs} reads an integer vector as {@code long}
 * values (unsigned types zero-extended; the source's type is {@code u64} for a {@code u64} vector and {@code i64}
 * otherwise), {@code doubles} reads any vector as {@code double} values ({@code u64} converted as unsigned; integers
 * beyond 2<sup>53</sup> round to the nearest {@code double}). Conversion happens per value on read, without boxing.
 * A converted source's {@link LazyLongSource#snapshot() snapshot} converts the vector's snapshot. Stateless; the
 * sources' thread-safety is that of the vectors they read.
 */
public final class LazySources {
  private LazySources() {}

  /** Visits the {@code int}-widened values of a range of an {@code int}, {@code short} or {@code byte} vector. */
  @FunctionalInterface
  private interface IntRanges {
    void forEach(long from, long to, IndexedIntConsumer action);
  }

  /** A {@code long} vector, its reader or a lazy {@code long} vector as it is. */
  public static LazyLongSource longs(LongReadable vector) {
    return LazyLongSource.of(vector);
  }

  /** An {@code i32} or {@code u32} vector as {@code long} values. */
  public static LazyLongSource longs(IntReadable vector) {
    return widened(vector, vector.type(), vector::version, vector::isHole, vector::get, vector::forEach, () -> {
      IntReadable state = vector.snapshot();
      return state == vector ? null : longs(state);
    });
  }

  /** An {@code i16} or {@code u16} vector as {@code long} values. */
  public static LazyLongSource longs(ShortReadable vector) {
    return widened(vector, vector.type(), vector::version, vector::isHole, vector::get, vector::forEach, () -> {
      ShortReadable state = vector.snapshot();
      return state == vector ? null : longs(state);
    });
  }

  /** An {@code i8} or {@code u8} vector as {@code long} values. */
  public static LazyLongSource longs(ByteReadable vector) {
    return widened(vector, vector.type(), vector::version, vector::isHole, vector::get, vector::forEach, () -> {
      ByteReadable state = vector.snapshot();
      return state == vector ? null : longs(state);
    });
  }

  /** A {@code double} vector, its reader or a lazy {@code double} vector as it is. */
  public static LazyDoubleSource doubles(DoubleReadable vector) {
    return LazyDoubleSource.of(vector);
  }

  /** An {@code f32} vector as {@code double} values. */
  public static LazyDoubleSource doubles(FloatReadable vector) {
    return new LazyDoubleSource(vector.name(), NumberType.F64, vector::len, vector::version, vector::isHole,
        vector::get, vector::forEach, null, () -> {
          FloatReadable state = vector.snapshot();
          return state == vector ? null : doubles(state);
        });
  }

  /** A {@code long} vector as {@code double} values. */
  public static LazyDoubleSource doubles(LongReadable vector) {
    return doubles(longs(vector));
  }

  /** An {@code i32} or {@code u32} vector as {@code double} values. */
  public static LazyDoubleSource doubles(IntReadable vector) {
    return doubles(longs(vector));
  }

  /** A {@code long} source as {@code double} values ({@code u64} as unsigned). */
  public static LazyDoubleSource doubles(LazyLongSource source) {
    boolean unsigned = source.type() == NumberType.U64;
    return new LazyDoubleSource(source.name(), NumberType.F64, source::len, source::version, source::isHole,
        i -> toDouble(source.get(i), unsigned),
        (from, to, action) -> source.forEach(from, to, (i, v) -> action.accept(i, toDouble(v, unsigned))), null,
        () -> {
          LazyLongSource state = source.snapshot();
          return state == source ? null : doubles(state);
        });
  }

  private static LazyLongSource widened(Exportable vector, NumberType type, IntSupplier version, LongPredicate hole,
      LongToIntFunction get, IntRanges ranges, Supplier<LazyLongSource> snapshots) {
    return new LazyLongSource(vector.name(), type == NumberType.U64 ? type : NumberType.I64, vector::len, version,
        hole, i -> type.widen(get.applyAsInt(i)),
        (from, to, action) -> ranges.forEach(from, to, (i, v) -> action.accept(i, type.widen(v))), null, snapshots);
  }

  private static double toDouble(long value, boolean unsigned) {
    if (!unsigned || value >= 0) {
      return value;
    }
    return ((value >>> 1) | (value & 1)) * 2.0;
  }
}
