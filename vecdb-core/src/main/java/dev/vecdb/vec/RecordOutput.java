package dev.vecdb.vec;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that change records are encoded into: unsigned LEB128 varints, raw value bytes and UTF-8
 * strings (see {@link CommitCodec}). Not thread-safe.
 */
final class RecordOutput {
  private byte[] bytes;
  private int length;

  /** A buffer of {@code capacity} bytes to start with (exactly: {@link #array()} is then the whole content). */
  RecordOutput(int capacity) {
    bytes = new byte[capacity];
  }

  /** The number of bytes {@link #writeVarLong} writes for {@code value}. */
  static int varLongSize(long value) {
    return value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 6) / 7;
  }

  void writeByte(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  /** An unsigned LEB128 varint: 7 bits a byte, low bits first ({@code value} is treated as unsigned). */
  void writeVarLong(long value) {
    ensure(10);
    long v = value;
    while ((v & ~0x7FL) != 0) {
      bytes[length++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[length++] = (byte) v;
  }

  void writeBytes(MemorySegment src, long offset, long count) {
    ensure(Math.toIntExact(count));
    MemorySegment.copy(src, ValueLayout.JAVA_BYTE, offset, bytes, length, (int) count);
    length += (int) count;
  }

  void writeBytes(byte[] src) {
    writeBytes(src, src.length);
  }

  /** Writes {@code src[0, count)}. */
  void writeBytes(byte[] src, int count) {
    ensure(count);
    System.arraycopy(src, 0, bytes, length, count);
    length += count;
  }

  /** Reserves {@code count} bytes at the end for the caller to fill, and returns them. */
  MemorySegment reserve(long count) {
    ensure(Math.toIntExact(count));
    MemorySegment slot = MemorySegment.ofArray(bytes).asSlice(length, count);
    length += (int) count;
    return slot;
  }

  void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length);
    writeBytes(utf8);
  }

  void writeIntLe(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      bytes[length++] = (byte) (value >>> (8 * i));
    }
  }

  int length() {
    return length;
  }

  /** The bytes written so far (a copy). */
  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** The internal array; valid up to {@link #length()} until the next write. */
  byte[] array() {
    return bytes;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      long grown = Math.max((long) length + more, (long) bytes.length * 2);
      if (grown > Integer.MAX_VALUE - 8) {
        throw Exceptions.illegalState("a commit's change records exceed 2 GiB; flush more often");
      }
      bytes = Arrays.copyOf(bytes, (int) grown);
    }
  }
}
