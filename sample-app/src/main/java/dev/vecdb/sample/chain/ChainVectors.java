package dev.vecdb.sample.chain;

import dev.vecdb.vec.DoubleReader;
import dev.vecdb.vec.DoubleVec;
import dev.vecdb.vec.IntReader;
import dev.vecdb.vec.IntVec;
import dev.vecdb.vec.LongReader;
import dev.vecdb.vec.LongVec;
import dev.vecdb.vec.ObjReader;
import dev.vecdb.vec.ObjVec;
import dev.vecdb.vec.StoredVec;
import java.util.List;
import java.util.stream.LongStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The five per-height vectors declared in {@code application.yml} ({@code timestamp}, {@code price},
 * {@code tx-count}, {@code fees}, {@code hash}), kept in lockstep: every block pushes one value into each, and
 * every stamped write stamps all of them with the same height.
 *
 * <p>Threads: the writing methods and {@link #block(long)} belong to the single writer ({@link Chain} calls them
 * under its lock); {@link #read(long)} and {@link #writtenLength()} go through readers and are safe on any thread.
 */
@Component
public class ChainVectors {
  private final LongVec timestamps;
  private final DoubleVec prices;
  private final IntVec txCounts;
  private final LongVec fees;
  private final ObjVec<byte[]> hashes;

  /** The declared vectors, injected by name. */
  public ChainVectors(@Qualifier("timestamp") LongVec timestamps, @Qualifier("price") DoubleVec prices,
      @Qualifier("tx-count") IntVec txCounts, @Qualifier("fees") LongVec fees,
      @Qualifier("hash") ObjVec<byte[]> hashes) {
    this.timestamps = timestamps;
    this.prices = prices;
    this.txCounts = txCounts;
    this.fees = fees;
    this.hashes = hashes;
  }

  /** The vectors, in declaration order. */
  public List<StoredVec> all() {
    return List.of(timestamps, prices, txCounts, fees, hashes);
  }

  /** Blocks held in every vector, as the writer sees them (pushed values included). */
  long length() {
    return all().stream().mapToLong(StoredVec::len).min().orElseThrow();
  }

  /** The stamp of the last stamped write: the height of the last block written. */
  long stamp() {
    return timestamps.stamp();
  }

  /** The stamps of the change sets kept for rollback, ascending. */
  List<Long> changeStamps() {
    return timestamps.changeStamps();
  }

  /** Pushes one block into every vector; its height must be {@link #length()}. */
  void push(Block block) {
    timestamps.checkedPush(block.height(), block.timestamp());
    prices.checkedPush(block.height(), block.priceCents());
    txCounts.checkedPush(block.height(), block.txCount());
    fees.checkedPush(block.height(), block.fees());
    hashes.checkedPush(block.height(), block.hash());
  }

  /** Writes every vector with {@code height} as the stamp, keeping the change set that undoes the write. */
  void stampedWrite(long height) {
    all().forEach(vector -> vector.stampedWriteWithChanges(height));
  }

  /**
   * Rolls every vector back, one stamped write after the other, until its stamp is below {@code height}; the result
   * is in memory until the next write.
   *
   * @return the stamp reached, the same in every vector
   * @throws IllegalStateException if the vectors reached different stamps
   */
  long rollbackBefore(long height) {
    long[] reached = all().stream().mapToLong(vector -> vector.rollbackBefore(height)).distinct().toArray();
    if (reached.length != 1) {
      throw new IllegalStateException("the chain vectors rolled back to different stamps: "
          + LongStream.of(reached).boxed().toList());
    }
    return reached[0];
  }

  /** The block at {@code height} as the writer sees it. */
  Block block(long height) {
    return new Block(height, timestamps.get(height), prices.get(height), txCounts.get(height), fees.get(height),
        hashes.get(height));
  }

  /** Blocks written to every vector, as readers see them; safe on any thread. */
  public long writtenLength() {
    return all().stream().mapToLong(StoredVec::storedLen).min().orElseThrow();
  }

  /** The written block at {@code height}, read through readers; safe on any thread. */
  public Block read(long height) {
    try (LongReader t = timestamps.reader(); DoubleReader p = prices.reader(); IntReader c = txCounts.reader();
        LongReader f = fees.reader(); ObjReader<byte[]> h = hashes.reader()) {
      return new Block(height, t.get(height), p.get(height), c.get(height), f.get(height), h.get(height));
    }
  }
}
