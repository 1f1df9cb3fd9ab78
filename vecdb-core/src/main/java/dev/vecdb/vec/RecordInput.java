package dev.vecdb.vec;

import dev.vecdb.CorruptionException;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link RecordOutput} wrote, checking every length against the bytes left: a damaged payload fails with
 * a {@link CorruptionException} naming the commit and the offset, never with an index error. Not thread-safe.
 */
final class RecordInput {
  private final byte[] bytes;
  private final int end;
  private final String what;
  private int position;

  /** Reads {@code bytes[0, end)}; {@code what} names the payload in error messages. */
  RecordInput(byte[] bytes, int end, String what) {
    this.bytes = bytes;
    this.end = end;
    this.what = what;
  }

  boolean hasMore() {
    return position < end;
  }

  int position() {
    return position;
  }

  int readByte() {
    need(1);
    return bytes[position++] & 0xFF;
  }

  long readVarLong() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw corrupt("a varint is longer than 10 bytes");
  }

  /** A varint that must lie within {@code [0, max]}. */
  long readCount(long max, String of) {
    long value = readVarLong();
    if (value < 0 || value > max) {
      throw corrupt(of + " " + value + " is outside [0, " + max + "]");
    }
    return value;
  }

  /** A count of things each at least one byte long: at most the bytes left. */
  int readLength(String of) {
    return (int) readCount(end - position, of);
  }

  int readInt(String of) {
    return (int) readCount(Integer.MAX_VALUE, of);
  }

  /** {@code count} raw bytes, as a slice of the payload. */
  MemorySegment readBytes(long count) {
    need(count);
    MemorySegment out = MemorySegment.ofArray(bytes).asSlice(position, count);
    position += (int) count;
    return out;
  }

  byte[] readByteArray(int count) {
    need(count);
    byte[] out = new byte[count];
    MemorySegment.copy(bytes, position, MemorySegment.ofArray(out), ValueLayout.JAVA_BYTE, 0, count);
    position += count;
    return out;
  }

  String readString() {
    int length = readInt("string length");
    need(length);
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  CorruptionException corrupt(String problem) {
    return Exceptions.corruption("%s is damaged at offset %s: %s", what, position, problem);
  }

  private void need(long count) {
    if (count < 0 || count > end - position) {
      throw corrupt(count + " bytes needed, " + (end - position) + " left");
    }
  }
}
