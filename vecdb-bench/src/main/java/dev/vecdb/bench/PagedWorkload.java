package dev.vecdb.bench;

import static dev.vecdb.bench.Dataset.DOUBLE;
import static dev.vecdb.bench.Dataset.INT;
import static dev.vecdb.bench.Dataset.LONG;

import dev.vecdb.Database;
import dev.vecdb.VecOptions;
import dev.vecdb.vec.DoubleCursor;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntCursor;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongCursor;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.StoredVec;
import java.lang.foreign.MemorySegment;

/**
 * One {@link Dataset} in one vector, with the operations the paged-format benchmarks time: pushing a series (then
 * writing), folding every value (a sum), and random point reads. Each implementation calls its vector type's unboxed
 * API; the benchmark makes one interface call per operation. Single-threaded, like the benchmarks.
 */
sealed interface PagedWorkload {
  /** The vector's name in its database. */
  String NAME = "bench";

  /** Opens (creating) the vector for {@code dataset} with {@code options} in {@code db}. */
  static PagedWorkload open(Database db, Dataset dataset, VecOptions options) {
    return switch (dataset.type) {
      case U64 -> new Longs(db.longVec(NAME, dataset.type, options));
      case I32 -> new Ints(db.intVec(NAME, dataset.type, options));
      case F64 -> new Doubles(db.doubleVec(NAME, options));
      default -> throw new IllegalArgumentException("no workload for " + dataset.type);
    };
  }

  /** The vector. */
  StoredVec vec();

  /** Pushes every value of the little-endian {@code values}. */
  void pushAll(MemorySegment values);

  /** Folds every value into a checksum. */
  long fold();

  /** Reads the values at {@code indices} into a checksum. */
  long get(long[] indices);

  /** Reads every value through a cursor into a checksum. */
  long cursor();

  /** Reads the values at the sorted {@code indices} with one multi-index read into a checksum. */
  long getAll(long[] indices);

  /** Bytes of every region the vector stores. */
  default long storedBytes() {
    return vec().storedBytes();
  }

  /** A {@code u64} series. */
  record Longs(LongVec vec) implements PagedWorkload {
    @Override
    public void pushAll(MemorySegment values) {
      long n = values.byteSize() / 8;
      for (long i = 0; i < n; i++) {
        vec.push(values.getAtIndex(LONG, i));
      }
    }

    @Override
    public long fold() {
      return vec.fold(0, vec.len(), 0L, Long::sum);
    }

    @Override
    public long cursor() {
      long sum = 0;
      for (LongCursor c = vec.cursor(0, vec.len()); c.hasNext(); ) {
        sum += c.nextLong();
      }
      return sum;
    }

    @Override
    public long getAll(long[] indices) {
      long sum = 0;
      for (long v : vec.getAll(indices)) {
        sum += v;
      }
      return sum;
    }

    @Override
    public long get(long[] indices) {
      long sum = 0;
      for (long index : indices) {
        sum += vec.get(index);
      }
      return sum;
    }
  }

  /** An {@code i32} series. */
  record Ints(IntVec vec) implements PagedWorkload {
    @Override
    public void pushAll(MemorySegment values) {
      long n = values.byteSize() / 4;
      for (long i = 0; i < n; i++) {
        vec.push(values.getAtIndex(INT, i));
      }
    }

    @Override
    public long fold() {
      return vec.fold(0, vec.len(), 0, Integer::sum);
    }

    @Override
    public long cursor() {
      long sum = 0;
      for (IntCursor c = vec.cursor(0, vec.len()); c.hasNext(); ) {
        sum += c.nextInt();
      }
      return sum;
    }

    @Override
    public long getAll(long[] indices) {
      long sum = 0;
      for (int v : vec.getAll(indices)) {
        sum += v;
      }
      return sum;
    }

    @Override
    public long get(long[] indices) {
      long sum = 0;
      for (long index : indices) {
        sum += vec.get(index);
      }
      return sum;
    }
  }

  /** An {@code f64} series. */
  record Doubles(DoubleVec vec) implements PagedWorkload {
    @Override
    public void pushAll(MemorySegment values) {
      long n = values.byteSize() / 8;
      for (long i = 0; i < n; i++) {
        vec.push(values.getAtIndex(DOUBLE, i));
      }
    }

    @Override
    public long fold() {
      return Double.doubleToRawLongBits(vec.fold(0, vec.len(), 0.0, Double::sum));
    }

    @Override
    public long cursor() {
      double sum = 0;
      for (DoubleCursor c = vec.cursor(0, vec.len()); c.hasNext(); ) {
        sum += c.nextDouble();
      }
      return Double.doubleToRawLongBits(sum);
    }

    @Override
    public long getAll(long[] indices) {
      double sum = 0;
      for (double v : vec.getAll(indices)) {
        sum += v;
      }
      return Double.doubleToRawLongBits(sum);
    }

    @Override
    public long get(long[] indices) {
      double sum = 0;
      for (long index : indices) {
        sum += vec.get(index);
      }
      return Double.doubleToRawLongBits(sum);
    }
  }
}
