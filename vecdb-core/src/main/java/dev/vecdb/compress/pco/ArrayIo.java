package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Moves number bits between the internal {@code long} representation (raw bits in the low bits, masked to the
 * type width) and the caller's typed arrays or little-endian bytes. Stateless and thread-safe.
 */
final class ArrayIo {
  private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT_LE =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  private ArrayIo() {}

  /** Validates the array against the type and returns the room from {@code off} to the end. */
  static int capacity(PcoNumberType type, Object array, int off) {
    if (array == null || array.getClass() != type.arrayType()) {
      throw Exceptions.illegalArgument("%s needs a %s, got %s", type, type.arrayType().getSimpleName(),
          (array == null ? "null" : array.getClass().getSimpleName()));
    }
    int len = java.lang.reflect.Array.getLength(array);
    if (off < 0 || off > len) {
      throw Exceptions.indexOutOfBounds("offset %s outside array of length %s", off, len);
    }
    return len - off;
  }

  /** Writes {@code n} values into {@code dst}: a typed array from index {@code off}, or little-endian bytes. */
  static void store(PcoNumberType type, long[] bits, int n, Object dst, int off) {
    switch (dst) {
      case MemorySegment s -> storeLittleEndian(type, bits, n, s, (long) off * (type.bits() / 8));
      case long[] a -> System.arraycopy(bits, 0, a, off, n);
      case double[] a -> {
        for (int i = 0; i < n; i++) {
          a[off + i] = Double.longBitsToDouble(bits[i]);
        }
      }
      case int[] a -> {
        for (int i = 0; i < n; i++) {
          a[off + i] = (int) bits[i];
        }
      }
      case float[] a -> {
        for (int i = 0; i < n; i++) {
          a[off + i] = Float.intBitsToFloat((int) bits[i]);
        }
      }
      case short[] a -> {
        for (int i = 0; i < n; i++) {
          a[off + i] = (short) bits[i];
        }
      }
      case byte[] a -> {
        for (int i = 0; i < n; i++) {
          a[off + i] = (byte) bits[i];
        }
      }
      default -> throw Exceptions.illegalArgument("unsupported array for %s", type);
    }
  }

  /** The room in {@code dst} for values of {@code type} stored little-endian. */
  static int capacity(PcoNumberType type, MemorySegment dst) {
    return (int) Math.min(Integer.MAX_VALUE, dst.byteSize() / (type.bits() / 8));
  }

  private static void storeLittleEndian(PcoNumberType type, long[] bits, int n, MemorySegment dst, long at) {
    switch (type.bits()) {
      case 64 -> MemorySegment.copy(bits, 0, dst, LONG_LE, at, n);
      case 32 -> {
        for (int i = 0; i < n; i++) {
          dst.set(INT_LE, at + 4L * i, (int) bits[i]);
        }
      }
      case 16 -> {
        for (int i = 0; i < n; i++) {
          dst.set(SHORT_LE, at + 2L * i, (short) bits[i]);
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          dst.set(ValueLayout.JAVA_BYTE, at + i, (byte) bits[i]);
        }
      }
    }
  }

  /** Loads {@code n} values as raw bits masked to the type width. */
  static void load(PcoNumberType type, Object src, int off, int n, long[] bits) {
    switch (src) {
      case long[] a -> System.arraycopy(a, off, bits, 0, n);
      case double[] a -> {
        for (int i = 0; i < n; i++) {
          bits[i] = Double.doubleToRawLongBits(a[off + i]);
        }
      }
      case int[] a -> {
        for (int i = 0; i < n; i++) {
          bits[i] = a[off + i] & 0xFFFFFFFFL;
        }
      }
      case float[] a -> {
        for (int i = 0; i < n; i++) {
          bits[i] = Float.floatToRawIntBits(a[off + i]) & 0xFFFFFFFFL;
        }
      }
      case short[] a -> {
        for (int i = 0; i < n; i++) {
          bits[i] = a[off + i] & 0xFFFFL;
        }
      }
      case byte[] a -> {
        for (int i = 0; i < n; i++) {
          bits[i] = a[off + i] & 0xFFL;
        }
      }
      default -> throw Exceptions.illegalArgument("unsupported array for %s", type);
    }
  }
}
