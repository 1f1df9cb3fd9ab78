package dev.vecdb.codec;

import dev.vecdb.CorruptionException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteOrder;

/** A {@code boolean} component: one byte, 0 for {@code false} and 1 for {@code true}; any other byte is corrupt. */
final class BooleanComponent extends Component {
  private static final MethodHandle READ;

  static {
    try {
      READ = MethodHandles.lookup().findStatic(BooleanComponent.class, "read",
          MethodType.methodType(boolean.class, String.class, MemorySegment.class, long.class, ByteOrder.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String label;
  private final MethodHandle value;

  /**
   * @param label the component in messages, e.g. {@code component open of record Candle}
   * @param accessor the record's accessor, of type {@code (Record) -> boolean}
   */
  BooleanComponent(String name, int offset, String label, MethodHandle accessor) {
    super(name, offset, 1);
    this.label = label;
    this.value = accessor.asType(MethodType.methodType(boolean.class, Object.class));
  }

  @Override
  String typeDescription() {
    return "bool";
  }

  @Override
  void write(Object record, MemorySegment dst, long recordOffset, ByteOrder order) {
    dst.set(ValueLayout.JAVA_BYTE, recordOffset + offset, value(record) ? (byte) 1 : (byte) 0);
  }

  @Override
  MethodHandle readerAtStart() {
    return MethodHandles.insertArguments(READ, 0, label);
  }

  @Override
  int compare(Object a, Object b) {
    return Boolean.compare(value(a), value(b));
  }

  @Override
  void appendCsv(Object record, StringBuilder out) {
    out.append(value(record));
  }

  @Override
  void appendJson(Object record, StringBuilder out) {
    out.append(value(record));
  }

  private boolean value(Object record) {
    try {
      return (boolean) value.invokeExact(record);
    } catch (Throwable t) {
      throw unchecked(t);
    }
  }

  private static boolean read(String label, MemorySegment src, long offset, ByteOrder order) {
    byte b = src.get(ValueLayout.JAVA_BYTE, offset);
    return switch (b) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new CorruptionException(String.format(
          "%s: stored byte 0x%02x at offset %d is not a boolean (0 or 1)", label, b & 0xFF, offset));
    };
  }
}
