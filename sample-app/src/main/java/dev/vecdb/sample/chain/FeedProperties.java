package dev.vecdb.sample.chain;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the synthetic block feed ({@code sample.feed.*}). Bound once at startup; read-only afterwards.
 *
 * @param seed Seed of the main branch: the same seed always produces the same blocks
 * @param initialBlocks Blocks the chain holds after startup (a restart on existing data only tops up)
 * @param batchSize Blocks per stamped write and flush while catching up or re-ingesting
 * @param interval Delay between two new blocks once caught up; zero disables new blocks
 */
@ConfigurationProperties("sample.feed")
public record FeedProperties(long seed, long initialBlocks, int batchSize, Duration interval) {
  /** Applies the defaults and validates. */
  public FeedProperties {
    if (initialBlocks < 1) {
      throw new IllegalArgumentException("sample.feed.initial-blocks must be at least 1, not " + initialBlocks);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("sample.feed.batch-size must be at least 1, not " + batchSize);
    }
    if (interval == null) {
      interval = Duration.ZERO;
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("sample.feed.interval must not be negative, not " + interval);
    }
  }
}
