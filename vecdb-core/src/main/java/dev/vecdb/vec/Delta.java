package dev.vecdb.vec;

import dev.vecdb.UnsupportedFormatVersionException;
import dev.vecdb.internal.Crc32c;
import dev.vecdb.internal.Exceptions;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * One stored change set: what undoes the write stamped {@link #stamp}. Applying it to the vector's state after that
 * write gives back its baseline (its state at the previous stamp point):
 * truncate to {@link #truncStart}, append the {@link #truncated} values (the baseline's values of
 * {@code [truncStart, baseLen)}), put back the {@link #modifiedValues} at {@link #modifiedIndices}, set the holes
 * to {@link #holes} and the stamp to {@link #prevStamp}.
 *
 * <p>Encoding (little-endian; values in the vector's own byte order): {@code u32 magic "VCHG", u16 version,
 * u16 value size, u64 stamp, u64 prevStamp, u64 baseLen, u64 truncStart, truncated values, u64 modified count,
 * indices, values, u64 hole count, holes, u32 crc32c} of everything before it. The magic, the version and the
 * trailing checksum keep their places in every version.
 */
record Delta(long stamp, long prevStamp, long baseLen, long truncStart, MemorySegment truncated,
    long[] modifiedIndices, MemorySegment modifiedValues, long[] holes) {
  private static final int MAGIC = 0x47484356; // "VCHG"
  private static final int VERSION = 1;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
  private static final ValueLayout.OfShort SHORT =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

  /**
   * The change set that undoes {@code later} and then {@code earlier} in one step: {@code later} takes a state back to
   * the state {@code earlier} starts from. Used when a stamp is written again after a rollback to it, so that its
   * change set still leads to the stamp before it.
   */
  static Delta compose(Delta later, Delta earlier, int size) {
    long truncStart = Math.min(later.truncStart, earlier.truncStart);
    MemorySegment truncated = MemorySegment.ofArray(new byte[Math.toIntExact((earlier.baseLen - truncStart) * size)]);
    for (long i = truncStart; i < earlier.baseLen; i++) {
      MemorySegment source;
      long offset;
      int m = java.util.Arrays.binarySearch(earlier.modifiedIndices, i);
      if (i >= earlier.truncStart) {
        source = earlier.truncated;
        offset = (i - earlier.truncStart) * size;
      } else if (m >= 0) {
        source = earlier.modifiedValues;
        offset = (long) m * size;
      } else {
        source = later.truncated;
        offset = (i - later.truncStart) * size;
      }
      MemorySegment.copy(source, offset, truncated, (i - truncStart) * size, size);
    }
    java.util.TreeMap<Long, Long> modified = new java.util.TreeMap<>();
    for (int i = 0; i < later.modifiedIndices.length && later.modifiedIndices[i] < truncStart; i++) {
      modified.put(later.modifiedIndices[i], ((long) i << 1));
    }
    for (int i = 0; i < earlier.modifiedIndices.length && earlier.modifiedIndices[i] < truncStart; i++) {
      modified.put(earlier.modifiedIndices[i], ((long) i << 1) | 1);
    }
    long[] indices = new long[modified.size()];
    MemorySegment values = MemorySegment.ofArray(new byte[modified.size() * size]);
    int n = 0;
    for (var e : modified.entrySet()) {
      long ref = e.getValue();
      MemorySegment source = (ref & 1) == 1 ? earlier.modifiedValues : later.modifiedValues;
      MemorySegment.copy(source, (ref >>> 1) * size, values, (long) n * size, size);
      indices[n++] = e.getKey();
    }
    return new Delta(later.stamp, earlier.prevStamp, earlier.baseLen, truncStart, truncated, indices, values,
        earlier.holes);
  }

  MemorySegment encode(int size) {
    long length = 8 + 8 * 4 + truncated.byteSize() + 8 + 8L * modifiedIndices.length + modifiedValues.byteSize()
        + 8 + 8L * holes.length + 4;
    MemorySegment out = MemorySegment.ofArray(new byte[Math.toIntExact(length)]);
    out.set(INT, 0, MAGIC);
    out.set(SHORT, 4, (short) VERSION);
    out.set(SHORT, 6, (short) size);
    long at = 8;
    for (long v : new long[] {stamp, prevStamp, baseLen, truncStart}) {
      out.set(LONG, at, v);
      at += 8;
    }
    MemorySegment.copy(truncated, 0, out, at, truncated.byteSize());
    at += truncated.byteSize();
    at = putLongs(out, at, modifiedIndices);
    MemorySegment.copy(modifiedValues, 0, out, at, modifiedValues.byteSize());
    at += modifiedValues.byteSize();
    at = putLongs(out, at, holes);
    out.set(INT, at, crc(out, at));
    return out;
  }

  /** Decodes a change set; {@code where} names it in errors. */
  static Delta decode(MemorySegment in, int size, String where) {
    if (in.byteSize() < 12 || in.get(INT, 0) != MAGIC) {
      throw Exceptions.corruption("%s: not a change set (%s bytes, no magic number)", where, in.byteSize());
    }
    if (in.get(INT, in.byteSize() - 4) != crc(in, in.byteSize() - 4)) {
      throw Exceptions.corruption("%s: change set fails its checksum", where);
    }
    int version = Short.toUnsignedInt(in.get(SHORT, 4));
    if (version != VERSION) {
      throw new UnsupportedFormatVersionException(where, version, VERSION);
    }
    if (in.get(SHORT, 6) != (short) size) {
      throw Exceptions.corruption("%s: change set of %s-byte values, the vector's are %s bytes", where,
          Short.toUnsignedInt(in.get(SHORT, 6)), size);
    }
    Reader r = new Reader(in, where);
    long stamp = r.nextLong();
    long prevStamp = r.nextLong();
    long baseLen = r.nextLong();
    long truncStart = r.nextLong();
    if (truncStart < 0 || truncStart > baseLen) {
      throw Exceptions.corruption("%s: truncation start %s beyond base length %s", where, truncStart, baseLen);
    }
    MemorySegment truncated = r.next(Math.multiplyExact(baseLen - truncStart, size));
    long[] indices = r.nextLongs();
    MemorySegment values = r.next(Math.multiplyExact((long) indices.length, size));
    long[] holes = r.nextLongs();
    return new Delta(stamp, prevStamp, baseLen, truncStart, truncated, indices, values, holes);
  }

  private static long putLongs(MemorySegment out, long at, long[] values) {
    out.set(LONG, at, values.length);
    at += 8;
    for (long v : values) {
      out.set(LONG, at, v);
      at += 8;
    }
    return at;
  }

  private static int crc(MemorySegment bytes, long length) {
    return Crc32c.of(bytes.asSlice(0, length));
  }

  /** A bounds-checked cursor over an encoded change set. */
  private static final class Reader {
    private final MemorySegment in;
    private final String where;
    private long at = 8;

    Reader(MemorySegment in, String where) {
      this.in = in;
      this.where = where;
    }

    void need(long n) {
      if (n < 0 || at + n > in.byteSize() - 4) {
        throw Exceptions.corruption("%s: change set is truncated at byte %s", where, at);
      }
    }

    long nextLong() {
      need(8);
      long v = in.get(LONG, at);
      at += 8;
      return v;
    }

    MemorySegment next(long n) {
      need(n);
      MemorySegment slice = in.asSlice(at, n);
      at += n;
      return slice;
    }

    long[] nextLongs() {
      long count = nextLong();
      if (count < 0 || count > (in.byteSize() - 4 - at) / 8) {
        throw Exceptions.corruption("%s: change set is truncated at byte %s", where, at);
      }
      long[] out = new long[(int) count];
      for (int i = 0; i < out.length; i++) {
        out[i] = nextLong();
      }
      return out;
    }
  }
}
