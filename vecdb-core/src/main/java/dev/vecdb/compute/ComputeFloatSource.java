package dev.vecdb.compute;

import dev.vecdb.vec.FloatReadable;

/** {@link ComputeSource} over {@code f32} values, read in bulk then widened. Not thread-safe. */
final class ComputeFloatSource implements ComputeSource {
  private final FloatReadable values;
  private float[] scratch = new float[0];

  ComputeFloatSource(FloatReadable values) {
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
    float[] floats = fill(from, n);
    for (int i = 0; i < n; i++) {
      dst[i] = floats[i];
    }
  }

  @Override
  public void readLongs(long from, long[] dst, int n) {
    float[] floats = fill(from, n);
    for (int i = 0; i < n; i++) {
      dst[i] = (long) floats[i];
    }
  }

  private float[] fill(long from, int n) {
    if (scratch.length < n) {
      scratch = new float[n];
    }
    if (values.read(from, scratch, 0, n) != n) {
      throw ComputeSource.missing(this, from, n);
    }
    return scratch;
  }
}
