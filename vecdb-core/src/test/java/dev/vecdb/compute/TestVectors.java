package dev.vecdb.compute;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;

/** Stored source vectors for the lazy vector tests, written (visible to readers) before they are returned. */
final class TestVectors {
  private TestVectors() {}

  static LongVec longs(Database db, String name, NumberType type, long... values) {
    LongVec vec = db.longVec(name, type, VecOptions.DEFAULT);
    for (long v : values) {
      vec.push(v);
    }
    vec.write();
    return vec;
  }

  /** {@code 0, 1, ..., n - 1} as {@code i64}. */
  static LongVec sequence(Database db, String name, long n) {
    LongVec vec = db.longVec(name, NumberType.I64, VecOptions.DEFAULT);
    for (long i = 0; i < n; i++) {
      vec.push(i);
    }
    vec.write();
    return vec;
  }

  static IntVec u32s(Database db, String name, int... values) {
    IntVec vec = db.intVec(name, NumberType.U32, VecOptions.DEFAULT);
    for (int v : values) {
      vec.push(v);
    }
    vec.write();
    return vec;
  }

  static DoubleVec doubles(Database db, String name, double... values) {
    DoubleVec vec = db.doubleVec(name, VecOptions.DEFAULT);
    for (double v : values) {
      vec.push(v);
    }
    vec.write();
    return vec;
  }
}
