package dev.vecdb.codec;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * What the built-in codecs share: the description and its signature, checking a value before writing it, and the
 * method handles that write, read and order values, from which the codec of an enclosing record composes its own.
 *
 * @param <T> the value type
 */
abstract sealed class FixedCodec<T> implements ValueCodec<T> permits ByteArrayCodec, RecordCodec {
  private static final long FNV_OFFSET_BASIS = 0xcbf2_9ce4_8422_2325L;
  private static final long FNV_PRIME = 0x100_0000_01b3L;

  private final String description;
  private final long signature;

  FixedCodec(String description) {
    this.description = description;
    this.signature = fnv1a(description.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final long signature() {
    return signature;
  }

  @Override
  public final void write(T value, MemorySegment dst, long offset, ByteOrder order) {
    check(value, "value");
    writeChecked(value, dst, offset, order);
  }

  /** The description. */
  @Override
  public final String toString() {
    return description;
  }

  /**
   * Throws {@link IllegalArgumentException} if {@code value} cannot be written: it is null, or not of the codec's
   * shape. {@code what} names the value in the message, e.g. {@code component hash of record Candle}.
   */
  abstract void check(Object value, String what);

  /** Writes a value that passed {@link #check}. */
  abstract void writeChecked(T value, MemorySegment dst, long offset, ByteOrder order);

  /** A handle of type {@code (MemorySegment, long, ByteOrder) -> T} doing what {@link #read} does. */
  abstract MethodHandle reader();

  /** A handle of type {@code (T, MemorySegment, long, ByteOrder) -> void} doing what {@link #writeChecked} does. */
  abstract MethodHandle writer();

  /** A handle of type {@code (T, T) -> int} doing what {@link #compare} does. */
  abstract MethodHandle comparator();

  private static long fnv1a(byte[] bytes) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : bytes) {
      hash = (hash ^ (b & 0xFF)) * FNV_PRIME;
    }
    return hash;
  }
}
