package dev.vecdb.codec;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.ByteOrder;

/**
 * One component of a record codec: its name, where its bytes sit in the record's layout, and how to write, read,
 * order and format it. Methods take the whole record and get the component through its accessor.
 */
abstract sealed class Component permits NumberComponent, BooleanComponent, CodecComponent {
  private static final MethodHandle LONG_SUM;

  static {
    try {
      LONG_SUM = MethodHandles.lookup().findStatic(Long.class, "sum",
          MethodType.methodType(long.class, long.class, long.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final String jsonKey;
  final int offset;
  final int size;

  Component(String name, int offset, int size) {
    this.name = name;
    this.jsonKey = '"' + name + "\":";
    this.offset = offset;
    this.size = size;
  }

  /** {@code name: type}, as in the record's description. */
  final String description() {
    return name + ": " + typeDescription();
  }

  /** Appends the component as a JSON member, {@code "name":value}. */
  final void appendJsonMember(Object record, StringBuilder out) {
    out.append(jsonKey);
    appendJson(record, out);
  }

  /**
   * A handle of type {@code (MemorySegment, long recordOffset, ByteOrder) -> component type} reading the component
   * of the record stored at {@code recordOffset}.
   */
  final MethodHandle reader() {
    MethodHandle atStart = readerAtStart();
    if (offset == 0) {
      return atStart;
    }
    return MethodHandles.filterArguments(atStart, 1, MethodHandles.insertArguments(LONG_SUM, 1, (long) offset));
  }

  /** Throws {@link IllegalArgumentException} if the component of {@code record} cannot be written. */
  void check(Object record) {}

  /** The component's type in the record's description: {@code u64}, {@code bool}, {@code bytes[32]}, .... */
  abstract String typeDescription();

  /** Writes the component of {@code record}, which passed {@link #check}, stored at {@code recordOffset}. */
  abstract void write(Object record, MemorySegment dst, long recordOffset, ByteOrder order);

  /** Like {@link #reader()}, for the component stored at {@code offset} itself. */
  abstract MethodHandle readerAtStart();

  /** Orders records {@code a} and {@code b} by this component. */
  abstract int compare(Object a, Object b);

  /** Appends the component of {@code record} as CSV. */
  abstract void appendCsv(Object record, StringBuilder out);

  /** Appends the component of {@code record} as a JSON value. */
  abstract void appendJson(Object record, StringBuilder out);

  /** The exception to throw for {@code failure}, thrown by an accessor or a constructor called through a handle. */
  static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    return new UndeclaredThrowableException(failure);
  }
}
