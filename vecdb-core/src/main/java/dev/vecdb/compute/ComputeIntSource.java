package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.Exportable;
import dev.vecdb.vec.IndexedIntConsumer;
import java.util.function.IntSupplier;

/**
 * {@link ComputeSource} over the {@code int} family ({@code i8}..{@code u32}), read through the vector's unboxed
 * {@code forEach} and widened per the type. Not thread-safe.
 */
final class ComputeIntSource extends ComputeViewSource {
  /** A vector's {@code forEach(from, to, action)}. */
  @FunctionalInterface
  interface RangeReader {
    void forEach(long from, long to, IndexedIntConsumer action);
  }

  private final NumberType type;
  private final RangeReader reader;
  private long[] target;
  private long origin;
  private int count;

  ComputeIntSource(Exportable values, NumberType type, IntSupplier version, RangeReader reader) {
    super(values, version);
    this.type = type;
    this.reader = reader;
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    target = dst;
    origin = from;
    count = 0;
    reader.forEach(from, from + n, this::accept);
    if (count != n) {
      throw ComputeSource.missing(this, from, n);
    }
  }

  @Override
  public void readDoubles(long from, double[] dst, int n) {
    doublesFromLongs(from, dst, n, false);
  }

  private void accept(long index, int value) {
    if (index != origin + count) {
      throw ComputeSource.missing(this, origin, count + 1);
    }
    target[count++] = type.widen(value);
  }
}
