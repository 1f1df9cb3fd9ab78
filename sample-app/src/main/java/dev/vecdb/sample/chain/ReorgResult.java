package dev.vecdb.sample.chain;

/**
 * What a reorg did. Immutable.
 *
 * @param toHeight first height replaced by the alternative branch
 * @param previousTip height of the tip before the reorg, and again after it
 * @param rolledBackTo the stamp every vector rolled back to (the newest stamped write below {@code toHeight})
 * @param keptBlocks blocks between that stamp and {@code toHeight}, re-appended unchanged
 * @param replacedBlocks blocks of the alternative branch, {@code toHeight} to the tip
 * @param branchSeed the seed of the alternative branch, which new blocks now follow
 */
public record ReorgResult(long toHeight, long previousTip, long rolledBackTo, long keptBlocks, long replacedBlocks,
    long branchSeed) {}
