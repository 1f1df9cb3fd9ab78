package dev.vecdb.compute;

import dev.vecdb.vec.ByteReadable;
import dev.vecdb.vec.DoubleReadable;
import dev.vecdb.vec.FloatReadable;
import dev.vecdb.vec.IntReadable;
import dev.vecdb.vec.LongReadable;
import dev.vecdb.vec.ShortReadable;

/**
 * A numeric source of a computation: a view that reads dense runs of values in bulk, as {@code long}s or as
 * {@code double}s whatever the stored type. Wrap any primitive vector, reader or lazy vector with {@code of(...)};
 * eager vectors are sources themselves, so computations chain.
 *
 * <p>Conversions: integer values are widened per their type ({@code u8}..{@code u32} zero-extended; {@code u64}
 * values above {@code Long.MAX_VALUE} read as {@code double} exactly as unsigned); floating values read as
 * {@code long} are truncated toward zero (Rust's {@code as}). A source read by a computation must have no holes in
 * the range read: a hole is a {@link ComputeException}.
 *
 * <p>Threads: a source reads through the view it wraps (a vector's writer view belongs to its writer thread; a
 * {@code reader()} serves any thread) and keeps a scratch buffer, so use one source object per thread.
 */
public interface ComputeSource {
  /** The source's name, for messages. */
  String name();

  /** Number of values. */
  long len();

  /** The version of the values (see {@link LongReadable#version()}); computations sum it over their sources. */
  int version();

  /**
   * Copies the {@code n} values of {@code [from, from + n)} as {@code long}s into {@code dst[0, n)}.
   *
   * @throws ComputeException if the range holds a hole or reaches past {@link #len()}
   */
  void readLongs(long from, long[] dst, int n);

  /**
   * Copies the {@code n} values of {@code [from, from + n)} as {@code double}s into {@code dst[0, n)}.
   *
   * @throws ComputeException if the range holds a hole or reaches past {@link #len()}
   */
  void readDoubles(long from, double[] dst, int n);

  /** A source over {@code i64}/{@code u64} values. */
  static ComputeSource of(LongReadable values) {
    return new ComputeLongSource(values);
  }

  /** A source over {@code i32}/{@code u32} values. */
  static ComputeSource of(IntReadable values) {
    return new ComputeIntSource(values, values.type(), values::version, values::forEach);
  }

  /** A source over {@code i16}/{@code u16} values. */
  static ComputeSource of(ShortReadable values) {
    return new ComputeIntSource(values, values.type(), values::version, values::forEach);
  }

  /** A source over {@code i8}/{@code u8} values. */
  static ComputeSource of(ByteReadable values) {
    return new ComputeIntSource(values, values.type(), values::version, values::forEach);
  }

  /** A source over {@code f64} values. */
  static ComputeSource of(DoubleReadable values) {
    return new ComputeDoubleSource(values);
  }

  /** A source over {@code f32} values. */
  static ComputeSource of(FloatReadable values) {
    return new ComputeFloatSource(values);
  }

  /** The exception for a short read of {@code source} at {@code [from, from + n)}: a hole or the end. */
  static ComputeException missing(ComputeSource source, long from, int n) {
    return ComputeErrors.compute("source '%s': [%s, %s) holds a hole or reaches past its length %s; computations read"
        + " dense values", source.name(), from, (from + n), source.len());
  }
}
