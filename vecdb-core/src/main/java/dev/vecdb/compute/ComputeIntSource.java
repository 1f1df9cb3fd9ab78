package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.Exportable;
import dev.vecdb.vec.IndexedIntConsumer;
import java.util.function.IntSupplier;

/**
 * {@link ComputeSource} over the {@code int} family ({@code i8}..{@code u32}), read through the vector's unboxed
 * {@code forEach} and widened per the type. Not thread-safe.
 */
final class ComputeIntSource implements ComputeSource {
  /** A vector's {@code forEach(from, to, action)}. */
  @FunctionalInterface
  interface RangeReader {
    void forEach(long from, long to, IndexedIntConsumer action);
  }

  private final Exportable values;
  private final NumberType type;
  private final IntSupplier version;
  private final RangeReader reader;
  private long[] scratch = new long[0];
  private long[] target;
  private long origin;
  private int count;

  ComputeIntSource(Exportable values, NumberType type, IntSupplier version, RangeReader reader) {
    this.values = values;
    this.type = type;
    this.version = version;
    this.reader = reader;
  }

  @Override
  public String name() {
    return values.name();
  }

  @Override
  public long len() {
    return values.len();
  }

  @Override
  public int version() {
    return version.getAsInt();
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
    if (scratch.length < n) {
      scratch = new long[n];
    }
    readLongs(from, scratch, n);
    for (int i = 0; i < n; i++) {
      dst[i] = scratch[i];
    }
  }

  private void accept(long index, int value) {
    if (index != origin + count) {
      throw ComputeSource.missing(this, origin, count + 1);
    }
    target[count++] = type.widen(value);
  }
}
