package dev.vecdb.sample.chain;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic block source. Each block is a function of its parent and a branch seed only: the same
 * seed always yields the same chain, and another seed forks it (a reorg's alternative branch). Prices follow a
 * random walk in whole cents, timestamps advance by roughly ten minutes, transaction counts and fee rates vary
 * around realistic values, and each hash is the SHA-256 of the parent's hash and the block's fields.
 *
 * <p>Stateless and thread-safe.
 */
public final class BlockFeed {
  /** Genesis time: 2023-11-14T22:13:20Z. */
  static final long GENESIS_TIME = 1_700_000_000L;
  /** Genesis price: $42,000.00. */
  static final double GENESIS_PRICE_CENTS = 4_200_000;
  private static final double TARGET_SPACING_SECONDS = 600;
  private static final double PRICE_VOLATILITY = 0.002;
  private static final double MIN_PRICE_CENTS = 100;

  private BlockFeed() {}

  /** Block 0 of the branch {@code seed}. */
  public static Block genesis(long seed) {
    return block(0, GENESIS_TIME, GENESIS_PRICE_CENTS, new byte[32], seed);
  }

  /** The child of {@code parent} on the branch {@code seed}. */
  public static Block next(Block parent, long seed) {
    long height = parent.height() + 1;
    SplittableRandom random = random(seed, height);
    long spacing = 1 + Math.round(-TARGET_SPACING_SECONDS * Math.log(1 - random.nextDouble()));
    double step = 1 + PRICE_VOLATILITY * gaussian(random);
    double price = Math.max(MIN_PRICE_CENTS, Math.rint(parent.priceCents() * step));
    return block(height, parent.timestamp() + spacing, price, parent.hash(), seed);
  }

  private static Block block(long height, long timestamp, double priceCents, byte[] parentHash, long seed) {
    SplittableRandom random = random(seed ^ 0x5DEECE66DL, height);
    int txCount = 1_500 + random.nextInt(2_500);
    long feeRate = 1_000 + random.nextLong(9_000);
    long fees = txCount * feeRate;
    return new Block(height, timestamp, priceCents, txCount, fees,
        hash(parentHash, height, timestamp, priceCents, txCount, fees, seed));
  }

  private static SplittableRandom random(long seed, long height) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + height);
  }

  /** A standard normal variate (Box-Muller), drawn from {@code random} only. */
  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static byte[] hash(byte[] parentHash, long height, long timestamp, double priceCents, int txCount,
      long fees, long seed) {
    ByteBuffer fields = ByteBuffer.allocate(44)
        .putLong(height).putLong(timestamp).putDouble(priceCents).putInt(txCount).putLong(fees).putLong(seed);
    MessageDigest sha256 = sha256();
    sha256.update(parentHash);
    sha256.update(fields.array());
    return sha256.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK provides no SHA-256", e);
    }
  }
}
