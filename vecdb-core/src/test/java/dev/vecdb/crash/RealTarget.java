package dev.vecdb.crash;

import dev.vecdb.Database;
import dev.vecdb.Format;
import dev.vecdb.VecOptions;
import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.StoredVec;
import java.nio.file.Path;

/** The workload's target in a real database: an i64 BYTES, a u32 ZERO_COPY and an f64 BYTES vector. */
final class RealTarget implements Target, AutoCloseable {
  private final Database db;
  private final LongVec longs;
  private final IntVec ints;
  private final DoubleVec doubles;
  private final StoredVec[] all;

  RealTarget(Path dir) {
    db = Database.open(dir);
    VecOptions options = VecOptions.DEFAULT.withSavedStampedChanges(Model.KEPT);
    longs = db.longVec("longs", NumberType.I64, options);
    ints = db.intVec("ints", NumberType.U32, options.withFormat(Format.ZERO_COPY));
    doubles = db.doubleVec("doubles", options);
    all = new StoredVec[] {longs, ints, doubles};
  }

  /** The value at {@code index} of vector {@code vec}, as the model holds it. */
  long get(int vec, long index) {
    return switch (vec) {
      case 0 -> longs.get(index);
      case 1 -> Integer.toUnsignedLong(ints.get(index));
      default -> (long) doubles.get(index);
    };
  }

  long commitNumber() {
    return db.commitNumber();
  }

  long[] holes(int vec) {
    return all[vec].holes();
  }

  @Override
  public long len(int vec) {
    return all[vec].len();
  }

  @Override
  public boolean isHole(int vec, long index) {
    return all[vec].isHole(index);
  }

  @Override
  public void push(int vec, long value) {
    switch (vec) {
      case 0 -> longs.push(value);
      case 1 -> ints.push((int) value);
      default -> doubles.push(Model.narrow(2, value));
    }
  }

  @Override
  public void update(int vec, long index, long value) {
    switch (vec) {
      case 0 -> longs.update(index, value);
      case 1 -> ints.update(index, (int) value);
      default -> doubles.update(index, Model.narrow(2, value));
    }
  }

  @Override
  public void delete(int vec, long index) {
    all[vec].delete(index);
  }

  @Override
  public void truncate(int vec, long newLen) {
    all[vec].truncate(newLen);
  }

  @Override
  public long fillFirstHoleOrPush(int vec, long value) {
    return switch (vec) {
      case 0 -> longs.fillFirstHoleOrPush(value);
      case 1 -> ints.fillFirstHoleOrPush((int) value);
      default -> doubles.fillFirstHoleOrPush(Model.narrow(2, value));
    };
  }

  @Override
  public void stampedFlush(long stamp) {
    for (StoredVec vec : all) {
      vec.stampedWriteWithChanges(stamp);
    }
    db.flush();
  }

  @Override
  public boolean canRollback() {
    for (StoredVec vec : all) {
      if (!vec.changeStamps().contains(vec.stamp())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public long rollback() {
    long reached = -1;
    for (StoredVec vec : all) {
      reached = vec.rollback();
    }
    return reached;
  }

  @Override
  public long stamp() {
    return longs.stamp();
  }

  @Override
  public void close() {
    db.close();
  }
}
