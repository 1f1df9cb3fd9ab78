package dev.vecdb.sample.chain;

import dev.vecdb.sample.chain.ReorgRejectedException.Reason;
import dev.vecdb.sample.derived.DerivedMetrics;
import dev.vecdb.spring.VecdbFlusher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The chain's single writer: appends blocks from the {@link BlockFeed} in stamped, flushed batches (the stamp is the
 * height of the batch's last block), and handles reorgs by rolling every vector back with its stored change sets and
 * re-ingesting an alternative branch. After each batch it brings the {@link DerivedMetrics} up to date, and flushes
 * the sources and the derived vectors together. Tops the chain up to {@code sample.feed.initial-blocks} while the
 * context starts, before the web server accepts requests.
 *
 * <p>Threads: safe on any thread. Writes (startup, scheduled blocks, reorgs) are serialized by a write lock, which
 * makes the calling thread the vectors' writer until its batch is written; block reads take the read lock so that
 * they see every vector at the same height. Series reads elsewhere use readers and need no lock.
 *
 * <p>Absent in the {@code replica} profile, where the database is a read-only follower of a leader's chain.
 */
@Service
@Profile("!replica")
public class Chain implements Blocks, SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(Chain.class);

  private final ChainVectors vectors;
  private final FeedProperties feed;
  private final VecdbFlusher flusher;
  private final DerivedMetrics derived;
  private final Counter blocksIngested;
  private final Counter reorgs;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** Seed of the branch new blocks follow; guarded by the write lock. */
  private long branchSeed;

  /**
   * @param vectors the per-height vectors
   * @param feed the feed settings
   * @param flusher commits each batch
   * @param derived the metrics computed from the chain after each batch
   * @param registry where the ingestion counters are published
   */
  public Chain(ChainVectors vectors, FeedProperties feed, VecdbFlusher flusher, DerivedMetrics derived,
      MeterRegistry registry) {
    this.vectors = vectors;
    this.feed = feed;
    this.flusher = flusher;
    this.derived = derived;
    this.branchSeed = feed.seed();
    this.blocksIngested = Counter.builder("chain.blocks.ingested").description("Blocks appended to the chain")
        .register(registry);
    this.reorgs = Counter.builder("chain.reorgs").description("Reorgs handled").register(registry);
  }

  /** Tops the chain up to the configured initial blocks; a restart on existing data appends only what is missing. */
  @Override
  public void afterSingletonsInstantiated() {
    withWriteLock(() -> {
      long missing = feed.initialBlocks() - vectors.length();
      if (missing > 0) {
        log.info("Ingesting {} blocks (seed {}, batches of {})", missing, feed.seed(), feed.batchSize());
        append(missing, branchSeed, Long.MAX_VALUE);
      }
      derived.update(Long.MAX_VALUE, vectors.stamp());
      flusher.flush();
      return null;
    });
  }

  /** Appends the next block of the current branch, stamped and flushed. */
  public Block produce() {
    return withWriteLock(() -> {
      append(1, branchSeed, Long.MAX_VALUE);
      return vectors.block(vectors.length() - 1);
    });
  }

  @Override
  public Block latest() {
    return withReadLock(() -> vectors.read(vectors.writtenLength() - 1));
  }

  @Override
  public Optional<Block> block(long height) {
    return withReadLock(() -> height >= 0 && height < vectors.writtenLength()
        ? Optional.of(vectors.read(height)) : Optional.empty());
  }

  /**
   * Replaces the blocks from {@code toHeight} to the tip by an alternative branch of the same length: every vector
   * rolls back to its newest stamped write below {@code toHeight} ({@code rollbackBefore}), the blocks between that
   * stamp and {@code toHeight} are appended again, then the new branch, in stamped and flushed batches. New blocks
   * follow the new branch afterwards.
   *
   * @throws ReorgRejectedException before any change if {@code toHeight} is not in {@code [1, tip]}, or if no
   *     retained change set is stamped below it
   */
  public ReorgResult reorg(long toHeight) {
    return withWriteLock(() -> {
      long tip = vectors.length() - 1;
      if (toHeight < 1 || toHeight > tip) {
        throw new ReorgRejectedException(Reason.OUT_OF_RANGE,
            "toHeight " + toHeight + " is not a replaceable block: choose a height in [1, " + tip + "]");
      }
      long target = retainedStampBelow(toHeight);
      List<Block> kept = new ArrayList<>();
      for (long height = target + 1; height < toHeight; height++) {
        kept.add(vectors.block(height));
      }
      long reached = vectors.rollbackBefore(toHeight);
      kept.forEach(vectors::push);
      long seed = branchSeed * 31 + toHeight;
      append(tip - toHeight + 1, seed, toHeight);
      branchSeed = seed;
      reorgs.increment();
      log.info("Reorg at height {}: rolled back to stamp {}, {} blocks replaced on branch {}", toHeight, reached,
          tip - toHeight + 1, seed);
      return new ReorgResult(toHeight, tip, reached, kept.size(), tip - toHeight + 1, seed);
    });
  }

  /** The newest retained change-set stamp below {@code height}: where {@code rollbackBefore(height)} arrives. */
  private long retainedStampBelow(long height) {
    List<Long> stamps = vectors.changeStamps();
    if (stamps.isEmpty() || stamps.getFirst() >= height) {
      String oldest = stamps.isEmpty() ? "none is retained" : "the oldest retained is " + stamps.getFirst();
      throw new ReorgRejectedException(Reason.BELOW_RETAINED_STAMPS, "a reorg to height " + height
          + " rolls back to a stamped write below it, but " + oldest + " (vecdb.saved-stamped-changes bounds how "
          + "many are kept): choose toHeight above " + (stamps.isEmpty() ? "the tip" : stamps.getFirst()));
    }
    return stamps.stream().mapToLong(Long::longValue).filter(stamp -> stamp < height).max().orElseThrow();
  }

  /**
   * Appends {@code count} blocks of branch {@code seed} after the writer's last block, in stamped batches; after
   * each batch the derived metrics are brought up to date (the first batch recomputes them from {@code maxFrom}),
   * then everything is flushed together. Write lock held.
   */
  private void append(long count, long seed, long maxFrom) {
    long height = vectors.length();
    Block parent = height == 0 ? null : vectors.block(height - 1);
    long end = height + count;
    long recomputeFrom = maxFrom;
    while (height < end) {
      long batchEnd = Math.min(end, height + feed.batchSize());
      for (; height < batchEnd; height++) {
        parent = parent == null ? BlockFeed.genesis(seed) : BlockFeed.next(parent, seed);
        vectors.push(parent);
      }
      vectors.stampedWrite(batchEnd - 1);
      derived.update(recomputeFrom, batchEnd - 1);
      recomputeFrom = Long.MAX_VALUE;
      flusher.flush();
    }
    blocksIngested.increment(count);
  }

  private <T> T withWriteLock(Supplier<T> action) {
    return locked(lock.writeLock(), action);
  }

  private <T> T withReadLock(Supplier<T> action) {
    return locked(lock.readLock(), action);
  }

  private static <T> T locked(Lock lock, Supplier<T> action) {
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
