package dev.vecdb.compute;

import dev.vecdb.vec.FloatReadable;

/** {@link ComputeSource} over {@code f32} values, read in bulk then widened. Not thread-safe. */
final class ComputeFloatSource extends ComputeViewSource {
  private final FloatReadable values;
  private float[] floats = new float[0];

  ComputeFloatSource(FloatReadable values) {
    super(values, values::version);
    this.values = values;
  }

  @Override
  public void readDoubles(long from, double[] dst, int n) {
    if (floats.length < n) {
      floats = new float[n];
    }
    if (values.read(from, floats, 0, n) != n) {
      throw ComputeSource.missing(this, from, n);
    }
    for (int i = 0; i < n; i++) {
      dst[i] = floats[i];
    }
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    longsFromDoubles(from, dst, n);
  }
}
