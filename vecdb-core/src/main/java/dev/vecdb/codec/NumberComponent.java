package dev.vecdb.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A {@code byte}, {@code short}, {@code int}, {@code long}, {@code float} or {@code double} component. For
 * formatting, the accessor is adapted to return the component's bits in a {@code long} (floats as their raw bits),
 * so that one class handles every number type.
 */
final class NumberComponent extends Component {
  private static final MethodHandle FLOAT_BITS =
      Handles.findStatic(Float.class, "floatToRawIntBits", int.class, float.class);
  private static final MethodHandle DOUBLE_BITS =
      Handles.findStatic(Double.class, "doubleToRawLongBits", long.class, double.class);

  private final NumberType type;
  private final Class<?> primitive;
  private final MethodHandle bits;

  /**
   * @param accessor the record's accessor, of type {@code (Record) -> primitive}
   */
  NumberComponent(String name, int offset, NumberType type, MethodHandle accessor) {
    super(name, offset, type.size(), accessor);
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
  MethodHandle readerAtStart() {
    return Scalars.reader(primitive);
  }

  @Override
  MethodHandle writerAtStart() {
    return Scalars.writer(primitive);
  }

  /** {@code Integer.compare}, {@code Integer.compareUnsigned}, {@code Double.compare}, ... of the primitive. */
  @Override
  MethodHandle valueComparator() {
    Class<?> box = MethodType.methodType(primitive).wrap().returnType();
    return Handles.findStatic(box, type.isUnsigned() ? "compareUnsigned" : "compare", int.class, primitive, primitive);
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
      throw Handles.unchecked(t);
    }
  }
}
