package dev.vecdb.codec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.Map;

/** Unaligned reads and writes of primitive numbers in either byte order, without allocating layouts per access. */
final class Scalars {
  private static final ByteOrder LITTLE = ByteOrder.LITTLE_ENDIAN;
  private static final ByteOrder BIG = ByteOrder.BIG_ENDIAN;
  private static final ValueLayout.OfShort SHORT_LE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(LITTLE);
  private static final ValueLayout.OfShort SHORT_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(BIG);
  private static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(LITTLE);
  private static final ValueLayout.OfInt INT_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(BIG);
  private static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(LITTLE);
  private static final ValueLayout.OfLong LONG_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(BIG);
  private static final ValueLayout.OfFloat FLOAT_LE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(LITTLE);
  private static final ValueLayout.OfFloat FLOAT_BE = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(BIG);
  private static final ValueLayout.OfDouble DOUBLE_LE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(LITTLE);
  private static final ValueLayout.OfDouble DOUBLE_BE = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(BIG);

  private static final Map<Class<?>, MethodHandle> READERS = Map.of(
      byte.class, findReader("readByte", byte.class),
      short.class, findReader("readShort", short.class),
      int.class, findReader("readInt", int.class),
      long.class, findReader("readLong", long.class),
      float.class, findReader("readFloat", float.class),
      double.class, findReader("readDouble", double.class));

  private static final Map<Class<?>, MethodHandle> WRITERS = Map.of(
      byte.class, findWriter("writeByte", byte.class),
      short.class, findWriter("writeShort", short.class),
      int.class, findWriter("writeInt", int.class),
      long.class, findWriter("writeLong", long.class),
      float.class, findWriter("writeFloat", float.class),
      double.class, findWriter("writeDouble", double.class));

  private Scalars() {}

  /**
   * The handle of type {@code (MemorySegment, long offset, ByteOrder) -> primitive} reading a {@code primitive}
   * ({@code byte} to {@code double}, not {@code boolean}).
   */
  static MethodHandle reader(Class<?> primitive) {
    return READERS.get(primitive);
  }

  /**
   * The handle of type {@code (primitive, MemorySegment, long offset, ByteOrder) -> void} writing a
   * {@code primitive} ({@code byte} to {@code double}, not {@code boolean}); a float's raw bits are stored.
   */
  static MethodHandle writer(Class<?> primitive) {
    return WRITERS.get(primitive);
  }

  static byte readByte(MemorySegment src, long offset, ByteOrder order) {
    return src.get(ValueLayout.JAVA_BYTE, offset);
  }

  static short readShort(MemorySegment src, long offset, ByteOrder order) {
    return src.get(order == LITTLE ? SHORT_LE : SHORT_BE, offset);
  }

  static int readInt(MemorySegment src, long offset, ByteOrder order) {
    return src.get(order == LITTLE ? INT_LE : INT_BE, offset);
  }

  static long readLong(MemorySegment src, long offset, ByteOrder order) {
    return src.get(order == LITTLE ? LONG_LE : LONG_BE, offset);
  }

  static float readFloat(MemorySegment src, long offset, ByteOrder order) {
    return src.get(order == LITTLE ? FLOAT_LE : FLOAT_BE, offset);
  }

  static double readDouble(MemorySegment src, long offset, ByteOrder order) {
    return src.get(order == LITTLE ? DOUBLE_LE : DOUBLE_BE, offset);
  }

  static void writeByte(byte value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(ValueLayout.JAVA_BYTE, offset, value);
  }

  static void writeShort(short value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(order == LITTLE ? SHORT_LE : SHORT_BE, offset, value);
  }

  static void writeInt(int value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(order == LITTLE ? INT_LE : INT_BE, offset, value);
  }

  static void writeLong(long value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(order == LITTLE ? LONG_LE : LONG_BE, offset, value);
  }

  static void writeFloat(float value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(order == LITTLE ? FLOAT_LE : FLOAT_BE, offset, value);
  }

  static void writeDouble(double value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(order == LITTLE ? DOUBLE_LE : DOUBLE_BE, offset, value);
  }

  private static MethodHandle findReader(String name, Class<?> primitive) {
    return Handles.findStatic(Scalars.class, name, primitive, MemorySegment.class, long.class, ByteOrder.class);
  }

  private static MethodHandle findWriter(String name, Class<?> primitive) {
    return Handles.findStatic(Scalars.class, name, void.class, primitive, MemorySegment.class, long.class,
        ByteOrder.class);
  }
}
