package dev.vecdb.codec.pco;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Little-endian bit writer into a growable byte array (least significant bit first). Reused across blobs via
 * {@link #reset()}; not thread-safe.
 */
final class BitWriter {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf = new byte[1 << 16];
  private long bitPos;

  void reset() {
    Arrays.fill(buf, 0, Math.min(buf.length, (int) (bitPos >>> 3) + 16), (byte) 0);
    bitPos = 0;
  }

  private void ensure(long extraBits) {
    long needBytes = ((bitPos + extraBits) >>> 3) + 16;
    if (needBytes > buf.length) {
      if (needBytes > Integer.MAX_VALUE - 64) {
        throw new IllegalStateException("pco output too large");
      }
      buf = Arrays.copyOf(buf, (int) Math.max(needBytes, Math.min(Integer.MAX_VALUE - 64L, buf.length * 2L)));
    }
  }

  /** Reserves room for at least {@code bits} more bits so {@link #writeUnchecked} can be used. */
  void reserve(long bits) {
    ensure(bits);
  }

  /** Writes the low {@code bits} (0..64) of {@code value}; higher bits of {@code value} must be zero. */
  void write(long value, int bits) {
    ensure(bits);
    writeUnchecked(value, bits);
  }

  void writeUnchecked(long value, int bits) {
    if (bits == 0) {
      return;
    }
    if (bits > 56) {
      writeUnchecked(value & 0xFFFFFFFFL, 32);
      writeUnchecked(value >>> 32, bits - 32);
      return;
    }
    int idx = (int) (bitPos >>> 3);
    long cur = (long) LONG_LE.get(buf, idx);
    LONG_LE.set(buf, idx, cur | (value << (bitPos & 7)));
    bitPos += bits;
  }

  /** Drops everything written after bit {@code pos}. */
  void truncate(long pos) {
    int from = (int) (pos >>> 3);
    int to = Math.min(buf.length, (int) (bitPos >>> 3) + 16);
    if ((pos & 7) != 0) {
      buf[from] &= (byte) ((1 << (pos & 7)) - 1);
      from++;
    }
    Arrays.fill(buf, from, Math.max(from, to), (byte) 0);
    bitPos = pos;
  }

  void alignZero() {
    bitPos = (bitPos + 7) & ~7L;
  }

  long bitPosition() {
    return bitPos;
  }

  int byteLength() {
    return (int) ((bitPos + 7) >>> 3);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, byteLength());
  }
}
