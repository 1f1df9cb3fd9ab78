package dev.vecdb.compute;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.LongVec;

/** Source and target vectors for the computation tests: written vectors in a real database. */
final class ComputeFixture {
  private ComputeFixture() {}

  /** A written {@code i64} vector holding {@code values}, as a source. */
  static ComputeSource longs(Database db, String name, long... values) {
    LongVec v = db.longVec(name, NumberType.I64, VecOptions.DEFAULT);
    append(v, values);
    return ComputeSource.of(v);
  }

  /** A written {@code f64} vector holding {@code values}, as a source. */
  static ComputeSource doubles(Database db, String name, double... values) {
    DoubleVec v = db.doubleVec(name, VecOptions.DEFAULT);
    append(v, values);
    return ComputeSource.of(v);
  }

  static void append(LongVec v, long... values) {
    for (long x : values) {
      v.push(x);
    }
    v.write();
  }

  static void append(DoubleVec v, double... values) {
    for (double x : values) {
      v.push(x);
    }
    v.write();
  }

  /** An empty {@code i64} eager vector. */
  static EagerLongVec longOut(Database db, String name) {
    return EagerLongVec.open(db, name, NumberType.I64, VecOptions.DEFAULT);
  }

  /** An empty {@code f64} eager vector. */
  static EagerDoubleVec doubleOut(Database db, String name) {
    return EagerDoubleVec.open(db, name, VecOptions.DEFAULT);
  }
}
