package dev.vecdb.sample.api;

import dev.vecdb.sample.chain.Block;
import java.time.Instant;

/**
 * A block as the API shows it. Immutable.
 *
 * @param height block height
 * @param timestamp seconds since the epoch
 * @param time the timestamp as an ISO-8601 instant
 * @param priceCents price in whole cents, as stored
 * @param price price in dollars
 * @param txCount transactions in the block
 * @param fees fees in satoshis
 * @param hash block hash, lowercase hex
 */
record BlockView(long height, long timestamp, Instant time, double priceCents, double price, int txCount, long fees,
    String hash) {

  static BlockView of(Block block) {
    return new BlockView(block.height(), block.timestamp(), Instant.ofEpochSecond(block.timestamp()),
        block.priceCents(), block.priceCents() / 100, block.txCount(), block.fees(), block.hashHex());
  }
}
