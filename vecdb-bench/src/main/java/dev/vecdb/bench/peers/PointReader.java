package dev.vecdb.bench.peers;

/** Reads single values by index with one engine's point-lookup API; one thread per reader. */
interface PointReader extends AutoCloseable {

  /** Reads the values at {@code indices[from .. to)}, one lookup each, and returns their sum. */
  long sumAt(long[] indices, int from, int to) throws Exception;

  /** Releases what the reader holds (a transaction, a connection); the default holds nothing. */
  @Override
  default void close() throws Exception {}
}
