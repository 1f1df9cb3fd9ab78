package dev.vecdb.compute;

import dev.vecdb.vec.Exportable;
import java.util.function.IntSupplier;

/**
 * What the {@link ComputeSource} views of vectors share: name, length and version from the wrapped view, and the
 * conversion of one read into the other number family through a reused scratch buffer. Not thread-safe.
 */
abstract class ComputeViewSource implements ComputeSource {
  private final Exportable values;
  private final IntSupplier version;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];

  ComputeViewSource(Exportable values, IntSupplier version) {
    this.values = values;
    this.version = version;
  }

  @Override
  public final String name() {
    return values.name();
  }

  @Override
  public final long len() {
    return values.len();
  }

  @Override
  public final int version() {
    return version.getAsInt();
  }

  /** {@link #readDoubles} of an integer source: reads longs, converts ({@code unsigned}: as {@code u64}). */
  final void doublesFromLongs(long from, double[] dst, int n, boolean unsigned) {
    if (longs.length < n) {
      longs = new long[n];
    }
    readLongs(from, longs, n);
    for (int i = 0; i < n; i++) {
      long v = longs[i];
      dst[i] = unsigned && v < 0 ? (double) (v >>> 1) * 2.0 + (v & 1) : v;
    }
  }

  /** {@link #readLongs} of a floating source: reads doubles, truncates them toward zero. */
  final void longsFromDoubles(long from, long[] dst, int n) {
    if (doubles.length < n) {
      doubles = new double[n];
    }
    readDoubles(from, doubles, n);
    for (int i = 0; i < n; i++) {
      dst[i] = (long) doubles[i];
    }
  }
}
