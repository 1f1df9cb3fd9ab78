package dev.vecdb.compute;

import dev.vecdb.vec.DoubleReadable;

/** {@link ComputeSource} over {@code f64} values: bulk copies, no per-value calls. Not thread-safe. */
final class ComputeDoubleSource implements ComputeSource {
  private final DoubleReadable values;
  private double[] scratch = new double[0];

  ComputeDoubleSource(DoubleReadable values) {
    this.values = values;
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
    return values.version();
  }

  @Override
  public void readDoubles(long from, double[] dst, int n) {
    if (values.read(from, dst, 0, n) != n) {
      throw ComputeSource.missing(this, from, n);
    }
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    if (scratch.length < n) {
      scratch = new double[n];
    }
    readDoubles(from, scratch, n);
    for (int i = 0; i < n; i++) {
      dst[i] = (long) scratch[i];
    }
  }
}
