package dev.vecdb.compress.pco;

import dev.vecdb.internal.Exceptions;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Little-endian bit reader over a private copy of the input, padded with zero bytes so that reads may overshoot the
 * real end by up to {@link #PADDING} bytes; callers detect the overshoot with {@link #checkBounds(String)}. Not
 * thread-safe; reused across inputs.
 */
final class BitReader {
  /** Zero bytes after the data: more than one 256-value batch of one latent variable can consume. */
  static final int PADDING = 4096 + 64;

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  byte[] buf = new byte[PADDING + 256];
  long bitPos;
  private long limitBits;
  /** Every byte of {@link #buf} from here on is zero: a load re-zeroes only what the previous one wrote. */
  private int dirtyEnd;

  void load(MemorySegment src) {
    long size = src.byteSize();
    if (size > Integer.MAX_VALUE - PADDING - 16) {
      throw Exceptions.illegalArgument("pco input too large: %s bytes", size);
    }
    int n = (int) size;
    prepare(n);
    MemorySegment.copy(src, ValueLayout.JAVA_BYTE, 0, buf, 0, n);
  }

  void load(byte[] src, int off, int len) {
    java.util.Objects.checkFromIndexSize(off, len, src.length);
    if (len > Integer.MAX_VALUE - PADDING - 16) {
      throw Exceptions.illegalArgument("pco input too large: %s bytes", len);
    }
    prepare(len);
    System.arraycopy(src, off, buf, 0, len);
  }

  /**
   * Makes room for {@code n} bytes of input followed by {@link #PADDING} zero bytes. Only the bytes the previous
   * input left past {@code n} are cleared (a page decode loads a few dozen bytes, the padding is 4 KiB).
   */
  private void prepare(int n) {
    if (buf.length < n + PADDING) {
      buf = new byte[Math.max(n + PADDING, buf.length * 2)];
      dirtyEnd = 0;
    }
    if (dirtyEnd > n) {
      Arrays.fill(buf, n, dirtyEnd, (byte) 0);
    }
    dirtyEnd = n;
    limitBits = (long) n * 8;
    bitPos = 0;
  }

  static long word(byte[] b, int byteIdx) {
    return (long) LONG_LE.get(b, byteIdx);
  }

  /** Reads {@code bits} (0..64) without a bounds check. */
  long read(int bits) {
    if (bits <= 56) {
      long p = bitPos;
      long w = word(buf, (int) (p >>> 3)) >>> (p & 7);
      bitPos = p + bits;
      return w & ((1L << bits) - 1);
    }
    long lo = read(32);
    return lo | (read(bits - 32) << 32);
  }

  /** Reads {@code bits} (0..64) and fails with "insufficient data" if they run past the input. */
  long readChecked(int bits, String what) {
    long v = read(bits);
    checkBounds(what);
    return v;
  }

  int readInt(int bits, String what) {
    return (int) readChecked(bits, what);
  }

  void checkBounds(String what) {
    if (bitPos > limitBits) {
      throw PcoErrors.insufficientData(what);
    }
  }

  long remainingBits() {
    return limitBits - bitPos;
  }

  /** Skips to the next byte boundary; the skipped bits must be zero. */
  void alignZero(String what) {
    int r = (int) ((8 - (bitPos & 7)) & 7);
    if (r > 0 && readChecked(r, what) != 0) {
      throw PcoErrors.corrupt("nonzero padding bits after %s", what);
    }
  }

  int readAlignedByte(String what) {
    if ((bitPos & 7) != 0) {
      throw new IllegalStateException("unaligned byte read");
    }
    return readInt(8, what);
  }

  int bytePosition() {
    return (int) ((bitPos + 7) >>> 3);
  }
}
