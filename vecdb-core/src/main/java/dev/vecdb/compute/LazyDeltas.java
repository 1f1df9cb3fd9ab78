package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;

/**
 * The original's four lazy delta kinds ({@code DeltaSub}, {@code DeltaAvg}, {@code DeltaChange}, {@code DeltaRate})
 * over window starts: {@code starts[h]} is the first index of the window that ends at {@code h} (for example the
 * first block of the day, or of the last 7 days). See {@link LazyLongDelta} for length, holes and version.
 * Stateless.
 */
public final class LazyDeltas {
  private LazyDeltas() {}

  /**
   * The rolling sum from a cumulative sum: {@code cumulative[h] - cumulative[start - 1]} ({@code cumulative[h]} for a
   * window starting at 0). An underflow ({@code u64}) or overflow ({@code i64}) gives 0, as in the original.
   */
  public static LazyLongDelta rollingSum(String name, int version, LazyLongSource cumulative,
      LazyLongSource starts) {
    NumberType type = cumulative.type();
    return new LazyLongDelta(name, version, type, cumulative, starts, true,
        (current, previous, count) -> difference(type, current, previous));
  }

  /** The rolling sum from a cumulative sum of {@code double} values. */
  public static LazyDoubleDelta rollingSum(String name, int version, LazyDoubleSource cumulative,
      LazyLongSource starts) {
    return new LazyDoubleDelta(name, version, NumberType.F64, cumulative, starts, true,
        (current, previous, count) -> current - previous);
  }

  /**
   * The rolling average from a cumulative sum: {@code (cumulative[h] - cumulative[start - 1]) / (h - start + 1)}.
   * Over an integer cumulative use {@link LazySources#doubles(dev.vecdb.vec.LongReadable)}.
   */
  public static LazyDoubleDelta average(String name, int version, LazyDoubleSource cumulative,
      LazyLongSource starts) {
    return new LazyDoubleDelta(name, version, NumberType.F64, cumulative, starts, true,
        (current, previous, count) -> (current - previous) / count);
  }

  /** The change over the window: {@code source[h] - source[start]}, exact ({@code i64}, wrapping on overflow). */
  public static LazyLongDelta change(String name, int version, LazyLongSource source, LazyLongSource starts) {
    return new LazyLongDelta(name, version, NumberType.I64, source, starts, false,
        (current, previous, count) -> current - previous);
  }

  /** The change over the window of {@code double} values: {@code source[h] - source[start]}. */
  public static LazyDoubleDelta change(String name, int version, LazyDoubleSource source, LazyLongSource starts) {
    return new LazyDoubleDelta(name, version, NumberType.F64, source, starts, false,
        (current, previous, count) -> current - previous);
  }

  /** The rate of change over the window: {@code (source[h] - source[start]) / source[start]}, 0 when that is 0. */
  public static LazyDoubleDelta rate(String name, int version, LazyDoubleSource source, LazyLongSource starts) {
    return new LazyDoubleDelta(name, version, NumberType.F64, source, starts, false,
        (current, previous, count) -> previous == 0 ? 0 : (current - previous) / previous);
  }

  private static long difference(NumberType type, long current, long previous) {
    long result = current - previous;
    boolean outOfRange = type == NumberType.U64
        ? Long.compareUnsigned(current, previous) < 0
        : ((current ^ previous) & (current ^ result)) < 0;
    return outOfRange ? 0 : result;
  }
}
