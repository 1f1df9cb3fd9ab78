package dev.vecdb.store;

/**
 * What a {@link RegionStore#compact()} did.
 *
 * @param unusedBytes bytes of the data file that belong to no region's contents: free holes and reserved tails (an
 *     upper bound of what punching reclaims, since parts may never have been allocated)
 * @param punched whether those bytes were punched out of the file; false when native access is not enabled
 */
public record CompactionReport(long unusedBytes, boolean punched) {}
