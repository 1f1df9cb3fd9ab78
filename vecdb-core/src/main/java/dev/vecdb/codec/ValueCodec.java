package dev.vecdb.codec;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * How a vector of non-primitive values stores one value: a fixed number of bytes, written and read at any offset of
 * a {@link MemorySegment} in a given byte order, plus the value's text forms and order.
 *
 * <p>A vector records {@link #typeCode()}, {@link #size()} and {@link #signature()} in its header, so reopening it
 * with a codec of another shape is detected. Two codecs are built in: {@link #bytes(int) fixed-size byte arrays}
 * and {@link #record(Class) codecs derived from Java records}, the counterpart of the Rust original's
 * {@code #[derive(Bytes)]}.
 *
 * <p>Implementations are immutable and thread-safe: one codec serves any number of vectors and threads.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {
  /** {@link #typeCode()} of {@link #bytes(int) byte array} codecs. */
  int BYTES_TYPE_CODE = 20;

  /** {@link #typeCode()} of {@link #record(Class) record} codecs. */
  int RECORD_TYPE_CODE = 21;

  /** The largest byte array length: of {@link #bytes(int)} and of {@link FixedLength} record components. */
  int MAX_BYTES = 65_536;

  /** Bytes per value, at least 1. */
  int size();

  /** The kind of codec, recorded in the vector header: {@link #BYTES_TYPE_CODE} or {@link #RECORD_TYPE_CODE}. */
  int typeCode();

  /**
   * A stable 64-bit hash of the layout, recorded in the vector header: the 64-bit FNV-1a hash of the UTF-8 bytes
   * of {@link #description()}. It is the same in every JVM and release, and changes with any change of the
   * description: for a record, its simple name, a component's name or type, their order, or an array length.
   */
  long signature();

  /**
   * The layout in words, e.g. {@code bytes[32]} or
   * {@code record Candle(open: f64, close: f64, volume: u64, hash: bytes[32])}: components in declaration order
   * with their names and types ({@code i8}..{@code u64}, {@code f32}, {@code f64}, {@code bool},
   * {@code bytes[n]}), nested records expanded in place.
   */
  String description();

  /**
   * Writes {@code value} as the {@link #size()} bytes at {@code offset} of {@code dst}, numbers in {@code order}
   * and without alignment requirements. The value is checked before any byte is written, so a failed write leaves
   * {@code dst} unchanged.
   *
   * @param value the value to store
   * @param dst where to store it
   * @param offset the byte offset in {@code dst} of the value's first byte
   * @param order the byte order of numbers: little-endian for portable files, native for zero-copy ones
   * @throws IllegalArgumentException if {@code value}, or a byte array or record inside it, is null, or a byte
   *     array does not have its fixed length (the message names the component and the expected length)
   * @throws IndexOutOfBoundsException if the bytes do not fit in {@code dst}
   */
  void write(T value, MemorySegment dst, long offset, ByteOrder order);

  /**
   * Reads the value stored as the {@link #size()} bytes at {@code offset} of {@code src} in {@code order}. Allocates
   * only the returned value (and the byte arrays and nested records it holds). A record is built by its canonical
   * constructor; what that throws propagates.
   *
   * @param src where the value is stored
   * @param offset the byte offset in {@code src} of the value's first byte
   * @param order the byte order it was written in
   * @return a new value
   * @throws dev.vecdb.CorruptionException if the bytes cannot be a value (a boolean byte other than 0 or 1)
   * @throws IndexOutOfBoundsException if the bytes are not all inside {@code src}
   */
  T read(MemorySegment src, long offset, ByteOrder order);

  /**
   * Appends {@code value} as CSV: byte arrays as lowercase hex, records as their components in declaration order,
   * separated by commas, nested records flattened. Numbers are formatted by {@link NumberFormats}; no field ever
   * needs quoting.
   *
   * @param value a value, not null
   * @param out where to append its text
   */
  void appendCsv(T value, StringBuilder out);

  /**
   * Appends {@code value} as JSON: byte arrays as a string of lowercase hex, records as an object of their
   * components in declaration order (e.g. {@code {"open":1.5,"close":2.0}}), without spaces; non-finite floats are
   * {@code null}.
   *
   * @param value a value, not null
   * @param out where to append its text
   */
  void appendJson(T value, StringBuilder out);

  /**
   * Orders two values, for min and max: byte arrays unsigned lexicographically; records component by component in
   * declaration order, each by its own order (unsigned components unsigned, floats as {@link Double#compare},
   * {@code false} before {@code true}).
   *
   * @param a a value, not null
   * @param b another value, not null
   * @return negative, zero or positive as {@code a} is less than, equal to or greater than {@code b}
   */
  int compare(T a, T b);

  /**
   * The codec of byte arrays of exactly {@code size} bytes, stored as is.
   *
   * @param size bytes per value
   * @return a new codec
   * @throws IllegalArgumentException if {@code size} is not in 1..{@value #MAX_BYTES}
   */
  static ValueCodec<byte[]> bytes(int size) {
    return new ByteArrayCodec(size);
  }

  /**
   * The codec derived from record class {@code type}: components packed in declaration order without padding, so
   * the size is the sum of the component sizes. A component may be a {@code byte}, {@code short}, {@code int},
   * {@code long} (each optionally {@link Unsigned}), {@code float}, {@code double}, {@code boolean} (one byte, 0 or
   * 1), a {@code byte[]} with {@link FixedLength}, or another such record (inlined). Derived once per class and
   * cached.
   *
   * <p>The record must be accessible to vecdb: public in an exported package, or in a package open to vecdb (every
   * package on the class path is, so records of any access work there).
   *
   * @param type the record class
   * @param <R> the record type
   * @return the class's codec, the same instance on every call
   * @throws IllegalArgumentException if {@code type} is not a record, or a component is unsupported, misannotated,
   *     generic or recursive, or the record is not accessible; the message names the record, the component and why
   */
  static <R extends Record> ValueCodec<R> record(Class<R> type) {
    return RecordDerivation.codecOf(type);
  }
}
