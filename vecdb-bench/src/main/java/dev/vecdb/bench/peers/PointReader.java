package dev.vecdb.bench.peers;

/** Reads single values by index with one engine's point-lookup API; one thread per reader. */
@FunctionalInterface
// close() throws Exception because the engines' close methods throw checked exceptions of their own; none
// throws InterruptedException, which is what javac's "try" lint warns about.
@SuppressWarnings("try")
interface PointReader extends AutoCloseable {

  /** One engine's lookup of the value at an index. */
  @FunctionalInterface
  interface Lookup {
    long valueAt(long index) throws Exception;
  }

  /** Reads the values at {@code indices[from .. to)}, one lookup each, and returns their sum. */
  long sumAt(long[] indices, int from, int to) throws Exception;

  /** Releases what the reader holds (a transaction, a connection); the default holds nothing. */
  @Override
  default void close() throws Exception {}

  /** A reader that sums {@code lookup} over the indices and closes {@code resources} when it is closed. */
  static PointReader summing(Lookup lookup, AutoCloseable resources) {
    return new PointReader() {
      @Override
      public long sumAt(long[] indices, int from, int to) throws Exception {
        long sum = 0;
        for (int k = from; k < to; k++) {
          sum += lookup.valueAt(indices[k]);
        }
        return sum;
      }

      @Override
      public void close() throws Exception {
        resources.close();
      }
    };
  }

  /** A reader that sums {@code lookup} over the indices and holds nothing. */
  static PointReader summing(Lookup lookup) {
    return summing(lookup, () -> {});
  }
}
