package dev.vecdb.vec;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;

/**
 * Test helper: one primitive vector of any {@link NumberType}, pushed and read as raw bit patterns in {@code long}s
 * (low bits significant), so one test covers all six primitive vector families.
 */
record TypedVec(StoredVec vec) {

  static TypedVec open(Database db, String name, NumberType type, VecOptions options) {
    return new TypedVec(db.numericVec(name, type, options));
  }

  long len() {
    return vec.len();
  }

  void write() {
    vec.write();
  }

  void pushAll(long[] bits) {
    for (long b : bits) {
      switch (vec) {
        case ByteVec v -> v.push((byte) b);
        case ShortVec v -> v.push((short) b);
        case IntVec v -> v.push((int) b);
        case LongVec v -> v.push(b);
        case FloatVec v -> v.push(Float.intBitsToFloat((int) b));
        case DoubleVec v -> v.push(Double.longBitsToDouble(b));
        default -> throw new IllegalStateException("not a primitive vector: " + vec);
      }
    }
  }

  /** Every value as its raw bits, masked to the value width. */
  long[] readAll() {
    int n = Math.toIntExact(vec.len());
    long[] out = new long[n];
    switch (vec) {
      case ByteVec v -> {
        byte[] a = new byte[n];
        v.read(0, a, 0, n);
        for (int i = 0; i < n; i++) {
          out[i] = a[i] & 0xFFL;
        }
      }
      case ShortVec v -> {
        short[] a = new short[n];
        v.read(0, a, 0, n);
        for (int i = 0; i < n; i++) {
          out[i] = a[i] & 0xFFFFL;
        }
      }
      case IntVec v -> {
        int[] a = new int[n];
        v.read(0, a, 0, n);
        for (int i = 0; i < n; i++) {
          out[i] = a[i] & 0xFFFF_FFFFL;
        }
      }
      case LongVec v -> v.read(0, out, 0, n);
      case FloatVec v -> {
        float[] a = new float[n];
        v.read(0, a, 0, n);
        for (int i = 0; i < n; i++) {
          out[i] = Float.floatToRawIntBits(a[i]) & 0xFFFF_FFFFL;
        }
      }
      case DoubleVec v -> {
        double[] a = new double[n];
        v.read(0, a, 0, n);
        for (int i = 0; i < n; i++) {
          out[i] = Double.doubleToRawLongBits(a[i]);
        }
      }
      default -> throw new IllegalStateException("not a primitive vector: " + vec);
    }
    return out;
  }
}
