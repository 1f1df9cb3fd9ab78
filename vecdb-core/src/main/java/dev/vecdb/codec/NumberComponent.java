package dev.vecdb.codec;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteOrder;

/**
 * A {@code byte}, {@code short}, {@code int}, {@code long}, {@code float} or {@code double} component. The accessor
 * is adapted to return the component's bits in a {@code long} (floats as their raw bits), so that one class writes,
 * orders and formats every number type.
 */
final class NumberComponent extends Component {
  private static final MethodHandle FLOAT_BITS;
  private static final MethodHandle DOUBLE_BITS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      FLOAT_BITS = lookup.findStatic(Float.class, "floatToRawIntBits", MethodType.methodType(int.class, float.class));
      DOUBLE_BITS =
          lookup.findStatic(Double.class, "doubleToRawLongBits", MethodType.methodType(long.class, double.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final NumberType type;
  private final Class<?> primitive;
  private final MethodHandle bits;

  /**
   * @param accessor the record's accessor, of type {@code (Record) -> primitive}
   */
  NumberComponent(String name, int offset, NumberType type, MethodHandle accessor) {
    super(name, offset, type.size());
    this.type = type;
    this.primitive = accessor.type().returnType();
    MethodHandle raw = switch (type) {
      case F32 -> MethodHandles.filterReturnValue(accessor, FLOAT_BITS);
      case F64 -> MethodHandles.filterReturnValue(accessor, DOUBLE_BITS);
      default -> accessor;
    };
    this.bits = raw.asType(MethodType.methodType(long.class, Object.class));
  }

  @Override
  String typeDescription() {
    return type.label();
  }

  @Override
  void write(Object record, MemorySegment dst, long recordOffset, ByteOrder order) {
    Scalars.writeBits(dst, recordOffset + offset, order, size, bits(record));
  }

  @Override
  MethodHandle readerAtStart() {
    return Scalars.reader(primitive);
  }

  @Override
  int compare(Object a, Object b) {
    long x = bits(a);
    long y = bits(b);
    return switch (type) {
      case F32 -> Float.compare(Float.intBitsToFloat((int) x), Float.intBitsToFloat((int) y));
      case F64 -> Double.compare(Double.longBitsToDouble(x), Double.longBitsToDouble(y));
      default -> type.compareWidened(type.widen(x), type.widen(y));
    };
  }

  @Override
  void appendCsv(Object record, StringBuilder out) {
    long x = bits(record);
    switch (type) {
      case F32 -> NumberFormats.appendFloat(out, Float.intBitsToFloat((int) x));
      case F64 -> NumberFormats.appendDouble(out, Double.longBitsToDouble(x));
      default -> NumberFormats.appendInteger(out, type, x);
    }
  }

  @Override
  void appendJson(Object record, StringBuilder out) {
    long x = bits(record);
    switch (type) {
      case F32 -> NumberFormats.appendJsonFloat(out, Float.intBitsToFloat((int) x));
      case F64 -> NumberFormats.appendJsonDouble(out, Double.longBitsToDouble(x));
      default -> NumberFormats.appendInteger(out, type, x);
    }
  }

  private long bits(Object record) {
    try {
      return (long) bits.invokeExact(record);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }
}
