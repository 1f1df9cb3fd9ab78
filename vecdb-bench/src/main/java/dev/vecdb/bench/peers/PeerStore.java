package dev.vecdb.bench.peers;

/**
 * One engine's store of the workload's values, opened on a directory: the operations the runner times. Values are
 * the sequential {@code u64} workload, value = index, at positions {@code 0 .. n-1}.
 *
 * <p>Threading: {@link #append}, {@link #makeDurable}, {@link #count}, {@link #sum} and {@link #close} are called by
 * one thread; {@link #pointReader()} may be called by any number of threads at once, each using its own reader.
 */
// close() throws Exception because the engines' close methods throw checked exceptions of their own; none
// throws InterruptedException, which is what javac's "try" lint warns about.
@SuppressWarnings("try")
interface PeerStore extends AutoCloseable {

  /** Appends the values {@code 0 .. n-1} with the engine's fastest bulk API and makes them readable. */
  void append(long n) throws Exception;

  /** Makes everything appended durable (the row's durability column says how). */
  void makeDurable() throws Exception;

  /** The number of values stored, found the engine's cheapest exact way. */
  long count() throws Exception;

  /** A linear read of every value, in index order: their sum. */
  long sum() throws Exception;

  /** A reader of single values by index, for the calling thread only. */
  PointReader pointReader() throws Exception;

  @Override
  void close() throws Exception;
}
