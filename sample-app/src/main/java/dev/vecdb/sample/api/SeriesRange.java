package dev.vecdb.sample.api;

/**
 * A resolved, validated range {@code [from, to)} of a series. Bounds are signed like the vector API's
 * {@code collectSigned}: a negative bound counts from the end ({@code from=-10} is the last ten values). Unlike the
 * vector API, which clamps, a bound beyond the series, an inverted range or more than {@code maxValues} values is
 * refused with a {@link ApiProblem}. Immutable.
 *
 * @param from first index, inclusive
 * @param to last index, exclusive
 */
record SeriesRange(long from, long to) {
  /**
   * Resolves the requested bounds against a series of {@code length} values.
   *
   * @param from requested start; absent means {@code defaultValues} before {@code to}
   * @param to requested end; absent means the end of the series
   * @throws ApiProblem (400) naming the series and the cause when the range is invalid
   */
  static SeriesRange resolve(String series, long length, Long from, Long to, ApiProperties limits) {
    long end = to == null ? length : bound(series, "to", to, length, limits);
    long start = from == null ? Math.max(0, end - limits.defaultValues()) : bound(series, "from", from, length, limits);
    if (start > end) {
      throw ApiProblem.badRange(series, length, limits.maxValues(),
          "from " + start + " is after to " + end + " (resolved from from=" + from + ", to=" + to + ")");
    }
    if (end - start > limits.maxValues()) {
      throw ApiProblem.badRange(series, length, limits.maxValues(), "the range [" + start + ", " + end + ") holds "
          + (end - start) + " values, more than the " + limits.maxValues() + " one request returns; narrow it");
    }
    return new SeriesRange(start, end);
  }

  private static long bound(String series, String name, long bound, long length, ApiProperties limits) {
    long resolved = bound < 0 ? length + bound : bound;
    if (resolved < 0 || resolved > length) {
      throw ApiProblem.badRange(series, length, limits.maxValues(), name + "=" + bound + " is out of range: the "
          + "series holds " + length + " values, so bounds must lie in [-" + length + ", " + length + "]");
    }
    return resolved;
  }

  /** Number of values in the range. */
  long size() {
    return to - from;
  }
}
