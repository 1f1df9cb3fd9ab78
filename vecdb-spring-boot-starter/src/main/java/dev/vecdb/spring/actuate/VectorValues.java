package dev.vecdb.spring.actuate;

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
import dev.vecdb.vec.ShortReader;
import dev.vecdb.vec.ShortVec;
import dev.vecdb.vec.StoredVec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a range of written values through a vector's reader and its JSON export, as numbers ({@code null} at a
 * hole; unsigned values as unsigned, exact). Safe from any thread: readers see written data only. Stateless.
 */
final class VectorValues {
  private VectorValues() {}

  /**
   * The written values of {@code [from, to)}, clamped to the written length.
   *
   * @throws UnsupportedOperationException if the vector's values cannot be exported as numbers
   */
  static List<@Nullable BigDecimal> read(StoredVec vector, long from, long to) {
    return parse(json(vector, from, to));
  }

  private static String json(StoredVec vector, long from, long to) {
    return switch (vector) {
      case LongVec v -> export(v.reader(), LongReader::toJson, LongReader::close, from, to);
      case IntVec v -> export(v.reader(), IntReader::toJson, IntReader::close, from, to);
      case ShortVec v -> export(v.reader(), ShortReader::toJson, ShortReader::close, from, to);
      case ByteVec v -> export(v.reader(), ByteReader::toJson, ByteReader::close, from, to);
      case DoubleVec v -> export(v.reader(), DoubleReader::toJson, DoubleReader::close, from, to);
      case FloatVec v -> export(v.reader(), FloatReader::toJson, FloatReader::close, from, to);
      default -> throw new UnsupportedOperationException("values of " + vector.getClass().getSimpleName()
          + " '" + vector.name() + "' cannot be exported as numbers");
    };
  }

  /** A reader's JSON export of {@code [from, to)}. */
  @FunctionalInterface
  private interface JsonExport<R> {
    String json(R reader, long from, long to);
  }

  private static <R> String export(R reader, JsonExport<R> export, Consumer<R> close, long from, long to) {
    try {
      return export.json(reader, from, to);
    } finally {
      close.accept(reader);
    }
  }

  private static List<@Nullable BigDecimal> parse(String json) {
    String body = json.substring(1, json.length() - 1);
    if (body.isEmpty()) {
      return List.of();
    }
    List<@Nullable BigDecimal> values = new ArrayList<>();
    for (String token : body.split(",")) {
      values.add(token.equals("null") ? null : new BigDecimal(token));
    }
    return Collections.unmodifiableList(values);
  }
}
