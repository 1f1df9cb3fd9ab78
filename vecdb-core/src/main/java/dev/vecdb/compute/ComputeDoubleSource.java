package dev.vecdb.compute;

import dev.vecdb.vec.DoubleReadable;

/** {@link ComputeSource} over {@code f64} values: bulk copies, no per-value calls. Not thread-safe. */
final class ComputeDoubleSource extends ComputeViewSource {
  private final DoubleReadable values;

  ComputeDoubleSource(DoubleReadable values) {
    super(values, values::version);
    this.values = values;
  }

  @Override
  public void readDoubles(long from, double[] dst, int n) {
    if (values.read(from, dst, 0, n) != n) {
      throw ComputeSource.missing(this, from, n);
    }
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    longsFromDoubles(from, dst, n);
  }
}
