package dev.vecdb.bench.peers;

import java.nio.file.Path;

/** Opens (creating when empty) one engine's store in a directory. */
@FunctionalInterface
interface StoreOpener {

  /**
   * Opens the store in {@code dir}, an existing empty directory or one a previous open of the same engine filled.
   *
   * @param capacity the number of values the run stores (for engines that size their map up front)
   * @param durableRun true for the run whose {@link PeerStore#makeDurable} is timed (engines whose sync policy is
   *     fixed at open time use it; the others ignore it)
   */
  PeerStore open(Path dir, long capacity, boolean durableRun) throws Exception;
}
