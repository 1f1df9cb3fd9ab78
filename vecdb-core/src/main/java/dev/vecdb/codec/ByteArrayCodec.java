package dev.vecdb.codec;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Byte arrays of one fixed length, stored as is (the byte order does not apply). See {@link ValueCodec#bytes}. */
final class ByteArrayCodec extends FixedCodec<byte[]> {
  private static final MethodHandle READ = Handles.findVirtual(ByteArrayCodec.class, "read", byte[].class,
      MemorySegment.class, long.class, ByteOrder.class);
  private static final MethodHandle WRITE = Handles.findVirtual(ByteArrayCodec.class, "writeChecked", void.class,
      byte[].class, MemorySegment.class, long.class, ByteOrder.class);
  private static final MethodHandle COMPARE =
      Handles.findStatic(Arrays.class, "compareUnsigned", int.class, byte[].class, byte[].class);

  private final int size;

  ByteArrayCodec(int size) {
    if (size < 1 || size > MAX_BYTES) {
      throw Exceptions.illegalArgument("byte array size must be 1 to %s, got %s", MAX_BYTES, size);
    }
    super("bytes[" + size + "]");
    this.size = size;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int typeCode() {
    return BYTES_TYPE_CODE;
  }

  @Override
  public byte[] read(MemorySegment src, long offset, ByteOrder order) {
    byte[] value = new byte[size];
    MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, value, 0, size);
    return value;
  }

  @Override
  public void appendCsv(byte[] value, StringBuilder out) {
    NumberFormats.appendHex(out, value);
  }

  @Override
  public void appendJson(byte[] value, StringBuilder out) {
    out.append('"');
    NumberFormats.appendHex(out, value);
    out.append('"');
  }

  @Override
  public int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Override
  void check(Object value, String what) {
    if (value == null) {
      throw Exceptions.illegalArgument("%s is null; expected %s bytes", what, size);
    }
    int length = ((byte[]) value).length;
    if (length != size) {
      throw Exceptions.illegalArgument("%s has %s bytes; expected %s", what, length, size);
    }
  }

  @Override
  void writeChecked(byte[] value, MemorySegment dst, long offset, ByteOrder order) {
    MemorySegment.copy(value, 0, dst, ValueLayout.JAVA_BYTE, offset, size);
  }

  @Override
  MethodHandle reader() {
    return READ.bindTo(this);
  }

  @Override
  MethodHandle writer() {
    return WRITE.bindTo(this);
  }

  @Override
  MethodHandle comparator() {
    return COMPARE;
  }
}
