package dev.vecdb.codec;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * One component of a record codec: its name, where its bytes sit in the record's layout, and how to write, read,
 * order and format it. Writing, reading and ordering are method handles, which the record codec composes into one
 * handle each; the formatting methods take the whole record and get the component through its accessor.
 */
abstract sealed class Component permits NumberComponent, BooleanComponent, CodecComponent {
  private static final MethodHandle LONG_SUM = Handles.findStatic(Long.class, "sum", long.class, long.class,
      long.class);

  private final String name;
  private final String jsonKey;
  private final MethodHandle accessor;
  final int offset;
  final int size;

  /**
   * @param accessor the record's accessor, of type {@code (Record) -> component type}
   */
  Component(String name, int offset, int size, MethodHandle accessor) {
    this.name = name;
    this.jsonKey = '"' + name + "\":";
    this.accessor = accessor;
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
    return shiftOffset(readerAtStart(), 1);
  }

  /**
   * A handle of type {@code (Record, MemorySegment, long recordOffset, ByteOrder) -> void} writing the component of
   * the record, which passed {@link #check}, stored at {@code recordOffset}.
   */
  final MethodHandle writer() {
    return shiftOffset(MethodHandles.filterArguments(writerAtStart(), 0, accessor), 2);
  }

  /** A handle of type {@code (Record, Record) -> int} ordering two records by this component. */
  final MethodHandle comparator() {
    return MethodHandles.filterArguments(valueComparator(), 0, accessor, accessor);
  }

  /** Throws {@link IllegalArgumentException} if the component of {@code record} cannot be written. */
  void check(Object record) {}

  /** The component's type in the record's description: {@code u64}, {@code bool}, {@code bytes[32]}, .... */
  abstract String typeDescription();

  /** Like {@link #reader()}, for the component stored at {@code offset} itself. */
  abstract MethodHandle readerAtStart();

  /**
   * A handle of type {@code (component type, MemorySegment, long offset, ByteOrder) -> void} writing a component
   * value at {@code offset} itself.
   */
  abstract MethodHandle writerAtStart();

  /** A handle of type {@code (component type, component type) -> int} ordering two component values. */
  abstract MethodHandle valueComparator();

  /** Appends the component of {@code record} as CSV. */
  abstract void appendCsv(Object record, StringBuilder out);

  /** Appends the component of {@code record} as a JSON value. */
  abstract void appendJson(Object record, StringBuilder out);

  /** {@code handle} with {@link #offset} added to its {@code long} offset argument at {@code position}. */
  private MethodHandle shiftOffset(MethodHandle handle, int position) {
    if (offset == 0) {
      return handle;
    }
    return MethodHandles.filterArguments(handle, position, MethodHandles.insertArguments(LONG_SUM, 1, (long) offset));
  }
}
