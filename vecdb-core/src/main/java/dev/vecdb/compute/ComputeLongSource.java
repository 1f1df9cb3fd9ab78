package dev.vecdb.compute;

import dev.vecdb.codec.NumberType;
import dev.vecdb.vec.LongReadable;

/** {@link ComputeSource} over {@code i64}/{@code u64} values: bulk copies, no per-value calls. Not thread-safe. */
final class ComputeLongSource implements ComputeSource {
  private final LongReadable values;
  private final boolean unsigned;
  private long[] scratch = new long[0];

  ComputeLongSource(LongReadable values) {
    this.values = values;
    this.unsigned = values.type() == NumberType.U64;
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
  public void readLongs(long from, long[] dst, int n) {
    if (values.read(from, dst, 0, n) != n) {
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
      long v = scratch[i];
      dst[i] = unsigned && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v;
    }
  }
}
