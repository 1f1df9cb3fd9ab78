package dev.vecdb.spring.actuate;

import dev.vecdb.HoleException;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.ByteReader;
import dev.vecdb.vec.ByteVec;
import dev.vecdb.vec.DoubleReader;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.FloatReader;
import dev.vecdb.vec.FloatVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjReader;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.ShortReader;
import dev.vecdb.vec.ShortVec;
import dev.vecdb.vec.StoredVec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads written values through a vector's reader as typed values for the endpoint's JSON: numbers for numeric
 * vectors (unsigned types as their unsigned value, {@code u64} above {@code Long.MAX_VALUE} as a
 * {@link BigInteger}), lowercase hex strings for byte arrays, the record objects themselves for records, and
 * {@code null} at a hole. Safe from any thread: readers see written data only. Stateless.
 */
final class VectorValues {
  private static final HexFormat HEX = HexFormat.of();

  private VectorValues() {}

  /**
   * The written values of {@code [from, to)}, cut at the written length the reader sees (a truncation may have
   * shortened the vector since the range was resolved).
   *
   * @throws UnsupportedOperationException for a vector class without a reader
   */
  static List<@Nullable Object> read(StoredVec vector, long from, long to) {
    return switch (vector) {
      case LongVec v -> {
        try (LongReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, i -> integer(v.type(), r.get(i)));
        }
      }
      case IntVec v -> {
        try (IntReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, i -> integer(v.type(), r.get(i)));
        }
      }
      case ShortVec v -> {
        try (ShortReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, i -> integer(v.type(), r.get(i)));
        }
      }
      case ByteVec v -> {
        try (ByteReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, i -> integer(v.type(), r.get(i)));
        }
      }
      case DoubleVec v -> {
        try (DoubleReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, r::get);
        }
      }
      case FloatVec v -> {
        try (FloatReader r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, r::get);
        }
      }
      case ObjVec<?> v -> {
        try (ObjReader<?> r = v.reader()) {
          yield collect(from, Math.min(to, r.len()), r::isHole, i -> object(r.get(i)));
        }
      }
      default -> throw new UnsupportedOperationException("vector '" + vector.name() + "' of "
          + vector.getClass().getSimpleName() + " has no reader");
    };
  }

  private static List<@Nullable Object> collect(long from, long to, LongPredicate isHole, LongFunction<Object> get) {
    List<@Nullable Object> values = new ArrayList<>((int) (to - from));
    for (long i = from; i < to; i++) {
      values.add(isHole.test(i) ? null : orHole(get, i));
    }
    return Collections.unmodifiableList(values);
  }

  /** The value at {@code index}, or null when a concurrent delete made it a hole after the check. */
  private static @Nullable Object orHole(LongFunction<Object> get, long index) {
    try {
      return get.apply(index);
    } catch (HoleException deletedMeanwhile) {
      return null;
    }
  }

  private static Object integer(NumberType type, long bits) {
    long value = type.widen(bits);
    return type == NumberType.U64 && value < 0 ? new BigInteger(Long.toUnsignedString(value)) : value;
  }

  private static Object object(Object value) {
    return value instanceof byte[] bytes ? HEX.formatHex(bytes) : value;
  }
}
