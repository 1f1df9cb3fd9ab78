package dev.vecdb.compress.pco;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Little-endian bit writer (least significant bit first) into a growable byte array, buffering up to 64 bits in a
 * register. Reused across blobs via {@link #reset()}; not thread-safe.
 */
final class BitWriter {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] buf = new byte[1 << 16];
  private int bytePos;
  private long acc;
  private int accBits;

  void reset() {
    Arrays.fill(buf, 0, Math.min(buf.length, bytePos + 16), (byte) 0);
    bytePos = 0;
    acc = 0;
    accBits = 0;
  }

  /** Reserves room for at least {@code bits} more bits so {@link #writeUnchecked} can be used. */
  void reserve(long bits) {
    long needBytes = bytePos + (bits >>> 3) + 32;
    if (needBytes > buf.length) {
      if (needBytes > Integer.MAX_VALUE - 64) {
        throw new IllegalStateException("pco output too large");
      }
      buf = Arrays.copyOf(buf, (int) Math.max(needBytes, Math.min(Integer.MAX_VALUE - 64L, buf.length * 2L)));
    }
  }

  /** Writes the low {@code bits} (0..64) of {@code value}; higher bits of {@code value} must be zero. */
  void write(long value, int bits) {
    reserve(bits);
    writeUnchecked(value, bits);
  }

  void writeUnchecked(long value, int bits) {
    if (bits > 56) {
      writeUnchecked(value & 0xFFFFFFFFL, 32);
      writeUnchecked(value >>> 32, bits - 32);
      return;
    }
    if (accBits + bits > 64) {
      flushBytes();
    }
    if (bits > 0) {
      acc |= value << accBits;
      accBits += bits;
    }
  }

  private void flushBytes() {
    LONG_LE.set(buf, bytePos, acc);
    int n = accBits >>> 3;
    bytePos += n;
    acc = n == 8 ? 0 : acc >>> (n << 3);
    accBits -= n << 3;
  }

  /** Drops everything written after bit {@code pos}. */
  void truncate(long pos) {
    flushBytes();
    int end = Math.min(buf.length, bytePos + 16);
    int from = (int) (pos >>> 3);
    int keep = (int) (pos & 7);
    long partial = buf[from] & ((1L << keep) - 1);
    Arrays.fill(buf, from, Math.max(from, end), (byte) 0);
    bytePos = from;
    acc = partial;
    accBits = keep;
  }

  void alignZero() {
    accBits = (accBits + 7) & ~7;
  }

  long bitPosition() {
    return (long) bytePos * 8 + accBits;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, finish());
  }

  /** Copies the written bytes to {@code dst[dstOff..]}; returns their count. */
  int copyTo(byte[] dst, int dstOff) {
    int len = finish();
    java.util.Objects.checkFromIndexSize(dstOff, len, dst.length);
    System.arraycopy(buf, 0, dst, dstOff, len);
    return len;
  }

  /** Flushes the register and returns the length in bytes of everything written. */
  private int finish() {
    reserve(64);
    flushBytes();
    return bytePos + ((accBits + 7) >>> 3);
  }
}
