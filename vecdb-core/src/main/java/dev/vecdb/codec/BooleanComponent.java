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
  private static final MethodHandle READ = Handles.findStatic(BooleanComponent.class, "read", boolean.class,
      String.class, MemorySegment.class, long.class, ByteOrder.class);
  private static final MethodHandle WRITE = Handles.findStatic(BooleanComponent.class, "write", void.class,
      boolean.class, MemorySegment.class, long.class, ByteOrder.class);
  private static final MethodHandle COMPARE =
      Handles.findStatic(Boolean.class, "compare", int.class, boolean.class, boolean.class);

  private final String label;
  private final MethodHandle value;

  /**
   * @param label the component in messages, e.g. {@code component open of record Candle}
   * @param accessor the record's accessor, of type {@code (Record) -> boolean}
   */
  BooleanComponent(String name, int offset, String label, MethodHandle accessor) {
    super(name, offset, 1, accessor);
    this.label = label;
    this.value = accessor.asType(MethodType.methodType(boolean.class, Object.class));
  }

  @Override
  String typeDescription() {
    return "bool";
  }

  @Override
  MethodHandle readerAtStart() {
    return MethodHandles.insertArguments(READ, 0, label);
  }

  @Override
  MethodHandle writerAtStart() {
    return WRITE;
  }

  @Override
  MethodHandle valueComparator() {
    return COMPARE;
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
      throw Handles.unchecked(t);
    }
  }

  static void write(boolean value, MemorySegment dst, long offset, ByteOrder order) {
    dst.set(ValueLayout.JAVA_BYTE, offset, value ? (byte) 1 : (byte) 0);
  }

  static boolean read(String label, MemorySegment src, long offset, ByteOrder order) {
    byte b = src.get(ValueLayout.JAVA_BYTE, offset);
    return switch (b) {
      case 0 -> false;
      case 1 -> true;
      default -> throw new CorruptionException(String.format(
          "%s: stored byte 0x%02x at offset %d is not a boolean (0 or 1)", label, b & 0xFF, offset));
    };
  }
}
