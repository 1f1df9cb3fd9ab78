package dev.vecdb.sample.chain;

import java.util.HexFormat;

/**
 * One block of the synthetic chain: what the service stores per height. Immutable (the hash array is not copied:
 * callers must not modify it).
 *
 * @param height the block height, also the index in every vector
 * @param timestamp seconds since the epoch
 * @param priceCents the asset price at this block, in whole cents
 * @param txCount number of transactions
 * @param fees fees paid in the block, in satoshis
 * @param hash the 32-byte block hash
 */
public record Block(long height, long timestamp, double priceCents, int txCount, long fees, byte[] hash) {
  /** The hash as lowercase hex. */
  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }
}
