package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReadable;

/** {@link ComputeSource} over {@code i64}/{@code u64} values: bulk copies, no per-value calls. Not thread-safe. */
final class ComputeLongSource extends ComputeViewSource {
  private final LongReadable values;
  private final boolean unsigned;

  ComputeLongSource(LongReadable values) {
    super(values, values::version);
    this.values = values;
    this.unsigned = values.type() == NumberType.U64;
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    if (values.read(from, dst, 0, n) != n) {
      throw ComputeSource.missing(this, from, n);
    }
  }

  @Override
  public void readDoubles(long from, double[] dst, int n) {
    doublesFromLongs(from, dst, n, unsigned);
  }
}
